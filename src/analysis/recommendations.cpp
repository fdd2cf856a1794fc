#include "analysis/recommendations.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "analysis/small_numbers.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;
constexpr const char* k_unknown = "—";

// A completing rule's text: the figures, then the advice, in the
// indicator's direction.
std::string default_text(model::RecommendationWhen when, const model::Definition& def,
                         model::Better better) {
  const std::string where = municipality_words(def).dative;
  const bool higher = better == model::Better::higher;
  switch (when) {
    case model::RecommendationWhen::below_target:
      return higher ? "{indicator} — {value} при целевом значении {year} года {target} (отставание {gap}). "
                      "Включить в план методической работы ОО меры по достижению целевого значения."
                    : "{indicator} — {value} при целевом значении {year} года не более {target} "
                      "(превышение {gap}). Включить в план методической работы ОО меры по снижению "
                      "значения до целевого.";
    case model::RecommendationWhen::below_median:
      return "{indicator} — {value} при медиане по " + where + " {median} (" +
             (higher ? "ниже на {gap}" : "выше на {gap}, а лучше меньше") +
             "). Проанализировать причины отставания и перенять практики ОО с лучшими значениями.";
    case model::RecommendationWhen::bottom_quartile:
      return higher ? "{indicator} — {value}, в нижней четверти значений ОО (медиана по " + where +
                          " {median}). Проанализировать причины и перенять практики ОО с лучшими значениями."
                    : "{indicator} — {value}, в четверти наибольших значений ОО, а лучше меньше (медиана по " +
                          where + " {median}). Проанализировать причины и перенять практики ОО с лучшими значениями.";
    case model::RecommendationWhen::document_missing:
      return documents_missing_text({"«{input}»"});
    case model::RecommendationWhen::no_positive_dynamics:
      return "{indicator} — {value}, в предыдущем периоде {previous} (изменение {change}). Выявить "
             "причины отсутствия положительной динамики.";
  }
  return "";
}

bool worse(double value, double reference, model::Better better) {
  return better == model::Better::higher ? value < reference - k_eps : value > reference + k_eps;
}

std::string yes_no_word(double v) { return v > 50 ? "«Да»" : "«Нет»"; }

// The placeholders' values of `rule` for one school; `gap` is the gap the
// rule fired on (formatted for the triggers that state one).
std::map<std::string, std::string> placeholders(const model::RecommendationRule& rule,
                                                const model::Definition& def,
                                                const aggregate::Summary& summary,
                                                const std::string& school_id, std::string_view school_name,
                                                const Dynamics& dynamics, double min_den, double gap) {
  std::map<std::string, std::string> v = {{"value", k_unknown},  {"target", k_unknown},
                                          {"median", k_unknown}, {"gap", k_unknown},
                                          {"previous", k_unknown}, {"change", k_unknown},
                                          {"indicator", k_unknown}, {"input", k_unknown},
                                          {"year", std::to_string(summary.period.year)},
                                          {"school", std::string(school_name)}};
  if (rule.when == model::RecommendationWhen::document_missing) {
    v["input"] = input_name(def, rule.input);
    return v;
  }
  const auto* ind = def.find_indicator(rule.indicator);
  const auto* sv = summary.value(school_id, rule.indicator);
  if (ind == nullptr || sv == nullptr || !sv->value) return v;
  const auto* st = summary.stats(rule.indicator);
  const bool yesno = ind->kind == model::IndicatorKind::yesno;
  v["indicator"] = ind->name;
  v["value"] = yesno ? yes_no_word(*sv->value) : value_text(*ind, *sv, min_den);
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
  if (rule.when != model::RecommendationWhen::no_positive_dynamics) v["gap"] = format_gap(*ind, gap);
  return v;
}

// Whether the rule fires for one school, and on which gap (only on a gap of
// at least `min_gap`; 0 for a missing document). Figures only: the text is
// made when it is shown (recommendation_text), not for every school and rule.
std::optional<double> check_rule(const model::RecommendationRule& rule, const model::Definition& def,
                                 const aggregate::Summary& summary, const model::Submission* sub,
                                 const std::string& school_id, const Dynamics& dynamics, double min_gap) {
  if (rule.when == model::RecommendationWhen::document_missing) {
    const auto* in = def.find_input(rule.input);
    if (in == nullptr || sub == nullptr) return std::nullopt;
    const auto yes = sub->yes(rule.input);
    if (!yes || *yes) return std::nullopt;
    return 0.0;
  }
  const auto* ind = def.find_indicator(rule.indicator);
  const auto* sv = summary.value(school_id, rule.indicator);
  if (ind == nullptr || sv == nullptr || !sv->value) return std::nullopt;
  const auto* st = summary.stats(rule.indicator);
  // A completing rule answers any missed target; the method's own, gaps of min_gap or more.
  const double need = rule.completing && rule.when == model::RecommendationWhen::below_target
                          ? -1
                          : rule.min_gap.value_or(min_gap) - k_eps;
  switch (rule.when) {
    case model::RecommendationWhen::below_target: {
      if (sv->status != aggregate::TargetStatus::not_met || !sv->target || !sv->gap) return std::nullopt;
      const double gap = std::abs(*sv->gap);  // from the printed value
      if (gap < need) return std::nullopt;
      return gap;
    }
    case model::RecommendationWhen::below_median: {
      if (!st || !st->median || !worse(*sv->value, *st->median, ind->better) || !sv->deviation) {
        return std::nullopt;
      }
      const double gap = std::abs(*sv->deviation);  // printed value - printed median
      if (gap < need || gap < k_eps) return std::nullopt;
      return gap;
    }
    case model::RecommendationWhen::bottom_quartile: {
      if (!st || !st->median || !st->q1 || !st->q3 || !sv->deviation) return std::nullopt;
      const bool higher = ind->better == model::Better::higher;
      const double edge = higher ? *st->q1 : *st->q3;
      const bool in_quarter = higher ? *sv->value <= edge + k_eps : *sv->value >= edge - k_eps;
      const double gap = std::abs(*sv->deviation);
      if (!in_quarter || !worse(*sv->value, *st->median, ind->better) || gap < k_eps) return std::nullopt;
      return gap;
    }
    case model::RecommendationWhen::no_positive_dynamics: {
      const auto* row = dynamics.find(school_id, rule.indicator);
      const auto* prev = row ? row->previous() : nullptr;
      if (prev == nullptr || !prev->improved || *prev->improved || !prev->change) return std::nullopt;
      const double drop = ind->better == model::Better::higher ? -*prev->change : *prev->change;
      if (drop < need) return std::nullopt;
      return drop;
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

int trigger_order(model::RecommendationWhen when) {
  switch (when) {
    case model::RecommendationWhen::below_target: return 0;
    case model::RecommendationWhen::document_missing: return 1;
    case model::RecommendationWhen::below_median: return 2;
    case model::RecommendationWhen::bottom_quartile: return 2;
    case model::RecommendationWhen::no_positive_dynamics: return 3;
  }
  return 4;
}

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
  return out;
}

std::vector<model::RecommendationRule> default_rules(const model::Definition& definition) {
  std::vector<model::RecommendationRule> rules;
  const auto add = [&](model::RecommendationWhen when, const model::IndicatorDef& ind) {
    model::RecommendationRule r;
    r.when = when;
    if (when == model::RecommendationWhen::document_missing) {
      r.input = ind.input;
    } else {
      r.indicator = ind.id;
    }
    r.text = default_text(when, definition, ind.better);
    r.completing = true;
    rules.push_back(std::move(r));
  };
  for (const auto& ind : definition.indicators) {
    if (ind.kind == model::IndicatorKind::share) {
      if (!ind.targets.empty()) add(model::RecommendationWhen::below_target, ind);
      add(model::RecommendationWhen::bottom_quartile, ind);
    } else if (ind.kind == model::IndicatorKind::yesno) {
      add(model::RecommendationWhen::document_missing, ind);
    }  // counts depend on the school's size
  }
  return rules;
}

std::vector<model::RecommendationRule> effective_rules(const model::Definition& definition) {
  std::vector<model::RecommendationRule> rules;
  if (definition.rubric) rules = definition.rubric->recommendations;
  for (auto& r : default_rules(definition)) rules.push_back(std::move(r));
  return rules;
}

std::string common_advice(const model::RecommendationRule& rule, const model::Definition& definition,
                          int year) {
  static constexpr std::string_view k_per_school[] = {"{value}",    "{gap}",    "{target}", "{median}",
                                                      "{previous}", "{change}", "{school}"};
  // Sentences end at ". " before a capital letter (or at the end).
  std::vector<std::string> sentences;
  std::size_t from = 0;
  for (std::size_t i = 0; i + 1 < rule.text.size(); ++i) {
    if (rule.text[i] != '.' || rule.text[i + 1] != ' ' || i + 2 >= rule.text.size()) continue;
    const unsigned char next = static_cast<unsigned char>(rule.text[i + 2]);
    const bool capital = (next >= 'A' && next <= 'Z') || next == 0xD0 || next == '{';
    if (!capital) continue;
    // A Cyrillic capital is D0 90..D0 AF (А..Я) or D0 81 (Ё).
    if (next == 0xD0 && i + 3 < rule.text.size()) {
      const unsigned char second = static_cast<unsigned char>(rule.text[i + 3]);
      if (!((second >= 0x90 && second <= 0xAF) || second == 0x81)) continue;
    }
    sentences.push_back(rule.text.substr(from, i + 1 - from));
    from = i + 2;
  }
  if (from < rule.text.size()) sentences.push_back(rule.text.substr(from));
  std::string out;
  for (const auto& s : sentences) {
    bool per_school = false;
    for (const auto p : k_per_school) per_school = per_school || s.find(p) != std::string::npos;
    if (per_school) continue;
    out += (out.empty() ? "" : " ") + s;
  }
  std::map<std::string, std::string> values = {{"year", std::to_string(year)}};
  if (const auto* ind = definition.find_indicator(rule.indicator)) values["indicator"] = ind->name;
  if (!rule.input.empty()) values["input"] = input_name(definition, rule.input);
  return fill_template(out, values);
}

std::vector<SchoolRecommendations> recommend(
    const model::Definition& definition, const model::Registry& registry,
    const aggregate::Summary& summary,
    const std::map<std::string, const model::Submission*>& submissions, const Dynamics& dynamics,
    const std::vector<model::RecommendationRule>& rules) {
  const auto settings = recommendation_settings(definition);
  // Direction order: the definition's, then "" (Прочее) last.
  std::vector<std::string> order;
  for (const auto& d : definition.directions) order.push_back(d.id);
  order.push_back("");

  std::vector<SchoolRecommendations> out;
  out.reserve(summary.school_ids.size());
  std::set<std::string, std::less<>> answered;  // indicator or input ids, per school
  for (const auto& school_id : summary.school_ids) {
    SchoolRecommendations sr;
    sr.school_id = school_id;
    const auto* school = registry.find(school_id);
    sr.school_name = school && !school->short_name.empty() ? school->short_name : school_id;
    const auto sub_it = submissions.find(school_id);
    const model::Submission* sub = sub_it == submissions.end() ? nullptr : sub_it->second;
    std::map<std::string, std::vector<Recommendation>> by_direction;
    answered.clear();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto& rule = rules[i];
      const std::string& key = rule.when == model::RecommendationWhen::document_missing ? rule.input : rule.indicator;
      if (rule.completing && answered.contains(key)) continue;  // answered once
      const auto gap = check_rule(rule, definition, summary, sub, school_id, dynamics, settings.min_gap);
      if (!gap) continue;
      answered.insert(key);
      std::string dir = direction_of(rule, definition);
      if (definition.find_direction(dir) == nullptr) dir.clear();
      by_direction[dir].push_back({rule.when, rule.indicator, rule.input, *gap, static_cast<std::uint32_t>(i)});
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

std::string recommendation_text(const model::Definition& definition, const aggregate::Summary& summary,
                                const Dynamics& dynamics, const std::vector<model::RecommendationRule>& rules,
                                const SchoolRecommendations& school, const Recommendation& item) {
  if (item.rule >= rules.size()) return {};
  const auto& rule = rules[item.rule];
  return fill_template(rule.text,
                       placeholders(rule, definition, summary, school.school_id, school.school_name, dynamics,
                                    min_denominator(definition), item.gap));
}

}  // namespace analysis
