// Deterministic k-means (Lloyd) for a handful of points. Pure.
//
// Initialisation (no randomness, so the same input gives the same groups):
// the first centre is points[first]; each next centre is the point farthest
// (squared Euclidean distance) from its nearest chosen centre, ties broken by
// the lower index. When no point is farther than 0 from the chosen centres
// (fewer distinct points than k), fewer centres are used.
// Iteration: assign each point to its nearest centre (ties: lower centre
// index), move each centre to the mean of its points (a centre left without
// points stays), stop when no assignment changes or after `max_iterations`.
// Callers make the result independent of input order by sorting the points
// by a stable key (school id) before calling.
#pragma once

#include <cstddef>
#include <vector>

namespace analysis {

struct KMeansResult {
  std::vector<int> assignment;               // per point: centre index
  std::vector<std::vector<double>> centres;  // size <= k
  int iterations = 0;
};

// Requires: all points have the same dimension; first < points.size(); k >= 1.
KMeansResult kmeans(const std::vector<std::vector<double>>& points, int k, std::size_t first,
                    int max_iterations = 100);

double squared_distance(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace analysis
