// The factors that set a group of schools apart: the indicators where the
// group's median differs most from the municipality's median (the median of
// the values of all schools with an accepted form; yes/no count as 100 / 0). Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace analysis {

struct Factor {
  std::string indicator_id;
  double group_median = 0;
  double municipal_median = 0;
  double difference = 0;    // group - municipal, in the indicator's units (p.p. for shares)
  bool favourable = false;  // the difference points the indicator's good way
  // «1.1 «Доля …»: медиана группы 75,0 % при медиане по округу 62,5 % (+12,5 п.п.)»
  std::string text;
};

// At most `top` factors, largest |difference| first (ties: definition order);
// indicators where the group and the municipality do not differ (|d| < 0.05)
// or where either median is unknown are skipped.
std::vector<Factor> distinguishing_factors(const model::Definition& definition,
                                           const aggregate::Summary& summary,
                                           const std::vector<std::string>& school_ids,
                                           const std::vector<std::string>& indicator_ids,
                                           std::size_t top = 3);

}  // namespace analysis
