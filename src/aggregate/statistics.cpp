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
  // Rank = 1 + how many values are better by more than k_tie, counted by a
  // binary search over the sorted values (n log n, not a scan per school).
  // `other - v` is monotonic in `other`, so the search sees exactly the
  // comparisons a scan would make.
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (const auto& v : values) {
    if (v && !std::isnan(*v)) sorted.push_back(*v);
  }
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::optional<int>> ranks(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    const double v = *values[i];
    std::ptrdiff_t better = 0;
    if (higher_is_better) {
      const auto first = std::partition_point(sorted.begin(), sorted.end(),
                                              [&](double other) { return !(other - v > k_tie); });
      better = sorted.end() - first;
    } else {
      const auto end = std::partition_point(sorted.begin(), sorted.end(),
                                            [&](double other) { return v - other > k_tie; });
      better = end - sorted.begin();
    }
    ranks[i] = static_cast<int>(better) + 1;
  }
  return ranks;
}

}  // namespace aggregate
