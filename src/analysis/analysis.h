// The analysis stage: from a definition, the aggregated Summary, the accepted
// forms and earlier periods' values, everything a methodist otherwise does by
// hand in Excel: rubric points per school and for the municipality, the
// roadmap view, dynamics, groups of schools with their factors, addressed
// recommendations, the analytical summary text and the notes for the method
// sheet. Pure: no I/O, same inputs -> same Analysis (sorted by ids or
// definition order; the order of `accepted` and `history` does not matter).
//
//   const auto summary = aggregate::summarize(def, registry, accepted, period);
//   const auto history = ...;  // PeriodValues from store::HistoryStore (caller's I/O)
//   const analysis::Analysis a = analysis::analyze(def, registry, summary, accepted, history);
//   for (const auto& g : a.clusters.clusters) print(g.name, g.profile);
//
// Sheets the report renders from it:
//   rating           a.rubric->schools / municipal: blocks -> positions -> params (points, notes)
//   roadmap          a.roadmap (targets per year, status per school and municipality)
//   dynamics         a.dynamics (changes vs previous period / same period of earlier years)
//   clusters         a.clusters (groups, factors, schools without enough data, warnings)
//   recommendations  a.recommendations (per school, grouped by direction)
//   справка          analytical_summary.h (with the run's model::Participation);
//                    «Методика» sheet: a.method_notes and a.warnings
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/clusters.h"
#include "analysis/dynamics.h"
#include "analysis/period_values.h"
#include "analysis/recommendations.h"
#include "analysis/roadmap.h"
#include "analysis/rubric_scoring.h"
#include "model/definition.h"
#include "model/school.h"
#include "model/submission.h"

namespace analysis {

struct Analysis {
  model::Period period;
  std::optional<RubricResults> rubric;  // nullopt: the definition has no scored blocks
  std::vector<RoadmapRow> roadmap;      // definition order
  Dynamics dynamics;
  Clustering clusters;
  std::vector<SchoolRecommendations> recommendations;  // summary (registry) order
  std::vector<model::RecommendationRule> rules;        // effective_rules(): each Recommendation::rule indexes it
  std::vector<std::string> method_notes;  // how the figures are computed (method sheet)
  std::vector<std::string> warnings;      // Russian: e.g. the number of groups was reduced
  std::map<std::string, std::size_t, std::less<>> recommendation_index;  // school id -> position

  // The school's recommendations, or null (logarithmic: analyze() fills the index).
  const SchoolRecommendations* recommendations_of(const std::string& school_id) const;
};

Analysis analyze(const model::Definition& definition, const model::Registry& registry,
                 const aggregate::Summary& summary, const std::vector<model::Submission>& accepted,
                 const std::vector<PeriodValues>& history);

}  // namespace analysis
