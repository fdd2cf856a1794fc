// Each indicator across the periods of the history: the municipal value, the
// median of the schools' values and every school's own value, period by
// period, for the trend charts and tables of the workbooks. Pure.
//
//   const auto t = analysis::compute_trends(definition, summary,
//   history_periods); if (t.shown()) for (const auto& row : t.indicators)
//   chart(row.municipal, row.median);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/period_values.h"
#include "model/definition.h"

namespace analysis {

// A trend needs at least this many periods (two points make a change, not
// a trend; dynamics shows those).
inline constexpr std::size_t k_min_trend_periods = 3;

struct Trend {
  std::string indicator_id;
  // One entry per Trends::periods entry, in the indicator's units (percent
  // for shares and yes/no); nullopt where the period has no value.
  std::vector<std::optional<double>> municipal;
  std::vector<std::optional<double>>
      median; // of the schools' values (not for yes/no)
  std::map<std::string, std::vector<std::optional<double>>>
      schools; // school id -> values; empty when !Trends::shown()
};

struct Trends {
  std::vector<std::string>
      periods;                   // oldest first; the last is the current period
  std::vector<Trend> indicators; // definition order

  bool shown() const { return periods.size() >= k_min_trend_periods; }
  const Trend *find(const std::string &indicator_id) const;
};

// `earlier`: periods of the same kind before the current one, in any order
// (later or equal periods, and more than `max_periods` - 1 of them, are left
// out: the nearest are kept). Schools are those of `current` (with an
// accepted form now).
Trends compute_trends(const model::Definition &definition,
                      const aggregate::Summary &current,
                      const std::vector<PeriodValues> &earlier,
                      std::size_t max_periods = 12);

} // namespace analysis
