// What the daily run has to do for one monitoring on one day, given what the
// history says was already done: each step of a cycle at most once, a missed
// day caught up, and a missed stretch of days (a machine off for a week)
// caught up with what still makes sense, not every step it missed.
//
// Rules for the cycle that holds `today` (cycle_at) and the one before it:
//   - nothing for a cycle whose results day came before `start`, the first
//     day the calendar ran for the monitoring (no late results for a cycle
//     the calendar never ran);
//   - open: on or after its day and before the deadline; a cycle whose
//     deadline passed with the forms never sent skips it (Agenda::missed);
//   - reminders before the deadline: the latest one due, up to the deadline
//     day itself, once the forms went out (a reminder day on or before the
//     day they went out is not due), however late: a reminder still before
//     its deadline is sent late rather than dropped; earlier missed ones are
//     not sent as well (Missed::instead names the one that went out);
//     once the deadline has passed, every one that was never sent is missed
//     (said once: the machine was off over them);
//   - reminders after the deadline: the latest one due within the cycle's
//     window, once the forms went out; earlier missed ones are skipped;
//     one more than 7 days late is skipped too (said once);
//   - results: on or after its day, once (the cycle before too, when the
//     machine was off on its results day);
//   - revision: after the results day, within the window, the caller checks
//     whether the inbox changed since the last results (a late or corrected
//     form) and reruns if it did. It is offered every such day; doing it is
//     recorded only when a rerun happened.
// Steps are keyed (Task::key) as the history stores them: "open",
// "remind-before:2026-09-12", "remind-after:2026-09-18", "results".
//
//   calendar::CycleState state{.done = {"open"}};
//   const auto a = calendar::agenda(t, today, start, [&](const Cycle& c) { return state_of(c); });
//   for (const auto& task : a.tasks) do(task);  // in order: the older cycle first, then open,
//                                               // reminders, results, revision
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar/timetable.h"

namespace calendar {

// deadline is not a step anyone does: scheduled_steps() lists it for the plan.
enum class Step { open, remind_before, remind_after, deadline, results, revise };

struct Task {
  Step step = Step::open;
  Cycle cycle;
  Date due;         // the day the calendar set for it
  std::string key;  // how the history records it
};

// What the history says about one cycle.
struct CycleState {
  std::set<std::string> done;   // keys of steps done or skipped
  std::optional<Date> opened_on;  // the day the forms went out (the daily run or `open` by hand)
};

// A step that passed without being done.
struct Missed : Task {
  std::optional<Date> instead;  // a later reminder of the same kind due that goes out today instead
};

struct Agenda {
  std::vector<Task> tasks;     // to do today, in order
  std::vector<Missed> missed;  // passed without being done; the caller records them (once) and says so
};

std::string step_key(Step step, Date due);

Agenda agenda(const Timetable& t, Date today, Date start,
              const std::function<CycleState(const Cycle&)>& state_of);

// Every scheduled step of the cycles that open within [from, to] or whose
// window holds `from`, with its day, in day order (plan, status).
std::vector<Task> scheduled_steps(const Timetable& t, Date from, Date to);

}  // namespace calendar
