// Groups schools with similar indicator profiles (k-means, kmeans.h) and
// describes each group by the factors that set it apart. Pure and
// deterministic: same values, same groups, whatever the order of the
// submissions.
//
// Profile: one z-score per clustered indicator, (value - mean) / sd over the
// schools that have a value (population sd), sign flipped for better = lower
// so that higher is better everywhere. Clustered indicators: shares and
// yes/no (counts depend on a school's size and are left out) with values at
// two schools at least and a non-zero spread. A share from a small
// denominator (small_numbers.h) counts as missing: one young teacher's 100 %
// does not make a school's profile.
// Missing values: a school with at least `min_values` % of the clustered
// indicators gets 0 (the mean) for the others; a school with fewer is listed
// in `insufficient_data` («недостаточно данных для группировки»), not dropped.
// k: `k` of the settings, reduced with a warning to the number of schools (or
// of distinct profiles). A group of one is not a group: the largest k (from
// `k` down to 2) whose groups all have two schools or more is used; when no
// k does, the groups of `k` are kept and a school alone in its group is
// listed in `singles` (a profile of its own), not as a group.
// First centre: the school with the highest mean z-score (ties: the lower
// school id); then farthest-point.
// A group is a profile, not a level: it is lettered («группа А», largest group
// first, ties by the first school id) and described by what sets it apart
// («выше, чем по округу: …; реже есть: …», group_text.h). No level word
// («опережающая», «отстающая») is ever given to a group.
//
//   const auto c = analysis::cluster_schools(definition, summary, settings);
//   for (const auto& g : c.clusters) print(g.name, g.profile, g.school_ids, g.factors);
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
  int rank = 0;                         // position in Clustering::clusters
  std::string name;                     // «группа А»; a single school: its short name
  std::string profile;                  // «выше, чем по округу: …» (group_text.h profile_text)
  std::vector<std::string> school_ids;  // sorted by id
  double mean_z = 0;                    // mean of the schools' mean z-scores
  std::vector<Factor> factors;          // at most 3, see factors.h
};

struct Clustering {
  int k_requested = 3;
  int k_used = 0;                               // groups of two schools or more
  std::vector<std::string> indicator_ids;       // clustered indicators, definition order
  std::vector<Cluster> clusters;                // the groups, largest first
  std::vector<Cluster> singles;                 // schools with a profile of their own, by id
  std::vector<std::string> insufficient_data;   // school ids, sorted
  std::map<std::string, double> mean_z;         // grouped school -> its mean z-score
  std::vector<std::string> warnings;            // Russian

  // The school's group, or null (not grouped, or a profile of its own).
  const Cluster* cluster_of(const std::string& school_id) const;
  // The school's own profile when it is in no group, or null.
  const Cluster* single_of(const std::string& school_id) const;
};

Clustering cluster_schools(const model::Definition& definition, const aggregate::Summary& summary,
                           const model::ClusterSettings& settings);

// The letters groups are named by: «А», «Б», «В», «Г», «Д», «Е», «Ж», «И», …
// (no «Ё», «З», «Й», which read as other signs); past 20, «21», «22»…
std::string group_letter(int index);

}  // namespace analysis
