#include "aggregate/statistics.h"

#include <gtest/gtest.h>

#include <random>
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

// The sorted search agrees with counting, for every school, the schools
// better by more than 1e-9: values on a coarse grid (many ties), values a
// hair apart (within and just outside the tolerance), missing values.
TEST(StatisticsTest, CompetitionRanksEqualACountOfBetterSchools) {
  std::mt19937 random(14);
  for (const bool higher : {true, false}) {
    std::vector<std::optional<double>> values;
    for (int i = 0; i < 600; ++i) {
      const int kind = static_cast<int>(random() % 4);
      const double base = static_cast<double>(random() % 20) / 4.0;
      if (kind == 0) values.push_back(std::nullopt);
      else if (kind == 1) values.push_back(base);
      else if (kind == 2) values.push_back(base + 5e-10);
      else values.push_back(base + 2e-9);
    }
    const auto ranks = aggregate::competition_ranks(values, higher);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i]) {
        EXPECT_FALSE(ranks[i].has_value());
        continue;
      }
      int better = 0;
      for (const auto& other : values) {
        if (other && (higher ? *other - *values[i] : *values[i] - *other) > 1e-9) ++better;
      }
      EXPECT_EQ(ranks[i], better + 1) << i;
    }
  }
}
