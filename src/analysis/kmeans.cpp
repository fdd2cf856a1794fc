#include "analysis/kmeans.h"

#include <limits>

namespace analysis {

namespace {

constexpr double k_eps = 1e-12;

int nearest(const std::vector<double>& p, const std::vector<std::vector<double>>& centres) {
  int best = 0;
  double best_d = std::numeric_limits<double>::infinity();
  for (std::size_t c = 0; c < centres.size(); ++c) {
    const double d = squared_distance(p, centres[c]);
    if (d < best_d - k_eps) {  // strictly nearer: ties keep the lower index
      best_d = d;
      best = static_cast<int>(c);
    }
  }
  return best;
}

std::vector<std::vector<double>> farthest_point_init(const std::vector<std::vector<double>>& points,
                                                     int k, std::size_t first) {
  std::vector<std::vector<double>> centres{points[first]};
  while (static_cast<int>(centres.size()) < k) {
    double far_d = 0;
    std::size_t far_i = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
      double d = std::numeric_limits<double>::infinity();
      for (const auto& c : centres) d = std::min(d, squared_distance(points[i], c));
      if (d > far_d + k_eps) {
        far_d = d;
        far_i = i;
      }
    }
    if (far_d <= k_eps) break;  // every point coincides with a centre
    centres.push_back(points[far_i]);
  }
  return centres;
}

}  // namespace

double squared_distance(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return s;
}

KMeansResult kmeans(const std::vector<std::vector<double>>& points, int k, std::size_t first,
                    int max_iterations) {
  KMeansResult r;
  if (points.empty() || k < 1) return r;
  r.centres = farthest_point_init(points, k, first);
  r.assignment.assign(points.size(), -1);
  const std::size_t dim = points[0].size();
  for (r.iterations = 1; r.iterations <= max_iterations; ++r.iterations) {
    bool changed = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const int c = nearest(points[i], r.centres);
      if (c != r.assignment[i]) {
        r.assignment[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    std::vector<std::vector<double>> sums(r.centres.size(), std::vector<double>(dim, 0.0));
    std::vector<int> counts(r.centres.size(), 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto c = static_cast<std::size_t>(r.assignment[i]);
      ++counts[c];
      for (std::size_t d = 0; d < dim; ++d) sums[c][d] += points[i][d];
    }
    for (std::size_t c = 0; c < r.centres.size(); ++c) {
      if (counts[c] == 0) continue;
      for (std::size_t d = 0; d < dim; ++d) r.centres[c][d] = sums[c][d] / counts[c];
    }
  }
  if (r.iterations > max_iterations) r.iterations = max_iterations;
  return r;
}

}  // namespace analysis
