#include "calendar/timetable.h"

#include <gtest/gtest.h>

namespace {

using calendar::Timetable;
using calendar::iso_text;
using calendar::parse_date;

Timetable krymsk_september() {
  Timetable t;
  t.periodicity = model::Periodicity::year;
  t.months = {9};
  t.open_day = 1;
  t.deadline_day = 20;
  t.remind_before = {5, 1};
  t.remind_after = {3};
  t.results_day = 21;
  return t;
}

TEST(TimetableTest, ACycleHasItsDaysAndItsPeriod) {
  const auto c = calendar::cycle_of(krymsk_september(), 2026, 9);
  EXPECT_EQ(c.period.id, "2026");
  EXPECT_EQ(iso_text(c.open), "2026-09-01");
  EXPECT_EQ(iso_text(c.deadline), "2026-09-20");
  ASSERT_EQ(c.before.size(), 2u);
  EXPECT_EQ(iso_text(c.before[0]), "2026-09-15");  // earliest first
  EXPECT_EQ(iso_text(c.before[1]), "2026-09-19");
  ASSERT_EQ(c.after.size(), 1u);
  EXPECT_EQ(iso_text(c.after[0]), "2026-09-23");
  EXPECT_EQ(iso_text(c.results), "2026-09-21");
  EXPECT_EQ(iso_text(c.next_open), "2027-09-01");
}

TEST(TimetableTest, TheCycleOfADayIsTheLatestOpenedOnOrBeforeIt) {
  const auto t = krymsk_september();
  EXPECT_EQ(calendar::cycle_at(t, *parse_date("2026-09-01")).period.id, "2026");
  EXPECT_EQ(calendar::cycle_at(t, *parse_date("2026-08-31")).period.id, "2025");
  EXPECT_EQ(calendar::cycle_at(t, *parse_date("2027-03-10")).period.id, "2026");
  const auto c = calendar::cycle_at(t, *parse_date("2027-03-10"));
  EXPECT_EQ(calendar::previous_cycle(t, c).period.id, "2025");
  EXPECT_EQ(calendar::next_cycle(t, c).period.id, "2027");
}

TEST(TimetableTest, BalakhtaMayAndJanuaryCloseTheHalfYears) {
  Timetable t;
  t.periodicity = model::Periodicity::half_year;
  t.months = {5, 1};
  const auto may = calendar::cycle_at(t, *parse_date("2026-05-10"));
  EXPECT_EQ(may.period.id, "2026-H1");
  EXPECT_EQ(iso_text(may.next_open), "2027-01-01");
  const auto january = calendar::next_cycle(t, may);
  EXPECT_EQ(january.period.id, "2026-H2");
  EXPECT_EQ(iso_text(january.next_open), "2027-05-01");
}

TEST(TimetableTest, AMonthlyMethodWithNoScheduleCollectsEveryMonthForTheMonthBefore) {
  const Timetable t;  // defaults
  EXPECT_TRUE(calendar::timetable_problems(t).empty());
  const auto c = calendar::cycle_at(t, *parse_date("2027-01-20"));
  EXPECT_EQ(c.period.id, "2026-12");
  EXPECT_EQ(iso_text(c.deadline), "2027-01-15");
  EXPECT_EQ(iso_text(c.results), "2027-01-16");
  EXPECT_EQ(iso_text(c.next_open), "2027-02-01");
  EXPECT_EQ(calendar::default_months(model::Periodicity::year), std::vector<int>{1});
  EXPECT_EQ(calendar::default_months(model::Periodicity::half_year), (std::vector<int>{1, 7}));
}

TEST(TimetableTest, FindsTheCycleOfAPeriod) {
  const auto t = krymsk_september();
  const auto c = calendar::cycle_for_period(t, "2025", *parse_date("2026-10-01"));
  ASSERT_TRUE(c);
  EXPECT_EQ(iso_text(c->open), "2025-09-01");
  const auto next = calendar::cycle_for_period(t, "2027", *parse_date("2026-10-01"));
  ASSERT_TRUE(next);
  EXPECT_EQ(iso_text(next->open), "2027-09-01");
  EXPECT_FALSE(calendar::cycle_for_period(t, "2026-H1", *parse_date("2026-10-01")));
}

TEST(TimetableTest, ProblemsAreSaidInRussian) {
  auto t = krymsk_september();
  t.deadline_day = 1;
  auto p = calendar::timetable_problems(t);
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p[0].find("срок сдачи (1-е число) должен быть позже дня рассылки форм (1-е число)"), std::string::npos)
      << p[0];

  t = krymsk_september();
  t.remind_before = {25};
  p = calendar::timetable_problems(t);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("напоминание за 25 дней до срока не попадает"), std::string::npos) << p[0];
  // The bound agrees with its noun: «до 4 дней», «до 1 дня».
  EXPECT_NE(p[0].find("укажите от 1 до " + std::to_string(t.deadline_day - t.open_day - 1) + " дн"),
            std::string::npos)
      << p[0];
  t.deadline_day = t.open_day + 2;
  t.results_day = t.deadline_day + 1;
  t.remind_before = {3};
  p = calendar::timetable_problems(t);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("укажите от 1 до 1 дня"), std::string::npos) << p[0];

  t = krymsk_september();
  t.results_day = 20;
  p = calendar::timetable_problems(t);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("results_day = 20"), std::string::npos) << p[0];

  // Monthly: a reminder 20 days after a deadline on the 15th runs into the next opening.
  Timetable monthly;
  monthly.remind_after = {20};
  p = calendar::timetable_problems(monthly);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("приходится на следующую рассылку форм"), std::string::npos) << p[0];
  // Yearly: it does not.
  t = krymsk_september();
  t.remind_after = {20};
  EXPECT_TRUE(calendar::timetable_problems(t).empty());
}

// Issue 25: days 29–31 mean «or the last day of a shorter month»; a short
// month that clamps two steps onto one day is a problem of that timetable.
TEST(TimetableTest, DaysPastTheTwentyEighthAreTheLastDayOfAShorterMonth) {
  Timetable t;
  t.periodicity = model::Periodicity::half_year;
  t.months = {1, 7};
  t.open_day = 1;
  t.deadline_day = 31;
  t.remind_before = {5};
  t.remind_after = {3};
  EXPECT_TRUE(calendar::timetable_problems(t).empty());
  Timetable monthly;
  monthly.deadline_day = 31;
  monthly.remind_after = {};
  monthly.open_day = 2;
  const auto feb = calendar::cycle_of(monthly, 2027, 2);
  EXPECT_EQ(iso_text(feb.deadline), "2027-02-28");
  EXPECT_EQ(iso_text(feb.results), "2027-03-01");  // the day after the deadline
  EXPECT_EQ(iso_text(calendar::cycle_of(monthly, 2028, 2).deadline), "2028-02-29");
  EXPECT_EQ(iso_text(calendar::cycle_of(monthly, 2027, 4).deadline), "2027-04-30");
  EXPECT_TRUE(calendar::timetable_problems(monthly).empty()) << calendar::timetable_problems(monthly)[0];
  EXPECT_EQ(calendar::clamped_day_notes(monthly),
            std::vector<std::string>{"срок сдачи — 31-е число (в месяце, где нет 31-го, — его последний день)"});
  EXPECT_TRUE(calendar::clamped_day_notes(krymsk_september()).empty());

  // Results on the 31st after a deadline on the 30th: the same day in a 30-day month.
  auto september = krymsk_september();
  september.deadline_day = 30;
  september.results_day = 31;
  const auto p = calendar::timetable_problems(september);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("в месяце, где 30 дней, подведение итогов совпадает со сроком сдачи (30.09.2027)"),
            std::string::npos)
      << p[0];
  // A deadline on the 29th after forms on the 28th: none left in February.
  Timetable february;
  february.months = {2};
  february.periodicity = model::Periodicity::year;
  february.open_day = 28;
  february.deadline_day = 29;
  february.remind_before = {};
  ASSERT_FALSE(calendar::timetable_problems(february).empty());
  EXPECT_NE(calendar::timetable_problems(february)[0].find("срок сдачи совпадает с днём рассылки форм (28.02.2027)"),
            std::string::npos)
      << calendar::timetable_problems(february)[0];
  // Beyond 31 is no day at all.
  september = krymsk_september();
  september.results_day = 40;
  EXPECT_NE(calendar::timetable_problems(september)[0].find("results_day = 40"), std::string::npos);
}

}  // namespace
