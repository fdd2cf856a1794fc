// Where a school's value stands among the schools, in the words a director
// reads without statistics: «в числе лучших 25 %», «лучше медианы», «на
// уровне медианы», «хуже медианы», «в нижней четверти» — from the median and
// quartiles (QUARTILE.INC) of the schools' values, honouring whether more or
// less is better. Internal to src/report.
//
//   if (const auto s = standing_of(ind, *value->value, *stats)) cell = standing_text(*s);
#pragma once

#include <optional>
#include <string>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace report {

enum class Standing { best_quarter, better_than_median, at_median, worse_than_median, worst_quarter };

// Fewer schools than this make quartiles meaningless: no standing.
inline constexpr int k_min_schools_for_standing = 4;

// Counts depend on the size of a school and yes/no has no order: neither has
// a standing; nor has an indicator with fewer than k_min_schools_for_standing
// values. `value` in the indicator's units (percent for shares).
std::optional<Standing> standing_of(const model::IndicatorDef& indicator, double value,
                                    const aggregate::IndicatorStats& stats);

std::string standing_text(Standing standing);

// Whether schools are ranked against each other on this indicator at all
// (shares only: counts depend on the size of a school, yes/no has no order).
bool ranked_indicator(const model::IndicatorDef& indicator);

}  // namespace report
