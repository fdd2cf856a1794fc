#include "analysis/recommendation_groups.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "aggregate/statistics.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "analysis/small_numbers.h"
#include "util/text_case.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;
constexpr std::size_t k_max_exemplars = 3;

// Position of the group's indicator (or of the yes/no indicator over its
// input) in the definition; inputs without one come last.
std::size_t definition_order(const model::Definition& def, const RecommendationGroup& g) {
  for (std::size_t i = 0; i < def.indicators.size(); ++i) {
    const auto& ind = def.indicators[i];
    if (!g.indicator_id.empty() ? ind.id == g.indicator_id
                                : ind.kind == model::IndicatorKind::yesno && ind.input == g.input_id) {
      return i;
    }
  }
  return def.indicators.size();
}

const model::IndicatorDef* yesno_over(const model::Definition& def, const std::string& input_id) {
  for (const auto& ind : def.indicators) {
    if (ind.kind == model::IndicatorKind::yesno && ind.input == input_id) return &ind;
  }
  return nullptr;
}

// The default advice of a trigger, naming what it is about: a document of
// the list of all recommendations reads «Разработать и утвердить «Положение
// о наставничестве» …», not the same sentence in every row.
std::string default_advice(model::RecommendationWhen when, model::Better better, const std::string& what) {
  const std::string about = "«" + what + "»";
  switch (when) {
    case model::RecommendationWhen::below_target:
      return better == model::Better::higher
                 ? "Включить в планы методической работы ОО меры по достижению целевого значения показателя " +
                       about + "."
                 : "Включить в планы методической работы ОО меры по снижению показателя " + about +
                       " до целевого значения.";
    case model::RecommendationWhen::below_median:
    case model::RecommendationWhen::bottom_quartile:
      return "Проанализировать причины " + std::string(better == model::Better::higher ? "низкого" : "высокого") +
             " значения показателя " + about + " и перенять практики ОО с лучшими значениями.";
    case model::RecommendationWhen::document_missing:
      return "Разработать и утвердить " + about +
             " (организовать работу) и представить подтверждение в методическую службу.";
    case model::RecommendationWhen::no_positive_dynamics:
      return "Выявить причины отсутствия положительной динамики показателя " + about + ".";
  }
  return "";
}

}  // namespace

std::vector<RecommendationGroup> group_recommendations(const model::Definition& definition,
                                                       const aggregate::Summary& summary,
                                                       const Analysis& analysis) {
  std::map<std::uint32_t, RecommendationGroup> by_rule;
  for (const auto& school : analysis.recommendations) {
    for (const auto& dir : school.directions) {
      for (const auto& r : dir.items) {
        auto& g = by_rule[r.rule];
        if (g.school_ids.empty()) {
          g.rule = r.rule;
          g.when = r.when;
          g.indicator_id = r.indicator_id;
          g.input_id = r.input_id;
          g.direction_id = dir.direction_id;
        }
        g.school_ids.push_back(school.school_id);
      }
    }
  }
  std::vector<RecommendationGroup> out;
  out.reserve(by_rule.size());
  for (auto& [rule, g] : by_rule) {
    const bool below = g.when == model::RecommendationWhen::below_target ||
                       g.when == model::RecommendationWhen::below_median ||
                       g.when == model::RecommendationWhen::bottom_quartile;
    if (below) {
      g.exemplars = strong_schools(definition, summary, g.indicator_id);
      if (g.exemplars.size() > k_max_exemplars) g.exemplars.resize(k_max_exemplars);
    }
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [&](const RecommendationGroup& a, const RecommendationGroup& b) {
    return std::make_tuple(trigger_order(a.when), definition_order(definition, a), a.rule) <
           std::make_tuple(trigger_order(b.when), definition_order(definition, b), b.rule);
  });
  return out;
}

std::vector<std::string> strong_schools(const model::Definition& definition, const aggregate::Summary& summary,
                                        const std::string& indicator_id) {
  const auto* ind = definition.find_indicator(indicator_id);
  const auto* st = summary.stats(indicator_id);
  if (ind == nullptr || st == nullptr || ind->kind != model::IndicatorKind::share || !st->median || !st->q1 ||
      !st->q3) {
    return {};
  }
  const double min_den = min_denominator(definition);
  const bool higher = ind->better == model::Better::higher;
  std::vector<std::string> out;
  for (const auto& id : summary.school_ids) {
    const auto* v = summary.value(id, indicator_id);
    if (v == nullptr || !v->value || is_small(*ind, *v, min_den)) continue;
    const double x = *v->value;
    const bool best_quarter = higher ? x >= *st->q3 - k_eps : x <= *st->q1 + k_eps;
    const bool better_than_median = higher ? x > *st->median + k_eps : x < *st->median - k_eps;
    const bool meets = !v->target || v->status == aggregate::TargetStatus::met;
    if (best_quarter && better_than_median && meets) out.push_back(id);
  }
  // The best first (ties: registry order).
  std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
    const double x = *summary.value(a, indicator_id)->value;
    const double y = *summary.value(b, indicator_id)->value;
    return higher ? x > y + k_eps : x < y - k_eps;
  });
  return out;
}

std::vector<const RecommendationGroup*> exemplar_groups(const std::vector<RecommendationGroup>& groups,
                                                        std::size_t max_indicators) {
  std::vector<const RecommendationGroup*> candidates;
  for (const auto& g : groups) {
    if (!g.exemplars.empty()) candidates.push_back(&g);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto* a, const auto* b) {
    return a->school_ids.size() > b->school_ids.size();
  });
  std::vector<const RecommendationGroup*> out;
  std::set<std::string> seen;
  for (const auto* g : candidates) {
    if (out.size() >= max_indicators) break;
    if (seen.insert(g->indicator_id).second) out.push_back(g);
  }
  return out;
}

std::vector<std::string> schools_needing_help(const Analysis& analysis) {
  std::vector<double> counts;
  for (const auto& s : analysis.recommendations) counts.push_back(static_cast<double>(s.count()));
  const auto q3 = aggregate::quantile_inc(counts, 0.75);
  std::vector<std::string> out;
  if (!q3) return out;
  for (const auto& s : analysis.recommendations) {
    const auto n = static_cast<double>(s.count());
    if (n >= 2 && n >= *q3 - k_eps) out.push_back(s.school_id);
  }
  return out;
}

std::string situation_text(const model::Definition& definition, const aggregate::Summary& summary,
                           const RecommendationGroup& g) {
  const auto* ind = definition.find_indicator(g.indicator_id);
  const auto* st = summary.stats(g.indicator_id);
  const bool higher = ind == nullptr || ind->better == model::Better::higher;
  const std::string where = municipality_words(definition).dative;
  const std::string median = st && st->median && ind ? format_value(*ind, *st->median) : "—";
  const std::string year = std::to_string(summary.period.year);
  switch (g.when) {
    case model::RecommendationWhen::below_target: {
      const auto target = ind ? ind->target_for(summary.period.year) : std::nullopt;
      const std::string t = target && ind ? format_target(*ind, *target) : "—";
      return higher ? "ниже цели " + year + " года (" + t + ")" : "выше цели " + year + " года (не более " + t + ")";
    }
    case model::RecommendationWhen::below_median:
      return higher ? "ниже медианы по " + where + " (" + median + ")"
                    : "выше медианы по " + where + " (" + median + "), а лучше меньше";
    case model::RecommendationWhen::bottom_quartile:
      return higher ? "в нижней четверти значений ОО (медиана по " + where + " " + median + ")"
                    : "в четверти наибольших значений ОО, а лучше меньше (медиана по " + where + " " + median + ")";
    case model::RecommendationWhen::document_missing: return "ответ «Нет»";
    case model::RecommendationWhen::no_positive_dynamics: return "хуже, чем в предыдущем периоде";
  }
  return "";
}

std::string advice_text(const model::Definition& definition, const Analysis& analysis,
                        const RecommendationGroup& g) {
  const auto* ind = !g.indicator_id.empty() ? definition.find_indicator(g.indicator_id)
                                            : yesno_over(definition, g.input_id);
  const auto better = ind ? ind->better : model::Better::higher;
  if (g.rule < analysis.rules.size() && !analysis.rules[g.rule].completing) {
    auto own = common_advice(analysis.rules[g.rule], definition, analysis.period.year);
    if (!own.empty()) return util::sentence(own);
  }
  const std::string what = ind ? indicator_words(*ind) : input_name(definition, g.input_id);
  return default_advice(g.when, better, what);
}

std::string schools_with_values(const model::Definition& definition, const model::Registry& registry,
                                const aggregate::Summary& summary, const RecommendationGroup& g,
                                const std::vector<std::string>& ids) {
  const auto* ind = definition.find_indicator(g.indicator_id);
  const double min_den = min_denominator(definition);
  std::string out;
  for (const auto& id : ids) {
    out += (out.empty() ? "" : ", ") + school_list(registry, {id});
    if (ind == nullptr || ind->kind == model::IndicatorKind::yesno) continue;
    if (const auto* v = summary.value(id, ind->id); v && v->value) out += " (" + value_text(*ind, *v, min_den) + ")";
  }
  return out;
}

std::string recommendation_sentence(const model::Definition& definition, const model::Registry& registry,
                                    const aggregate::Summary& summary, const Analysis& analysis,
                                    const RecommendationGroup& g) {
  const model::IndicatorDef* ind = !g.indicator_id.empty() ? definition.find_indicator(g.indicator_id)
                                                           : yesno_over(definition, g.input_id);
  const std::string label = ind ? indicator_short_label(*ind) : "«" + input_name(definition, g.input_id) + "»";
  std::string out = label + " — " + situation_text(definition, summary, g) + ": " +
                    schools_with_values(definition, registry, summary, g, g.school_ids) + ". " +
                    advice_text(definition, analysis, g);
  if (!g.exemplars.empty()) {
    out += " Использовать опыт ОО с лучшими значениями: " +
           schools_with_values(definition, registry, summary, g, g.exemplars) + ".";
  }
  return out;
}

}  // namespace analysis
