// Which earlier periods a report compares the current one with. Pure.
#pragma once

#include <string>
#include <vector>

#include "model/period.h"

namespace store {

// Periods to compare `p` with, nearest first: the previous period of the same
// kind, then the same period of each of `years_back` earlier years, without
// repeating an id (for yearly periods the previous period IS last year).
//   "2026-11" -> {"2026-10", "2025-11", "2024-11"}    (years_back = 2)
//   "2026-01" -> {"2025-12", "2025-01"}               (years_back = 1)
//   "2026-H1" -> {"2025-H2", "2025-H1"}               (years_back = 1)
//   "2026"    -> {"2025", "2024"}                     (years_back = 2)
//   "2025-2026" -> {"2024-2025", "2023-2024"}         (years_back = 2; school years)
// Feed the result to HistoryStore::values_for_indicator().
std::vector<std::string> dynamics_periods(const model::Period& p, int years_back);

}  // namespace store
