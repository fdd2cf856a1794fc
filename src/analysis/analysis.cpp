#include "analysis/analysis.h"

#include <algorithm>
#include <map>

#include "analysis/analytical_summary.h"
#include "analysis/method_notes.h"

namespace analysis {

Analysis analyze(const model::Definition& definition, const model::Registry& registry,
                 const aggregate::Summary& summary, const std::vector<model::Submission>& accepted,
                 const std::vector<PeriodValues>& history) {
  Analysis a;
  a.period = summary.period;
  // The forms the summary was made from (schools of the summary only; if a
  // school appears twice, the last one wins, as in aggregate::summarize).
  std::map<std::string, const model::Submission*> by_school;
  for (const auto& sub : accepted) {
    if (std::find(summary.school_ids.begin(), summary.school_ids.end(), sub.school_id) !=
        summary.school_ids.end()) {
      by_school[sub.school_id] = &sub;
    }
  }
  a.roadmap = build_roadmap(definition, summary);
  a.dynamics = compute_dynamics(definition, summary, history);
  const model::ClusterSettings settings =
      definition.rubric ? definition.rubric->clusters : model::ClusterSettings{};
  a.clusters = cluster_schools(definition, summary, settings);
  a.warnings = a.clusters.warnings;
  if (definition.rubric && !definition.rubric->blocks.empty()) {
    const EvidenceContext ctx{definition, summary, by_school, a.dynamics,
                              definition.rubric->municipal_yes_share};
    a.rubric = score_schools(*definition.rubric, ctx);
  }
  a.recommendations = recommend(definition, registry, summary, by_school, a.dynamics);
  a.summary = write_analytical_summary(definition, registry, summary, a);
  a.method_notes = write_method_notes(definition, a);
  return a;
}

}  // namespace analysis
