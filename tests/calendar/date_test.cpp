#include "calendar/date.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

using calendar::parse_date;
using std::chrono::days;

TEST(DateTest, ParsesRealDaysOnly) {
  ASSERT_TRUE(parse_date("2026-09-01"));
  EXPECT_EQ(calendar::iso_text(*parse_date("2026-09-01")), "2026-09-01");
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-9-1"));
  EXPECT_FALSE(parse_date("01.09.2026"));
  EXPECT_FALSE(parse_date("1999-12-31"));
  EXPECT_FALSE(parse_date(""));
}

TEST(DateTest, DaysPastTheMonthsEndGiveItsLastDay) {
  EXPECT_EQ(calendar::iso_text(calendar::make_date(2027, 2, 31)), "2027-02-28");
  EXPECT_EQ(calendar::iso_text(calendar::make_date(2028, 2, 30)), "2028-02-29");
  EXPECT_EQ(calendar::iso_text(calendar::make_date(2026, 4, 31)), "2026-04-30");
}

TEST(DateTest, PrintsAsPeopleReadIt) {
  const auto d = *parse_date("2026-09-01");
  EXPECT_EQ(calendar::date_text(d), "01.09.2026");
  EXPECT_EQ(calendar::long_date_text(d), "1 сентября 2026 г.");
  EXPECT_EQ(calendar::weekday_text(d), "вт");
  EXPECT_EQ(calendar::date_text(d - days{3}), "29.08.2026");
  EXPECT_EQ(calendar::long_date_text(*parse_date("2027-01-15")), "15 января 2027 г.");
}

TEST(DateTest, LocalDayOfAMomentAndBack) {
  ::setenv("TZ", "Europe/Moscow", 1);
  const auto d = *parse_date("2026-03-29");
  const auto at_eight = calendar::local_epoch(d, 8);
  EXPECT_EQ(calendar::local_date(at_eight), d);
  EXPECT_EQ(calendar::local_date(calendar::local_epoch(d, 0)), d);
  EXPECT_EQ(calendar::local_date(calendar::local_epoch(d, 23)), d);
  ::unsetenv("TZ");
}

}  // namespace
