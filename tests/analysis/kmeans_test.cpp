#include "analysis/kmeans.h"

#include <gtest/gtest.h>

namespace {

TEST(KMeansTest, TwoObviousGroupsInTwoDimensions) {
  // Init from p3 (10,10); farthest from it is p0 (0,0): 200 > 181.
  const std::vector<std::vector<double>> pts = {{0, 0}, {1, 0}, {0, 1}, {10, 10}, {11, 10}};
  const auto r = analysis::kmeans(pts, 2, 3);
  EXPECT_EQ(r.assignment, (std::vector<int>{1, 1, 1, 0, 0}));
  ASSERT_EQ(r.centres.size(), 2u);
  EXPECT_DOUBLE_EQ(r.centres[0][0], 10.5);
  EXPECT_DOUBLE_EQ(r.centres[0][1], 10);
  EXPECT_DOUBLE_EQ(r.centres[1][0], 1.0 / 3);
  EXPECT_DOUBLE_EQ(r.centres[1][1], 1.0 / 3);
  EXPECT_EQ(r.iterations, 2);
}

TEST(KMeansTest, LloydMovesAPointAfterATie) {
  // 1-D: 0 2 4 7 8 10, first centre 4, second 10 (farthest, 36).
  // Pass 1: 7 is 9 from both -> the lower centre; centres 13/4 and 9.
  // Pass 2: 7 moves to the second; centres 2 and 25/3. Pass 3: no change.
  const std::vector<std::vector<double>> pts = {{0}, {2}, {4}, {7}, {8}, {10}};
  const auto r = analysis::kmeans(pts, 2, 2);
  EXPECT_EQ(r.assignment, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_DOUBLE_EQ(r.centres[0][0], 2);
  EXPECT_DOUBLE_EQ(r.centres[1][0], 25.0 / 3);
  EXPECT_EQ(r.iterations, 3);
}

TEST(KMeansTest, FewerDistinctPointsThanK) {
  const std::vector<std::vector<double>> pts = {{1, 1}, {1, 1}, {2, 2}};
  const auto r = analysis::kmeans(pts, 3, 0);
  EXPECT_EQ(r.centres.size(), 2u);
  EXPECT_EQ(r.assignment, (std::vector<int>{0, 0, 1}));
}

}  // namespace
