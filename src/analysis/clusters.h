// Groups schools with similar indicator profiles (k-means, kmeans.h) and
// describes each group by its level and the factors that set it apart. Pure
// and deterministic: same values, same groups, whatever the order of the
// submissions.
//
// Profile: one z-score per clustered indicator, (value - mean) / sd over the
// schools that have a value (population sd), sign flipped for better = lower
// so that higher is better everywhere. Clustered indicators: shares and
// yes/no (counts depend on a school's size and are left out) with values at
// two schools at least and a non-zero spread.
// Missing values: a school with at least `min_values` % of the clustered
// indicators gets 0 (the mean) for the others; a school with fewer is listed
// in `insufficient_data` («недостаточно данных для группировки»), not dropped.
// k: `k` of the settings, reduced with a warning to the number of schools (or
// of distinct profiles). First centre: the school with the highest mean
// z-score (ties: the lower school id); then farthest-point.
// Groups are ranked by the mean of their schools' mean z-scores and named
// «опережающая группа», «основная группа», «группа поддержки» (k = 3; see
// group_names() for other k): names that cannot be mistaken for the rubric's
// levels («высокий», «средний», «низкий»), which measure something else.
//
//   const auto c = analysis::cluster_schools(definition, summary, settings);
//   for (const auto& g : c.clusters) print(g.name, g.school_ids, g.factors);
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/factors.h"
#include "model/definition.h"
#include "model/rubric.h"

namespace analysis {

struct Cluster {
  int rank = 0;                         // 0 = highest level
  std::string name;                     // «опережающая группа»
  std::vector<std::string> school_ids;  // sorted by id
  double mean_z = 0;                    // mean of the schools' mean z-scores
  std::vector<Factor> factors;          // at most 3, see factors.h
};

struct Clustering {
  int k_requested = 3;
  int k_used = 0;
  std::vector<std::string> indicator_ids;       // clustered indicators, definition order
  std::vector<Cluster> clusters;                // highest level first
  std::vector<std::string> insufficient_data;   // school ids, sorted
  std::map<std::string, double> mean_z;         // grouped school -> its mean z-score
  std::vector<std::string> warnings;            // Russian

  const Cluster* cluster_of(const std::string& school_id) const;
};

Clustering cluster_schools(const model::Definition& definition, const aggregate::Summary& summary,
                           const model::ClusterSettings& settings);

// Names of k groups, best results first: 1 «единая группа»; 2 «опережающая
// группа», «группа поддержки»; 3 adds «основная группа» between them; 4 and 5
// have «основная группа 1» … «основная группа 3» in the middle; more: «группа 1» …
// «группа k».
std::vector<std::string> group_names(int k);

}  // namespace analysis
