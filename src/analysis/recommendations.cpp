#include "analysis/recommendations.h"

#include <algorithm>
#include <cmath>

#include "analysis/number_text.h"
#include "analysis/russian_words.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;
constexpr const char* k_unknown = "—";

std::string default_text(model::RecommendationWhen when, const model::Definition& def,
                         model::Better better) {
  const std::string where = municipality_words(def).dative;
  switch (when) {
    case model::RecommendationWhen::below_target:
      return "{indicator} — {value} при целевом значении {year} года {target} (отставание {gap}). "
             "Включить в план методической работы ОО меры по достижению целевого значения, "
             "использовать опыт ОО, достигших его.";
    case model::RecommendationWhen::below_median:
      return "{indicator} — {value} при медиане по " + where + " {median} (" +
             (better == model::Better::higher ? "ниже на {gap}" : "выше на {gap}, а лучше меньше") +
             "). Проанализировать причины отставания и перенять практики ОО с лучшими значениями.";
    case model::RecommendationWhen::document_missing:
      return documents_missing_text({"«{input}»"});
    case model::RecommendationWhen::no_positive_dynamics:
      return "{indicator} — {value}, в предыдущем периоде {previous} (изменение {change}). Выявить "
             "причины отсутствия положительной динамики.";
  }
  return "";
}

// Order of importance of the triggers (ranked()).
int trigger_order(model::RecommendationWhen when) {
  switch (when) {
    case model::RecommendationWhen::below_target: return 0;
    case model::RecommendationWhen::document_missing: return 1;
    case model::RecommendationWhen::below_median: return 2;
    case model::RecommendationWhen::no_positive_dynamics: return 3;
  }
  return 4;
}

bool worse(double value, double reference, model::Better better) {
  return better == model::Better::higher ? value < reference - k_eps : value > reference + k_eps;
}

struct Fired {
  std::map<std::string, std::string> values;  // placeholders
  double gap = 0;
};

std::string yes_no_word(double v) { return v > 50 ? "«Да»" : "«Нет»"; }

// The placeholders' values for one school and rule, and whether the rule
// fires (only on a gap of at least `min_gap`).
std::optional<Fired> check_rule(const model::RecommendationRule& rule, const model::Definition& def,
                                const aggregate::Summary& summary, const model::Submission* sub,
                                const std::string& school_id, const Dynamics& dynamics,
                                double min_gap) {
  std::map<std::string, std::string> v = {{"value", k_unknown},  {"target", k_unknown},
                                          {"median", k_unknown}, {"gap", k_unknown},
                                          {"previous", k_unknown}, {"change", k_unknown},
                                          {"indicator", k_unknown}, {"input", k_unknown},
                                          {"year", std::to_string(summary.period.year)}};
  if (rule.when == model::RecommendationWhen::document_missing) {
    const auto* in = def.find_input(rule.input);
    if (in == nullptr || sub == nullptr) return std::nullopt;
    const auto yes = sub->yes(rule.input);
    if (!yes || *yes) return std::nullopt;
    v["input"] = input_name(def, rule.input);
    return Fired{v, 0};
  }
  const auto* ind = def.find_indicator(rule.indicator);
  const auto* sv = summary.value(school_id, rule.indicator);
  const auto* st = summary.stats(rule.indicator);
  if (ind == nullptr || sv == nullptr || !sv->value) return std::nullopt;
  const bool yesno = ind->kind == model::IndicatorKind::yesno;
  v["indicator"] = ind->name;
  v["value"] = yesno ? yes_no_word(*sv->value) : format_value(*ind, *sv->value);
  if (sv->target) v["target"] = format_target(*ind, *sv->target);
  if (st && st->median) v["median"] = format_value(*ind, *st->median);
  const auto* row = dynamics.find(school_id, rule.indicator);
  const auto* prev = row ? row->previous() : nullptr;
  if (prev && prev->earlier) {
    v["previous"] = yesno ? yes_no_word(*prev->earlier) : format_value(*ind, *prev->earlier);
  }
  if (prev && prev->change) {
    v["change"] = yesno ? "стало " + yes_no_word(*sv->value) : format_change(*ind, *prev->change);
  }
  const double need = rule.min_gap.value_or(min_gap) - k_eps;
  switch (rule.when) {
    case model::RecommendationWhen::below_target: {
      if (sv->status != aggregate::TargetStatus::not_met || !sv->target) return std::nullopt;
      const double gap = std::abs(*sv->value - *sv->target);
      if (gap < need) return std::nullopt;
      v["gap"] = format_gap(*ind, gap);
      return Fired{v, gap};
    }
    case model::RecommendationWhen::below_median: {
      if (!st || !st->median || !worse(*sv->value, *st->median, ind->better)) return std::nullopt;
      const double gap = std::abs(*sv->value - *st->median);
      if (gap < need) return std::nullopt;
      v["gap"] = format_gap(*ind, gap);
      return Fired{v, gap};
    }
    case model::RecommendationWhen::no_positive_dynamics: {
      if (prev == nullptr || !prev->improved || *prev->improved || !prev->change) return std::nullopt;
      const double drop = ind->better == model::Better::higher ? -*prev->change : *prev->change;
      if (drop < need) return std::nullopt;
      return Fired{v, drop};
    }
    case model::RecommendationWhen::document_missing: break;
  }
  return std::nullopt;
}

std::string direction_of(const model::RecommendationRule& rule, const model::Definition& def) {
  if (!rule.indicator.empty()) {
    if (const auto* ind = def.find_indicator(rule.indicator)) return ind->direction;
  }
  if (const auto* in = def.find_input(rule.input)) return in->direction;
  return "";
}

}  // namespace

std::string input_name(const model::Definition& definition, const std::string& input_id) {
  // A yes/no indicator over the input names it better than the form's label.
  for (const auto& ind : definition.indicators) {
    if (ind.kind == model::IndicatorKind::yesno && ind.input == input_id) return ind.name;
  }
  const auto* in = definition.find_input(input_id);
  return in ? in->label : input_id;
}

std::string documents_missing_text(const std::vector<std::string>& quoted_names) {
  const bool one = quoted_names.size() == 1;
  return "В форме ОО не подтверждено: " + join_and(quoted_names) + ". Разработать и утвердить " +
         (one ? "необходимый документ" : "необходимые документы") +
         " (организовать работу) и представить подтверждение в методическую службу.";
}

std::size_t SchoolRecommendations::count() const {
  std::size_t n = 0;
  for (const auto& d : directions) n += d.items.size();
  return n;
}

std::vector<const Recommendation*> SchoolRecommendations::ranked() const {
  std::vector<const Recommendation*> out;
  for (const auto& d : directions) {
    for (const auto& r : d.items) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [](const Recommendation* a, const Recommendation* b) {
    const int ka = trigger_order(a->when);
    const int kb = trigger_order(b->when);
    if (ka != kb) return ka < kb;
    return a->gap > b->gap + k_eps;
  });
  return out;
}

model::RecommendationSettings recommendation_settings(const model::Definition& definition) {
  return definition.rubric ? definition.rubric->recommendation_settings
                           : model::RecommendationSettings{};
}

std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    const auto close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) {
      out += text.substr(pos);
      break;
    }
    out += text.substr(pos, open - pos);
    const auto it = values.find(text.substr(open + 1, close - open - 1));
    out += it != values.end() ? it->second : text.substr(open, close - open + 1);
    pos = close + 1;
  }
  out.shrink_to_fit();  // kept per school until the report is written
  return out;
}

std::vector<model::RecommendationRule> default_rules(const model::Definition& definition) {
  std::vector<model::RecommendationRule> rules;
  for (const auto& ind : definition.indicators) {
    model::RecommendationRule r;
    if (ind.kind == model::IndicatorKind::share) {
      r.when = ind.targets.empty() ? model::RecommendationWhen::below_median
                                   : model::RecommendationWhen::below_target;
      r.indicator = ind.id;
    } else if (ind.kind == model::IndicatorKind::yesno) {
      r.when = model::RecommendationWhen::document_missing;
      r.input = ind.input;
    } else {
      continue;  // counts depend on the school's size
    }
    r.text = default_text(r.when, definition, ind.better);
    rules.push_back(std::move(r));
  }
  return rules;
}

std::vector<SchoolRecommendations> recommend(
    const model::Definition& definition, const model::Registry& registry,
    const aggregate::Summary& summary,
    const std::map<std::string, const model::Submission*>& submissions, const Dynamics& dynamics) {
  const bool own = definition.rubric && !definition.rubric->recommendations.empty();
  const auto rules = own ? definition.rubric->recommendations : default_rules(definition);
  const double min_gap = recommendation_settings(definition).min_gap;
  // Direction order: the definition's, then "" (Прочее) last.
  std::vector<std::string> order;
  for (const auto& d : definition.directions) order.push_back(d.id);
  order.push_back("");

  std::vector<SchoolRecommendations> out;
  out.reserve(summary.school_ids.size());
  for (const auto& school_id : summary.school_ids) {
    SchoolRecommendations sr;
    sr.school_id = school_id;
    const auto* school = registry.find(school_id);
    sr.school_name = school && !school->short_name.empty() ? school->short_name : school_id;
    const auto sub_it = submissions.find(school_id);
    const model::Submission* sub = sub_it == submissions.end() ? nullptr : sub_it->second;
    std::map<std::string, std::vector<Recommendation>> by_direction;
    for (const auto& rule : rules) {
      auto fired = check_rule(rule, definition, summary, sub, school_id, dynamics, min_gap);
      if (!fired) continue;
      fired->values["school"] = sr.school_name;
      std::string dir = direction_of(rule, definition);
      if (definition.find_direction(dir) == nullptr) dir.clear();
      by_direction[dir].push_back({rule.when, rule.indicator, rule.input,
                                   fill_template(rule.text, fired->values), fired->gap});
    }
    for (const auto& dir : order) {
      auto it = by_direction.find(dir);
      if (it == by_direction.end()) continue;
      const auto* d = definition.find_direction(dir);
      it->second.shrink_to_fit();  // kept per school until the report is written
      sr.directions.push_back({dir, d ? std::string_view(d->name) : std::string_view("Прочее"),
                              std::move(it->second)});
    }
    sr.directions.shrink_to_fit();
    out.push_back(std::move(sr));
  }
  return out;
}

}  // namespace analysis
