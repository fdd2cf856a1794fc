#include "report/standing.h"

#include <cmath>

namespace report {

namespace {

constexpr double k_same = 1e-9;

}  // namespace

bool ranked_indicator(const model::IndicatorDef& indicator) {
  return indicator.kind == model::IndicatorKind::share;
}

std::optional<Standing> standing_of(const model::IndicatorDef& indicator, double value,
                                    const aggregate::IndicatorStats& stats) {
  if (!ranked_indicator(indicator) || stats.schools_with_value < k_min_schools_for_standing ||
      !stats.median || !stats.q1 || !stats.q3) {
    return std::nullopt;
  }
  if (std::abs(value - *stats.median) < k_same) return Standing::at_median;
  // Higher is better: above the median is the better side, and the upper
  // quartile the edge of the best quarter; lower is better mirrors both.
  const bool higher = indicator.better != model::Better::lower;
  const bool better_side = higher ? value > *stats.median : value < *stats.median;
  if (better_side) {
    const bool in_quarter = higher ? value >= *stats.q3 - k_same : value <= *stats.q1 + k_same;
    return in_quarter ? Standing::best_quarter : Standing::better_than_median;
  }
  const bool in_quarter = higher ? value <= *stats.q1 + k_same : value >= *stats.q3 - k_same;
  return in_quarter ? Standing::worst_quarter : Standing::worse_than_median;
}

std::string standing_text(Standing standing) {
  switch (standing) {
    case Standing::best_quarter: return "в числе лучших 25 %";
    case Standing::better_than_median: return "лучше медианы";
    case Standing::at_median: return "на уровне медианы";
    case Standing::worse_than_median: return "хуже медианы";
    case Standing::worst_quarter: return "в нижней четверти";
  }
  return {};
}

}  // namespace report
