#include "aggregate/statistics.h"

#include <gtest/gtest.h>

#include <vector>

using aggregate::competition_ranks;
using aggregate::quantile_inc;
using aggregate::spread;

TEST(StatisticsTest, OddCountMedianAndQuartiles) {
  const std::vector<double> v{9, 1, 5, 3, 7};  // sorted: 1 3 5 7 9
  const auto s = spread(v);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->median, 5);
  EXPECT_DOUBLE_EQ(s->q1, 3);  // h = 4 * 0.25 = 1
  EXPECT_DOUBLE_EQ(s->q3, 7);  // h = 3
  EXPECT_DOUBLE_EQ(s->min, 1);
  EXPECT_DOUBLE_EQ(s->max, 9);
}

TEST(StatisticsTest, EvenCountInterpolatesLikeExcelQuartileInc) {
  const std::vector<double> v{40, 10, 30, 20};
  const auto s = spread(v);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->median, 25);  // (20 + 30) / 2
  EXPECT_DOUBLE_EQ(s->q1, 17.5);    // h = 0.75: 10 + 0.75 * 10
  EXPECT_DOUBLE_EQ(s->q3, 32.5);    // h = 2.25: 30 + 0.25 * 10
}

TEST(StatisticsTest, OneSchoolIsItsOwnSpread) {
  const std::vector<double> v{42.5};
  const auto s = spread(v);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->min, 42.5);
  EXPECT_DOUBLE_EQ(s->q1, 42.5);
  EXPECT_DOUBLE_EQ(s->median, 42.5);
  EXPECT_DOUBLE_EQ(s->q3, 42.5);
  EXPECT_DOUBLE_EQ(s->max, 42.5);
}

TEST(StatisticsTest, EmptyHasNoSpread) {
  EXPECT_FALSE(spread({}));
  EXPECT_FALSE(quantile_inc({}, 0.5));
}

TEST(StatisticsTest, CompetitionRanksShareTiesAndSkipMissing) {
  const std::vector<std::optional<double>> v{50, 75, std::nullopt, 75, 10};
  const auto hi = competition_ranks(v, true);
  EXPECT_EQ(hi, (std::vector<std::optional<int>>{3, 1, std::nullopt, 1, 4}));
  const auto lo = competition_ranks(v, false);
  EXPECT_EQ(lo, (std::vector<std::optional<int>>{2, 3, std::nullopt, 3, 1}));
}
