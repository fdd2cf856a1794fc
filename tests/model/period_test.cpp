#include "model/period.h"

#include <gtest/gtest.h>

TEST(PeriodTest, ParsesMonthHalfYearAndYear) {
  const auto m = model::parse_period("2026-11");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->year, 2026);
  EXPECT_EQ(m->month, 11);
  EXPECT_EQ(model::display_name(*m), "ноябрь 2026");

  const auto h = model::parse_period("2025-H2");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->half, 2);
  EXPECT_EQ(model::display_name(*h), "2-е полугодие 2025");

  const auto y = model::parse_period("2022");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2022);
  EXPECT_EQ(model::display_name(*y), "2022 год");
}

TEST(PeriodTest, RejectsNonsense) {
  for (const char* bad : {"", "22", "2026-13", "2026-00", "2026-1", "2026-H3", "1999", "2026/11",
                          "abcd", "2026-11-01"}) {
    EXPECT_FALSE(model::parse_period(bad)) << bad;
  }
}

TEST(PeriodTest, FirstDayOfEachKind) {
  EXPECT_EQ(model::first_day(*model::parse_period("2026-11")), 20261101);
  EXPECT_EQ(model::first_day(*model::parse_period("2026-H1")), 20260101);
  EXPECT_EQ(model::first_day(*model::parse_period("2026-H2")), 20260701);
  EXPECT_EQ(model::first_day(*model::parse_period("2026")), 20260101);
}

TEST(PeriodTest, SchoolYearFromSeptemberToAugust) {
  for (const char* text : {"2025-2026", "2025/26", "2025/2026"}) {
    const auto p = model::parse_period(text);
    ASSERT_TRUE(p) << text;
    EXPECT_EQ(p->id, "2025-2026") << text;
    EXPECT_EQ(p->year, 2025);
    EXPECT_TRUE(p->school_year);
    EXPECT_EQ(p->kind(), model::PeriodKind::school_year);
    EXPECT_EQ(model::display_name(*p), "2025/26 учебный год");
    EXPECT_EQ(model::years_text(*p), "2025/26");
    EXPECT_EQ(model::first_day(*p), 20250901);
  }
  EXPECT_EQ(model::display_name(*model::parse_period("2099-2100")), "2099/00 учебный год");
  EXPECT_EQ(model::parse_period("2025-2026"), model::school_year_period(2025));
  // A calendar year is not a school year, and the kinds stay apart.
  EXPECT_EQ(model::parse_period("2025")->kind(), model::PeriodKind::year);
  EXPECT_EQ(model::parse_period("2025-09")->kind(), model::PeriodKind::month);
  EXPECT_EQ(model::parse_period("2025-H2")->kind(), model::PeriodKind::half_year);
}

TEST(PeriodTest, RejectsSchoolYearsThatAreNotOneYearLong) {
  for (const char* bad : {"2025-2027", "2025-2025", "2025/27", "2025/2024", "2025-26", "2025/6", "2025/026",
                          "2025-20266", "2025\\26"}) {
    EXPECT_FALSE(model::parse_period(bad)) << bad;
  }
}
