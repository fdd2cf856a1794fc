// Order statistics across schools. Conventions match Excel so a methodist can
// check any figure by hand: MEDIAN, QUARTILE.INC (linear interpolation
// between order statistics, h = (n-1)p), RANK.EQ (ties share the best rank).
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace aggregate {

struct Spread {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};

// nullopt for an empty input.
std::optional<double> quantile_inc(std::span<const double> values, double p);
std::optional<Spread> spread(std::span<const double> values);

// Competition ranks ("1, 2, 2, 4"): rank 1 is the best value; values within
// 1e-9 tie. Entries without a value get no rank.
std::vector<std::optional<int>> competition_ranks(std::span<const std::optional<double>> values,
                                                  bool higher_is_better);

}  // namespace aggregate
