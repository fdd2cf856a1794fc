#include "analysis/analysis.h"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/method_notes.h"
#include "analysis/school_index.h"

namespace analysis {

const SchoolRecommendations* Analysis::recommendations_of(const std::string& school_id) const {
  return find_indexed(recommendations, recommendation_index, school_id);
}

Analysis analyze(const model::Definition& definition, const model::Registry& registry,
                 const aggregate::Summary& summary, const std::vector<model::Submission>& accepted,
                 const std::vector<PeriodValues>& history) {
  Analysis a;
  a.period = summary.period;
  // The forms the summary was made from (schools of the summary only; if a
  // school appears twice, the last one wins, as in aggregate::summarize).
  const std::set<std::string, std::less<>> in_summary(summary.school_ids.begin(), summary.school_ids.end());
  std::map<std::string, const model::Submission*> by_school;
  for (const auto& sub : accepted) {
    if (in_summary.contains(sub.school_id)) by_school[sub.school_id] = &sub;
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
  if (a.rubric) {
    // The municipality's level and the conclusions never disagree.
    const auto f = find_findings(definition, summary, a);
    reconcile_level(*a.rubric, f.judged > 0, !f.satisfactory.empty());
  }
  a.rules = effective_rules(definition);
  a.recommendations = recommend(definition, registry, summary, by_school, a.dynamics, a.rules);
  a.recommendation_index = index_of(a.recommendations);
  a.method_notes = write_method_notes(definition, a);
  return a;
}

}  // namespace analysis
