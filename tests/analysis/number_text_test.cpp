#include "analysis/number_text.h"

#include <gtest/gtest.h>

namespace {

model::IndicatorDef ind(model::IndicatorKind k) {
  model::IndicatorDef i;
  i.kind = k;
  return i;
}

TEST(NumberTextTest, CommaDecimalsAndMinus) {
  EXPECT_EQ(analysis::format_number(45.0, 1), "45,0");
  EXPECT_EQ(analysis::format_number(2.25, 1), "2,3");
  EXPECT_EQ(analysis::format_number(-3.5, 1), "\u22123,5");
  EXPECT_EQ(analysis::format_number(-0.04, 1), "0,0");
  EXPECT_EQ(analysis::format_number(12345.6, 0), "12 346");
  EXPECT_EQ(analysis::format_number(1234, 0), "1234");
  EXPECT_EQ(analysis::format_number(1234567, 0), "1 234 567");
  EXPECT_EQ(analysis::format_compact(80, 2), "80");
  EXPECT_EQ(analysis::format_compact(72.5, 2), "72,5");
  EXPECT_EQ(analysis::format_compact(1.0 / 3, 2), "0,33");
}

TEST(NumberTextTest, IndicatorUnits) {
  const auto share = ind(model::IndicatorKind::share);
  const auto count = ind(model::IndicatorKind::count);
  EXPECT_EQ(analysis::format_value(share, 45), "45,0 %");
  EXPECT_EQ(analysis::format_target(share, 80), "80 %");
  EXPECT_EQ(analysis::format_gap(share, -35), "35,0 п.п.");
  EXPECT_EQ(analysis::format_change(share, 2.5), "+2,5 п.п.");
  EXPECT_EQ(analysis::format_change(share, -1), "\u22121,0 п.п.");
  EXPECT_EQ(analysis::format_change(share, 0), "0,0 п.п.");
  EXPECT_EQ(analysis::format_value(count, 12), "12");
  EXPECT_EQ(analysis::format_change(count, 3), "+3");
  EXPECT_EQ(analysis::format_points(-1), "\u22121");
  EXPECT_EQ(analysis::format_percent(62.5), "62,5 %");
}

}  // namespace
