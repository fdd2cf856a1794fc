#include "calendar/agenda.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using calendar::Date;
using calendar::Step;
using calendar::Timetable;

Date day(const char* text) { return *calendar::parse_date(text); }

Timetable september() {
  Timetable t;
  t.periodicity = model::Periodicity::year;
  t.months = {9};
  t.deadline_day = 20;
  t.remind_before = {5, 1};  // 15th, 19th
  t.remind_after = {3, 7};   // 23rd, 27th
  t.results_day = 21;
  return t;
}

// A fake history: what was done per cycle, as the daily command would record it.
struct Journal {
  std::map<std::string, calendar::CycleState> cycles;

  calendar::Agenda on(const Timetable& t, Date today, Date start) {
    return calendar::agenda(t, today, start, [&](const calendar::Cycle& c) { return cycles[c.period.id]; });
  }
  // Runs a day like the daily command: does the tasks and records them.
  std::vector<std::string> live(const Timetable& t, Date today, Date start) {
    const auto a = on(t, today, start);
    std::vector<std::string> did;
    for (const auto& m : a.missed) cycles[m.cycle.period.id].done.insert(m.key);
    for (const auto& task : a.tasks) {
      if (task.step == Step::revise) continue;  // recorded only when a rerun happened
      auto& s = cycles[task.cycle.period.id];
      s.done.insert(task.key);
      if (task.step == Step::open) s.opened_on = today;
      did.push_back(task.cycle.period.id + " " + task.key);
    }
    return did;
  }
};

using Did = std::vector<std::string>;

TEST(AgendaTest, AYearLivedDayByDayDoesEachStepOnItsDayOnce) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-01-10");
  std::map<std::string, Did> log;
  for (auto d = start; d <= day("2027-01-10"); d += std::chrono::days{1}) {
    const auto did = j.live(t, d, start);
    if (!did.empty()) log[calendar::iso_text(d)] = did;
  }
  const std::map<std::string, Did> expected = {
      {"2026-09-01", {"2026 open"}},
      {"2026-09-15", {"2026 remind-before:2026-09-15"}},
      {"2026-09-19", {"2026 remind-before:2026-09-19"}},
      {"2026-09-21", {"2026 results"}},
      {"2026-09-23", {"2026 remind-after:2026-09-23"}},
      {"2026-09-27", {"2026 remind-after:2026-09-27"}},
  };
  EXPECT_EQ(log, expected);
}

TEST(AgendaTest, RevisionIsOfferedAfterTheResultsDayWithinTheWindow) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-08-01");
  for (const auto* d : {"2026-09-01", "2026-09-15", "2026-09-19", "2026-09-21"}) j.live(t, day(d), start);
  EXPECT_TRUE(j.on(t, day("2026-09-21"), start).tasks.empty());  // not on the results day itself
  for (const auto* d : {"2026-09-23", "2026-09-27"}) j.live(t, day(d), start);
  const auto later = j.on(t, day("2026-12-05"), start);
  ASSERT_EQ(later.tasks.size(), 1u);
  EXPECT_EQ(later.tasks[0].step, Step::revise);
  EXPECT_EQ(later.tasks[0].cycle.period.id, "2026");
  // The next cycle opened: its own steps, no revision of the old one.
  const auto next_year = j.on(t, day("2027-09-02"), start);
  ASSERT_EQ(next_year.tasks.size(), 1u);
  EXPECT_EQ(next_year.tasks[0].step, Step::open);
  EXPECT_EQ(next_year.tasks[0].cycle.period.id, "2027");
}

TEST(AgendaTest, AMachineOffForAWeekDoesTheLatestReminderNotEveryOne) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-08-01");
  j.live(t, day("2026-09-01"), start);
  // Off from the 10th to the 19th: the reminder of the 15th is skipped.
  const auto a = j.on(t, day("2026-09-19"), start);
  ASSERT_EQ(a.tasks.size(), 1u);
  EXPECT_EQ(a.tasks[0].key, "remind-before:2026-09-19");
  ASSERT_EQ(a.missed.size(), 1u);
  EXPECT_EQ(a.missed[0].key, "remind-before:2026-09-15");
  EXPECT_EQ(a.missed[0].instead, day("2026-09-19"));
  // Off until the 28th: results, and only the last reminder after the deadline;
  // the two before it can no longer go and are said, the 23rd's went as the 27th's.
  const auto late = j.on(t, day("2026-09-28"), start);
  std::vector<std::string> keys;
  for (const auto& task : late.tasks) keys.push_back(task.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"remind-after:2026-09-27", "results"}));
  std::vector<std::string> missed;
  for (const auto& m : late.missed) {
    missed.push_back(m.key + (m.instead ? " -> " + calendar::iso_text(*m.instead) : std::string()));
  }
  EXPECT_EQ(missed, (std::vector<std::string>{"remind-before:2026-09-15", "remind-before:2026-09-19",
                                              "remind-after:2026-09-23 -> 2026-09-27"}));
}

TEST(AgendaTest, AReminderBeforeTheDeadlineIsSentLateHoweverLate) {
  auto t = september();
  t.open_day = 1;
  t.deadline_day = 25;
  t.results_day = 26;
  t.remind_before = {20, 1};  // the 5th and the 24th
  Journal j;
  const auto start = day("2026-08-01");
  j.live(t, day("2026-09-01"), start);
  // Off from the 2nd to the 14th: the 5th's reminder is nine days late, and still goes.
  EXPECT_EQ(j.live(t, day("2026-09-14"), start), Did{"2026 remind-before:2026-09-05"});
  EXPECT_EQ(j.live(t, day("2026-09-15"), start), Did{});
  EXPECT_EQ(j.live(t, day("2026-09-24"), start), Did{"2026 remind-before:2026-09-24"});
}

TEST(AgendaTest, RemindersTheMachineSleptThroughAreSaidOnceEvenAfterTheCycle) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-08-01");
  j.live(t, day("2026-09-01"), start);
  // Off from the 14th to the 21st (the results day): both reminders before the deadline are missed.
  const auto a = j.on(t, day("2026-09-21"), start);
  ASSERT_EQ(a.missed.size(), 2u);
  EXPECT_EQ(a.missed[0].key, "remind-before:2026-09-15");
  EXPECT_EQ(a.missed[1].key, "remind-before:2026-09-19");
  EXPECT_FALSE(a.missed[0].instead);
  EXPECT_EQ(j.live(t, day("2026-09-21"), start), Did{"2026 results"});
  EXPECT_TRUE(j.on(t, day("2026-09-22"), start).missed.empty()) << "said once";
}

TEST(AgendaTest, AReminderMoreThanAWeekLateIsSkipped) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-08-01");
  for (const auto* d : {"2026-09-01", "2026-09-15", "2026-09-19", "2026-09-21"}) j.live(t, day(d), start);
  // Off from the 22nd until the 4th of October: the reminder of the 27th is 7 days late, still sent.
  EXPECT_EQ(j.on(t, day("2026-10-04"), start).tasks[0].key, "remind-after:2026-09-27");
  // Until the 5th: 8 days late, skipped and said (and the 23rd's, never sent either).
  const auto a = j.on(t, day("2026-10-05"), start);
  ASSERT_EQ(a.missed.size(), 2u);
  EXPECT_EQ(a.missed[0].key, "remind-after:2026-09-23");
  EXPECT_EQ(a.missed[1].key, "remind-after:2026-09-27");
  ASSERT_EQ(a.tasks.size(), 1u);
  EXPECT_EQ(a.tasks[0].step, Step::revise);
}

TEST(AgendaTest, FormsThatNeverWentOutBeforeTheDeadlineAreMissedNotSentLate) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-08-01");
  const auto a = j.on(t, day("2026-09-20"), start);  // the deadline day itself
  ASSERT_EQ(a.missed.size(), 1u);
  EXPECT_EQ(a.missed[0].step, Step::open);
  // No reminders about forms never sent; the results still come.
  EXPECT_TRUE(a.tasks.empty());
  EXPECT_EQ(j.live(t, day("2026-09-20"), start), Did{});
  EXPECT_TRUE(j.on(t, day("2026-09-20"), start).missed.empty());  // said once
  EXPECT_EQ(j.live(t, day("2026-09-24"), start), Did{"2026 results"});
}

TEST(AgendaTest, OpenedLateTheDayOfAReminderRemindsOnlyOnLaterDays) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-09-15");  // installed on a reminder day
  EXPECT_EQ(j.live(t, day("2026-09-15"), start), Did{"2026 open"});
  EXPECT_EQ(j.live(t, day("2026-09-16"), start), Did{});
  EXPECT_EQ(j.live(t, day("2026-09-19"), start), Did{"2026 remind-before:2026-09-19"});
}

TEST(AgendaTest, NoLateResultsForACycleTheCalendarNeverRan) {
  const auto t = september();
  Journal j;
  const auto start = day("2026-10-05");  // installed after September's results day
  const auto a = j.on(t, day("2026-10-05"), start);
  EXPECT_TRUE(a.tasks.empty());
  EXPECT_TRUE(a.missed.empty());
}

TEST(AgendaTest, AMonthOffCatchesUpTheOlderCyclesResultsFirst) {
  const Timetable monthly;  // 1st, deadline 15th, results 16th, reminders 12th and 18th
  Journal j;
  const auto start = day("2027-01-01");
  EXPECT_EQ(j.live(monthly, day("2027-01-01"), start), Did{"2026-12 open"});
  // Off from the 2nd of January to the 20th of February.
  const auto a = j.on(monthly, day("2027-02-20"), start);
  std::vector<std::string> keys;
  for (const auto& task : a.tasks) keys.push_back(task.cycle.period.id + " " + task.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"2026-12 results", "2027-01 results"}));
  // December's reminders were slept through as well: said, never sent.
  std::vector<std::string> missed;
  for (const auto& m : a.missed) missed.push_back(m.cycle.period.id + " " + m.key);
  EXPECT_EQ(missed, (std::vector<std::string>{"2026-12 remind-before:2027-01-12", "2026-12 remind-after:2027-01-18",
                                              "2027-01 open"}));
}

TEST(AgendaTest, ThePlanListsEveryStepWithItsDay) {
  const auto steps = calendar::scheduled_steps(september(), day("2026-09-10"), day("2026-09-30"));
  std::vector<std::string> got;
  for (const auto& s : steps) got.push_back(calendar::iso_text(s.due) + " " + calendar::step_key(s.step, s.due));
  EXPECT_EQ(got, (std::vector<std::string>{"2026-09-15 remind-before:2026-09-15", "2026-09-19 remind-before:2026-09-19",
                                           "2026-09-20 deadline", "2026-09-21 results",
                                           "2026-09-23 remind-after:2026-09-23", "2026-09-27 remind-after:2026-09-27"}));
}

}  // namespace
