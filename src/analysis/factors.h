// The factors that set a group of schools apart: the indicators where the
// group's median differs most from the municipality's median (the median of
// the values of all schools with an accepted form). A yes/no indicator is
// compared by the share of schools answering «Да» (in the group and among all
// schools), not by a median of 100s and 0s. A group's side leaves out the
// shares from small denominators (small_numbers.h): 1 of 1 young teachers
// does not make a group's character. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace analysis {

struct Factor {
  std::string indicator_id;
  double group_median = 0;      // yes/no: % of the group's schools with «Да»
  double municipal_median = 0;  // yes/no: % of all schools with «Да»
  double difference = 0;    // group - municipal, in the indicator's units (p.p. for shares)
  bool favourable = false;  // the difference points the indicator's good way
  // yes/no only: schools with «Да» / with an answer, in the group and in all.
  int group_yes = 0, group_total = 0, all_yes = 0, all_total = 0;
  // «1.1 «Доля …»: медиана группы 75,0 % при медиане по району 62,5 % (+12,5 п.п.)»;
  // yes/no: ««Наличие …»: есть у 1 из 4 ОО группы, по району — у 9 из 12 ОО»
  std::string text;
  // The figures alone, for a sentence that names the indicator itself:
  // «медиана 75,0 % против 62,5 %», «есть у 1 из 4 ОО группы против 9 из 12 ОО».
  std::string figures;
};

// At most `top` factors, largest |difference| first (ties: definition order);
// indicators where the group and the municipality do not differ (the printed
// medians are equal) or where either median is unknown are skipped. The
// municipal side is the published median (all schools' values); the group's
// leaves out shares whose denominator is below `min_denominator`.
std::vector<Factor> distinguishing_factors(const model::Definition& definition,
                                           const aggregate::Summary& summary,
                                           const std::vector<std::string>& school_ids,
                                           const std::vector<std::string>& indicator_ids,
                                           double min_denominator, std::size_t top = 3);

}  // namespace analysis
