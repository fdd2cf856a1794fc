// Addressed recommendations (адресные рекомендации): per school, grouped by
// direction, worded in Russian with the figures that triggered them. Pure.
//
// Every shortfall of a school is answered (effective_rules()):
//   - the method's own [[recommendation]] rules fire as written;
//   - then, for each indicator and yes/no answer none of them answered for
//     that school, a completing rule in the indicator's direction: a missed
//     target of the period's year (any gap), a value in the worst quarter of
//     the schools' values (bottom_quartile), a yes/no answered «Нет»
//     (document_missing). One answer per school and indicator.
// Triggers:
//   below_target          the school's value falls short of the target of the period's year
//   below_median          the value is worse than the median across schools
//   bottom_quartile       at or below the lower quartile (higher is better) or at or
//                         above the upper one (lower is better), and worse than the median
//   document_missing      the yes/no input is answered «Нет» (an empty answer triggers nothing)
//   no_positive_dynamics  the value got worse against the previous period
// The method's below_target, below_median and no_positive_dynamics rules fire
// when the gap (or the worsening) is at least the rule's min_gap, else
// [recommendations] min_gap (default 5: p.p. for shares, units for counts);
// completing rules answer any missed target. Gaps are computed from the
// printed values (aggregate::printed).
// Ranking within a school (ranked()): below target first, then missing
// documents, then below the median or in the worst quarter, then worsening;
// larger gaps first.
// Placeholders in texts: {school} {indicator} {input} {value} {target}
// {median} {gap} {previous} {change} {year}; a figure that is not known is
// "—"; a share from a small denominator is given with its counts
// («0,0 % (0 из 3)», small_numbers.h).
//
//   const auto rules = analysis::effective_rules(def);
//   const auto recs = analysis::recommend(def, registry, summary, submissions, dynamics, rules);
//   recommendation_text(def, summary, dynamics, rules, recs[0], recs[0].directions[0].items[0])
//     -> "Доля … — 45,0 % при целевом значении 2026 года 80 % (отставание 35,0 п.п.). Включить …"
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/dynamics.h"
#include "model/definition.h"
#include "model/school.h"
#include "model/submission.h"

namespace analysis {

struct Recommendation {
  model::RecommendationWhen when = model::RecommendationWhen::below_target;
  std::string indicator_id;  // empty for document_missing
  std::string input_id;      // document_missing only
  double gap = 0;            // size of the gap that fired it (0 for document_missing)
  std::uint32_t rule = 0;    // index of its rule in effective_rules() (Analysis::rules)
};

struct DirectionRecommendations {
  std::string direction_id;    // empty: indicators and inputs without a direction
  // A view of the definition's direction name (the definition must outlive
  // it: moving the definition keeps it valid), or of the fixed «Прочее» for
  // the empty id; not a copy per school.
  std::string_view direction_name;
  std::vector<Recommendation> items;  // rule order
};

struct SchoolRecommendations {
  std::string school_id;
  std::string school_name;  // registry short name (the id when not in the registry)
  std::vector<DirectionRecommendations> directions;  // definition's direction order; only non-empty

  std::size_t count() const;
  // All items, most important first (see the file comment); ties keep
  // direction and rule order.
  std::vector<const Recommendation*> ranked() const;
};

// The settings of a definition (defaults when it has no [recommendations]).
model::RecommendationSettings recommendation_settings(const model::Definition& definition);

// The completing rules, in definition order: per share with targets a
// below_target, per share a bottom_quartile, per yes/no indicator a
// document_missing of its input; worded in the indicator's direction
// («отставание», or «превышение» when lower is better) and naming the
// definition's municipality («медиана по району»). All marked `completing`.
std::vector<model::RecommendationRule> default_rules(const model::Definition& definition);

// The rules a run applies: the method's own, then default_rules().
std::vector<model::RecommendationRule> effective_rules(const model::Definition& definition);

// One entry per school with an accepted form, in summary (registry) order;
// `rules` as effective_rules() gives them (each Recommendation::rule indexes it).
std::vector<SchoolRecommendations> recommend(
    const model::Definition& definition, const model::Registry& registry,
    const aggregate::Summary& summary,
    const std::map<std::string, const model::Submission*>& submissions, const Dynamics& dynamics,
    const std::vector<model::RecommendationRule>& rules);

// The words of `item`, one of `school`'s recommendations made by recommend()
// from the same definition, summary, dynamics and rules: its rule's text with
// the placeholders filled. Made when shown, not kept: a region's run has tens
// of thousands of them.
std::string recommendation_text(const model::Definition& definition, const aggregate::Summary& summary,
                                const Dynamics& dynamics, const std::vector<model::RecommendationRule>& rules,
                                const SchoolRecommendations& school, const Recommendation& item);

// The part of a rule's text that is the same for every school it concerns:
// its sentences without a per-school figure ({value}, {gap}, {target},
// {median}, {previous}, {change}, {school}), placeholders filled
// ({indicator}, {input}, {year}). "" when every sentence has such a figure.
//   "{indicator}: {value} при цели {target}. Закрепить за наставниками …"
//     -> "Закрепить за наставниками …"
std::string common_advice(const model::RecommendationRule& rule, const model::Definition& definition,
                          int year);

// Order of importance of the triggers: a missed target first, then a missing
// document, a low value, no progress (a school's list and the справка's).
int trigger_order(model::RecommendationWhen when);

// How texts name a yes/no input: the name of the yes/no indicator over it
// («Наличие Положения о наставничестве»), else the form's label.
std::string input_name(const model::Definition& definition, const std::string& input_id);

// The default advice for missing documents, one or several of them:
// "В форме ОО не подтверждено: «А» и «Б». Разработать и утвердить необходимые документы …".
std::string documents_missing_text(const std::vector<std::string>& quoted_names);

// Replaces each {name} by values[name]; unknown names are kept as written.
std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace analysis
