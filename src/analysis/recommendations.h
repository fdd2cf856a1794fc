// Addressed recommendations (адресные рекомендации): per school, grouped by
// direction, chosen by the definition's [[recommendation]] rules (or by
// default_rules() when it has none), worded in Russian with the figures that
// triggered them. Pure.
//
// Triggers, per school with an accepted form:
//   below_target          the school's value falls short of the target of the period's year
//   below_median          the value is worse than the median across schools
//   document_missing      the yes/no input is answered «Нет» (an empty answer triggers nothing)
//   no_positive_dynamics  the value got worse against the previous period
// Only gaps that matter: below_target, below_median and no_positive_dynamics
// fire when the gap (or the worsening) is at least the rule's min_gap, else
// [recommendations] min_gap (default 5: p.p. for shares, units for counts).
// Ranking within a school (ranked()): below target first, then missing
// documents, then below the median, then worsening; larger gaps first.
// Placeholders in texts: {school} {indicator} {input} {value} {target}
// {median} {gap} {previous} {change} {year}; a figure that is not known is "—".
//
//   const auto recs = analysis::recommend(def, registry, summary, submissions, dynamics);
//   recs[0].directions[0].items[0].text
//     -> "Доля … — 45,0 % при целевом значении 2026 года 80 % (отставание 35,0 п.п.). Включить …"
#pragma once

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
  std::string text;          // filled in
  double gap = 0;            // size of the gap that fired it (0 for document_missing)
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

// Rules used when a definition has none: below_target for shares with
// targets, below_median for shares without, document_missing for the inputs
// of yes/no indicators. Definition order. Texts speak of the definition's
// municipality («медиана по району»).
std::vector<model::RecommendationRule> default_rules(const model::Definition& definition);

// One entry per school with an accepted form, in summary (registry) order.
std::vector<SchoolRecommendations> recommend(
    const model::Definition& definition, const model::Registry& registry,
    const aggregate::Summary& summary,
    const std::map<std::string, const model::Submission*>& submissions, const Dynamics& dynamics);

// How texts name a yes/no input: the name of the yes/no indicator over it
// («Наличие Положения о наставничестве»), else the form's label.
std::string input_name(const model::Definition& definition, const std::string& input_id);

// The default advice for missing documents, one or several of them:
// "В форме ОО не подтверждено: «А» и «Б». Разработать и утвердить необходимые документы …".
std::string documents_missing_text(const std::vector<std::string>& quoted_names);

// Replaces each {name} by values[name]; unknown names are kept as written.
std::string fill_template(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace analysis
