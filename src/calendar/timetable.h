// A monitoring's calendar: in which months it is collected and, within such a
// month, the day forms go out, the deadline, the reminders before and after
// it and the day results are computed and mailed. One collection is a Cycle.
//
// A cycle's days, for a collection month M of year Y:
//   open      = Y-M-open_day                 forms go out
//   before[i] = deadline - remind_before[i]  a reminder to schools with no accepted form
//   deadline  = Y-M-deadline_day             the last day a form is on time
//   results   = Y-M-results_day              the results run; without results_day the day
//                                             after the deadline (the 1st of the next month
//                                             after a deadline on the month's last day)
//   after[i]  = deadline + remind_after[i]   a second reminder, copied to the methodist
//   next_open = the next cycle's open         the end of this cycle's window: until then a
//                                             late or corrected form means corrected results
// Every day of the month is clamped to the month's last day: 29, 30 and 31
// mean «or the last day of a shorter month» (deadline_day = 31 is 28.02 in
// February, 30.04 in April).
// It reports on model::collection_period(periodicity, Y, M) (Krymsk's
// September monitoring: the school year it opens; Balakhta's January one: the
// 2nd half-year before; a monthly method: the month before).
//
//   calendar::Timetable t;                 // every month, forms on the 1st, deadline the 15th …
//   t.periodicity = model::Periodicity::school_year;
//   t.months = {9};
//   const auto cycle = calendar::cycle_at(t, *calendar::parse_date("2026-09-20"));
//   cycle.period.id == "2026-2027", calendar::iso_text(cycle.deadline) == "2026-09-15"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calendar/date.h"
#include "model/period.h"
#include "model/schedule.h"

namespace calendar {

// Defaults that fit a month-based method with no schedule anywhere.
inline constexpr int k_default_open_day = 1;
inline constexpr int k_default_deadline_day = 15;
inline constexpr int k_default_remind_before = 3;
inline constexpr int k_default_remind_after = 3;

struct Timetable {
  model::Periodicity periodicity = model::Periodicity::month;
  std::vector<int> months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};  // 1..12, any order, no repeats
  int open_day = k_default_open_day;          // 1..31 (clamped to the month)
  int deadline_day = k_default_deadline_day;  // open_day < deadline_day <= 31 (clamped to the month)
  std::vector<int> remind_before = {k_default_remind_before};  // days before the deadline, each >= 1
  std::vector<int> remind_after = {k_default_remind_after};    // days after the deadline, each >= 1
  int results_day = 0;  // deadline_day < results_day <= 31 (clamped); 0: the day after the deadline
  bool previous_school_year = false;  // a school year's collection closes the one before (model/schedule.h)
};

// The months a method without [schedule] is collected in: every month for a
// monthly one, January and July for half-years, January for a yearly one
// (each closes the period before, as `run` does without a period);
// September for a school year (the one it opens).
std::vector<int> default_months(model::Periodicity periodicity);

struct Cycle {
  int year = 0, month = 0;  // the collection month
  model::Period period;     // the period it reports on
  Date open, deadline, results, next_open;
  std::vector<Date> before;  // reminders before the deadline, earliest first
  std::vector<Date> after;   // reminders after the deadline, earliest first

  friend bool operator==(const Cycle&, const Cycle&) = default;
};

// The cycle collected in `month` of `year` (a month of t.months).
Cycle cycle_of(const Timetable& t, int year, int month);
// The cycle whose window holds `day`: the latest one that opened on or before it.
Cycle cycle_at(const Timetable& t, Date day);
Cycle previous_cycle(const Timetable& t, const Cycle& c);
Cycle next_cycle(const Timetable& t, const Cycle& c);
// The latest cycle (opened on or before `day`, or the first after it when
// none did within two years) that reports on `period_id`; nullopt when no
// cycle of the timetable within two years of `day` does.
std::optional<Cycle> cycle_for_period(const Timetable& t, const std::string& period_id, Date day);

// What is wrong with a timetable, in Russian (one sentence each, with what to
// do); empty when it is sound. Checked over the months of two years (one of
// them leap), so a reminder before the opening, a deadline that a short
// month clamps onto the opening day or the results, and results after the
// next opening are caught whatever the month lengths.
std::vector<std::string> timetable_problems(const Timetable& t);

// The days of `t` past the 28th, for those who read the calendar:
// "срок сдачи — 31-е число (в месяце, где нет 31-го, — его последний день)";
// empty when every day is one every month has.
std::vector<std::string> clamped_day_notes(const Timetable& t);

}  // namespace calendar
