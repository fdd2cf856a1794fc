#include "analysis/recommendations.h"

#include <cmath>

#include "analysis/number_text.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;
constexpr const char* k_unknown = "—";

std::string default_text(model::RecommendationWhen when) {
  switch (when) {
    case model::RecommendationWhen::below_target:
      return "{indicator} — {value} при целевом значении {year} года {target} (отставание {gap}): "
             "включить в план методической работы ОО меры по достижению целевого значения, "
             "использовать опыт ОО, достигших его.";
    case model::RecommendationWhen::below_median:
      return "{indicator} — {value} при медиане по округу {median} (ниже на {gap}): проанализировать "
             "причины отставания и перенять практики ОО с лучшими значениями.";
    case model::RecommendationWhen::document_missing:
      return "{input} — «Нет»: разработать и утвердить локальный акт (документ), представить его "
             "копию в методическую службу.";
    case model::RecommendationWhen::no_positive_dynamics:
      return "{indicator} — {value}, в предыдущем периоде {previous} (изменение {change}): выявить "
             "причины отсутствия положительной динамики.";
  }
  return "";
}

bool worse(double value, double reference, model::Better better) {
  return better == model::Better::higher ? value < reference - k_eps : value > reference + k_eps;
}

// The placeholders' values for one school and rule, and whether the rule fires.
std::optional<std::map<std::string, std::string>> check_rule(
    const model::RecommendationRule& rule, const model::Definition& def,
    const aggregate::Summary& summary, const model::Submission* sub, const std::string& school_id,
    const Dynamics& dynamics) {
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
    v["input"] = in->label;
    return v;
  }
  const auto* ind = def.find_indicator(rule.indicator);
  const auto* sv = summary.value(school_id, rule.indicator);
  const auto* st = summary.stats(rule.indicator);
  if (ind == nullptr || sv == nullptr || !sv->value) return std::nullopt;
  v["indicator"] = ind->name;
  v["value"] = format_value(*ind, *sv->value);
  if (sv->target) v["target"] = format_target(*ind, *sv->target);
  if (st && st->median) v["median"] = format_value(*ind, *st->median);
  const auto* row = dynamics.find(school_id, rule.indicator);
  const auto* prev = row ? row->previous() : nullptr;
  if (prev && prev->earlier) v["previous"] = format_value(*ind, *prev->earlier);
  if (prev && prev->change) v["change"] = format_change(*ind, *prev->change);
  switch (rule.when) {
    case model::RecommendationWhen::below_target:
      if (sv->status != aggregate::TargetStatus::not_met || !sv->target) return std::nullopt;
      v["gap"] = format_gap(*ind, *sv->value - *sv->target);
      return v;
    case model::RecommendationWhen::below_median:
      if (!st || !st->median || !worse(*sv->value, *st->median, ind->better)) return std::nullopt;
      v["gap"] = format_gap(*ind, *sv->value - *st->median);
      return v;
    case model::RecommendationWhen::no_positive_dynamics:
      if (prev == nullptr || !prev->improved || *prev->improved) return std::nullopt;
      return v;
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

std::size_t SchoolRecommendations::count() const {
  std::size_t n = 0;
  for (const auto& d : directions) n += d.items.size();
  return n;
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
    r.text = default_text(r.when);
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
  // Direction order: the definition's, then "" (Прочее) last.
  std::vector<std::string> order;
  for (const auto& d : definition.directions) order.push_back(d.id);
  order.push_back("");

  std::vector<SchoolRecommendations> out;
  for (const auto& school_id : summary.school_ids) {
    SchoolRecommendations sr;
    sr.school_id = school_id;
    const auto* school = registry.find(school_id);
    sr.school_name = school && !school->short_name.empty() ? school->short_name : school_id;
    const auto sub_it = submissions.find(school_id);
    const model::Submission* sub = sub_it == submissions.end() ? nullptr : sub_it->second;
    std::map<std::string, std::vector<Recommendation>> by_direction;
    for (const auto& rule : rules) {
      auto values = check_rule(rule, definition, summary, sub, school_id, dynamics);
      if (!values) continue;
      (*values)["school"] = sr.school_name;
      std::string dir = direction_of(rule, definition);
      if (definition.find_direction(dir) == nullptr) dir.clear();
      by_direction[dir].push_back({rule.when, rule.indicator, rule.input, fill_template(rule.text, *values)});
    }
    for (const auto& dir : order) {
      auto it = by_direction.find(dir);
      if (it == by_direction.end()) continue;
      const auto* d = definition.find_direction(dir);
      sr.directions.push_back({dir, d ? d->name : "Прочее", std::move(it->second)});
    }
    out.push_back(std::move(sr));
  }
  return out;
}

}  // namespace analysis
