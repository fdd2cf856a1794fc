// The municipal analytical summary (аналитическая справка): Russian
// paragraphs drawing the conclusions an order on the monitoring draws (seed
// 002): participation, directions with satisfactory results, dynamics,
// indicators behind their targets, schools reaching each target, groups of
// schools, rubric points, recommendations. Deterministic text. Pure.
//
// "Satisfactory" direction: every indicator of it that has a municipal value
// meets its target of the period's year, or, without a target, is at or
// better than the median of the schools' values (a yes/no indicator without a
// target is not judged; a direction with nothing judged is not listed).
// "No positive dynamics" direction: at least one of its indicators has a
// municipal change against the previous period, and none improved.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace analysis {

std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis);

}  // namespace analysis
