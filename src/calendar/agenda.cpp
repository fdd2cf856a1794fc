#include "calendar/agenda.h"

#include <algorithm>

namespace calendar {

namespace {

// A reminder after the deadline more than a week late is no longer worth sending.
constexpr std::chrono::days k_reminder_grace{7};

Task make(Step step, const Cycle& c, Date due) { return Task{step, c, due, step_key(step, due)}; }

void miss(Agenda& out, Task task, std::optional<Date> instead = std::nullopt) {
  out.missed.push_back(Missed{std::move(task), instead});
}

// The reminders of `days` due by `today` (and by `until`) since the forms
// went out and since the last one done, oldest first.
std::vector<Date> owed(Step step, const std::vector<Date>& days, Date today, Date until, const CycleState& s) {
  std::vector<Date> out;
  for (const auto& d : days) {
    if (d <= *s.opened_on || d > today || d > until) continue;
    if (s.done.contains(step_key(step, d))) {
      out.clear();  // done (or said) up to here
      continue;
    }
    out.push_back(d);
  }
  return out;
}

// Before the deadline: the latest one owed, whatever its delay; the earlier
// ones owed go as that one. Past the deadline: each one owed was missed.
void reminders_before(const Cycle& c, Date today, const CycleState& s, Agenda& out) {
  const auto due = owed(Step::remind_before, c.before, today, c.deadline, s);
  if (due.empty()) return;
  if (today > c.deadline) {
    for (const auto& d : due) miss(out, make(Step::remind_before, c, d));
    return;
  }
  for (std::size_t i = 0; i + 1 < due.size(); ++i) miss(out, make(Step::remind_before, c, due[i]), due.back());
  out.tasks.push_back(make(Step::remind_before, c, due.back()));
}

// After the deadline: the latest one owed within a week of its day; the
// earlier ones go as that one; one later than that is missed.
void reminders_after(const Cycle& c, Date today, const CycleState& s, Agenda& out) {
  const auto due = owed(Step::remind_after, c.after, today, c.next_open - std::chrono::days{1}, s);
  if (due.empty()) return;
  if (today > due.back() + k_reminder_grace) {
    for (const auto& d : due) miss(out, make(Step::remind_after, c, d));
    return;
  }
  for (std::size_t i = 0; i + 1 < due.size(); ++i) miss(out, make(Step::remind_after, c, due[i]), due.back());
  out.tasks.push_back(make(Step::remind_after, c, due.back()));
}

void cycle_agenda(const Cycle& c, Date today, const CycleState& s, bool older, Agenda& out) {
  if (!older) {
    const bool open_settled = s.done.contains(step_key(Step::open, c.open));  // done, or missed and said
    if (!open_settled && today >= c.open) {
      if (today >= c.deadline) {  // too late to send forms: say so once
        miss(out, make(Step::open, c, c.open));
      } else {
        out.tasks.push_back(make(Step::open, c, c.open));
      }
    }
    // Reminders only for forms that went out, and not on the day they did.
    if (s.opened_on) {
      reminders_before(c, today, s, out);
      reminders_after(c, today, s, out);
    }
  } else if (s.opened_on) {
    // The next collection has begun: a reminder of this one never sent is missed.
    for (const auto& d : owed(Step::remind_before, c.before, today, c.deadline, s)) miss(out, make(Step::remind_before, c, d));
    for (const auto& d : owed(Step::remind_after, c.after, today, c.next_open - std::chrono::days{1}, s)) {
      miss(out, make(Step::remind_after, c, d));
    }
  }
  const auto results_key = step_key(Step::results, c.results);
  if (today >= c.results && !s.done.contains(results_key)) {
    out.tasks.push_back(make(Step::results, c, c.results));
  } else if (!older && s.done.contains(results_key) && today > c.results && today < c.next_open) {
    out.tasks.push_back(make(Step::revise, c, today));
  }
}

}  // namespace

std::string step_key(Step step, Date due) {
  switch (step) {
    case Step::open: return "open";
    case Step::remind_before: return "remind-before:" + iso_text(due);
    case Step::remind_after: return "remind-after:" + iso_text(due);
    case Step::deadline: return "deadline";
    case Step::results: return "results";
    case Step::revise: return "revise:" + iso_text(due);
  }
  return "?";
}

Agenda agenda(const Timetable& t, Date today, Date start,
              const std::function<CycleState(const Cycle&)>& state_of) {
  Agenda out;
  const auto current = cycle_at(t, today);
  const auto before = previous_cycle(t, current);
  if (before.results >= start) cycle_agenda(before, today, state_of(before), true, out);
  if (current.results >= start) cycle_agenda(current, today, state_of(current), false, out);
  return out;
}

std::vector<Task> scheduled_steps(const Timetable& t, Date from, Date to) {
  std::vector<Task> out;
  for (auto c = cycle_at(t, from); c.open <= to; c = next_cycle(t, c)) {
    out.push_back(make(Step::open, c, c.open));
    for (const auto& d : c.before) out.push_back(make(Step::remind_before, c, d));
    out.push_back(make(Step::deadline, c, c.deadline));
    out.push_back(make(Step::results, c, c.results));
    for (const auto& d : c.after) out.push_back(make(Step::remind_after, c, d));
  }
  std::erase_if(out, [&](const Task& task) { return task.due < from || task.due > to; });
  std::stable_sort(out.begin(), out.end(), [](const Task& a, const Task& b) { return a.due < b.due; });
  return out;
}

}  // namespace calendar
