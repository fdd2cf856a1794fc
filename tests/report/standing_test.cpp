#include "report/standing.h"

#include <gtest/gtest.h>

namespace {

model::IndicatorDef share(model::Better better = model::Better::higher) {
  model::IndicatorDef ind;
  ind.id = "s";
  ind.kind = model::IndicatorKind::share;
  ind.better = better;
  return ind;
}

// Values 10, 20, 30, 40, 50: QUARTILE.INC gives q1 20, median 30, q3 40.
aggregate::IndicatorStats five_schools() {
  aggregate::IndicatorStats st;
  st.schools_with_value = 5;
  st.q1 = 20;
  st.median = 30;
  st.q3 = 40;
  return st;
}

std::string text(const model::IndicatorDef& ind, double v, const aggregate::IndicatorStats& st) {
  const auto s = report::standing_of(ind, v, st);
  return s ? report::standing_text(*s) : "—";
}

}  // namespace

TEST(StandingTest, QuartersAndSidesOfTheMedian) {
  const auto st = five_schools();
  EXPECT_EQ(text(share(), 50, st), "в числе лучших 25 %");
  EXPECT_EQ(text(share(), 40, st), "в числе лучших 25 %");
  EXPECT_EQ(text(share(), 35, st), "лучше медианы");
  EXPECT_EQ(text(share(), 30, st), "на уровне медианы");
  EXPECT_EQ(text(share(), 25, st), "хуже медианы");
  EXPECT_EQ(text(share(), 20, st), "в нижней четверти");
}

TEST(StandingTest, LowerIsBetterMirrors) {
  const auto st = five_schools();
  const auto lower = share(model::Better::lower);
  EXPECT_EQ(text(lower, 10, st), "в числе лучших 25 %");
  EXPECT_EQ(text(lower, 25, st), "лучше медианы");
  EXPECT_EQ(text(lower, 45, st), "в нижней четверти");
}

TEST(StandingTest, TiesAtTheMedianAndOneSchoolAbove) {
  // 0, 0, 0, 0, 0, 5: median = q1 = q3 = 0; the one school above is the best quarter.
  aggregate::IndicatorStats st;
  st.schools_with_value = 6;
  st.q1 = st.median = st.q3 = 0;
  EXPECT_EQ(text(share(), 5, st), "в числе лучших 25 %");
  EXPECT_EQ(text(share(), 0, st), "на уровне медианы");
}

TEST(StandingTest, NoStandingForCountsYesNoOrFewSchools) {
  auto st = five_schools();
  auto count = share();
  count.kind = model::IndicatorKind::count;
  EXPECT_EQ(text(count, 50, st), "—");
  auto yesno = share();
  yesno.kind = model::IndicatorKind::yesno;
  EXPECT_EQ(text(yesno, 100, st), "—");
  st.schools_with_value = 3;
  EXPECT_EQ(text(share(), 50, st), "—");
}
