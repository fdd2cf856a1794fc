// The period a collection reports on: the one containing the month before it.
#include "model/schedule.h"

#include <gtest/gtest.h>

namespace {

using model::Periodicity;

std::string period(Periodicity p, int year, int month) {
  return model::collection_period(p, year, month).id;
}

TEST(ScheduleTest, YearlyMonitoringsReportOnTheYearOfTheMonthBefore) {
  // Krymsk: March .. November 2025 all report on 2025.
  for (const int month : {3, 4, 5, 6, 8, 9, 10, 11, 12}) EXPECT_EQ(period(Periodicity::year, 2025, month), "2025");
  EXPECT_EQ(period(Periodicity::year, 2026, 1), "2025");  // January closes the year before
  const auto p = model::collection_period(Periodicity::year, 2025, 9);
  EXPECT_EQ(p.year, 2025);
  EXPECT_EQ(p.month, 0);
  EXPECT_EQ(p.half, 0);
}

TEST(ScheduleTest, BalakhtaMayAndJanuary) {
  EXPECT_EQ(period(Periodicity::half_year, 2025, 5), "2025-H1");
  EXPECT_EQ(period(Periodicity::half_year, 2026, 1), "2025-H2");
  EXPECT_EQ(period(Periodicity::half_year, 2025, 7), "2025-H1");  // June is in H1
  EXPECT_EQ(period(Periodicity::half_year, 2025, 8), "2025-H2");
  EXPECT_EQ(model::collection_period(Periodicity::half_year, 2026, 1).half, 2);
}

TEST(ScheduleTest, MonthlyReportsOnThePreviousMonth) {
  EXPECT_EQ(period(Periodicity::month, 2026, 12), "2026-11");
  EXPECT_EQ(period(Periodicity::month, 2027, 1), "2026-12");
  EXPECT_EQ(period(Periodicity::month, 2026, 11), "2026-10");
  const auto p = model::collection_period(Periodicity::month, 2027, 1);
  EXPECT_EQ(p.year, 2026);
  EXPECT_EQ(p.month, 12);
  // Every period it names parses back to itself.
  for (int m = 1; m <= 12; ++m) {
    for (const auto kind : {Periodicity::month, Periodicity::half_year, Periodicity::year}) {
      const auto q = model::collection_period(kind, 2026, m);
      EXPECT_EQ(model::parse_period(q.id), q) << q.id;
    }
  }
}

TEST(ScheduleTest, SchoolYearMonitoringsReportOnTheSchoolYearUnderWay) {
  // Krymsk: September 2025 .. August 2026 all report on 2025/26.
  for (const int month : {9, 10, 11}) EXPECT_EQ(period(Periodicity::school_year, 2025, month), "2025-2026");
  for (const int month : {3, 4, 5, 6, 8}) EXPECT_EQ(period(Periodicity::school_year, 2026, month), "2025-2026");
  EXPECT_EQ(period(Periodicity::school_year, 2026, 9), "2026-2027");
  // The yearly rubric collected in September closes the school year before.
  EXPECT_EQ(model::collection_period(Periodicity::school_year, 2026, 9, true).id, "2025-2026");
  EXPECT_EQ(model::collection_period(Periodicity::school_year, 2026, 8, true).id, "2024-2025");
  const auto p = model::collection_period(Periodicity::school_year, 2026, 4);
  EXPECT_EQ(model::parse_period(p.id), p);
  EXPECT_EQ(model::period_kind(Periodicity::school_year), model::PeriodKind::school_year);
}

TEST(ScheduleTest, CollectsOnlyInItsMonths) {
  model::Schedule s;
  s.months = {5, 1};
  EXPECT_TRUE(s.collects_in(5));
  EXPECT_TRUE(s.collects_in(1));
  EXPECT_FALSE(s.collects_in(6));
  EXPECT_EQ(model::month_name(1), "январь");
  EXPECT_EQ(model::month_name(12), "декабрь");
  EXPECT_EQ(model::month_name(13), "");
}

}  // namespace
