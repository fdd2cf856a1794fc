#include "aggregate/statistics.h"

#include <algorithm>
#include <cmath>

namespace aggregate {

namespace {
constexpr double k_tie = 1e-9;
}

std::optional<double> quantile_inc(std::span<const double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lower = static_cast<std::size_t>(std::floor(h));
  if (lower + 1 >= sorted.size()) return sorted.back();
  const double frac = h - static_cast<double>(lower);
  return sorted[lower] + frac * (sorted[lower + 1] - sorted[lower]);
}

std::optional<Spread> spread(std::span<const double> values) {
  if (values.empty()) return std::nullopt;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return Spread{*lo, *quantile_inc(values, 0.25), *quantile_inc(values, 0.5),
                *quantile_inc(values, 0.75), *hi};
}

std::vector<std::optional<int>> competition_ranks(std::span<const std::optional<double>> values,
                                                  bool higher_is_better) {
  std::vector<std::optional<int>> ranks(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    int better = 0;
    for (const auto& other : values) {
      if (!other) continue;
      const double diff = higher_is_better ? *other - *values[i] : *values[i] - *other;
      if (diff > k_tie) ++better;
    }
    ranks[i] = better + 1;
  }
  return ranks;
}

}  // namespace aggregate
