#include "calendar/agenda.h"

#include <algorithm>

namespace calendar {

namespace {

// A reminder more than a week late is no longer worth sending.
constexpr std::chrono::days k_reminder_grace{7};

Task make(Step step, const Cycle& c, Date due) { return Task{step, c, due, step_key(step, due)}; }

// The latest of `days` on or before `today` (and on or before `until`), if
// any, and the earlier ones.
void latest_due(Step step, const Cycle& c, const std::vector<Date>& days, Date today, Date until,
                const CycleState& s, Agenda& out) {
  const Date* latest = nullptr;
  for (const auto& d : days) {
    if (d <= today && d <= until && d > *s.opened_on) latest = &d;
  }
  if (latest != nullptr && today > *latest + k_reminder_grace) {
    if (!s.done.contains(step_key(step, *latest))) out.missed.push_back(make(step, c, *latest));
    latest = nullptr;
  }
  if (latest == nullptr) return;
  // One done already at or after the latest due: nothing more.
  for (const auto& d : days) {
    if (d >= *latest && s.done.contains(step_key(step, d))) return;
  }
  for (const auto& d : days) {
    if (&d == latest) break;
    if (d > *s.opened_on && !s.done.contains(step_key(step, d))) out.missed.push_back(make(step, c, d));
  }
  out.tasks.push_back(make(step, c, *latest));
}

void cycle_agenda(const Cycle& c, Date today, const CycleState& s, bool older, Agenda& out) {
  if (!older) {
    const bool open_settled = s.done.contains(step_key(Step::open, c.open));  // done, or missed and said
    if (!open_settled && today >= c.open) {
      out.tasks.push_back(make(Step::open, c, c.open));
      if (today >= c.deadline) {  // too late to send forms: say so once
        out.missed.push_back(std::move(out.tasks.back()));
        out.tasks.pop_back();
      }
    }
    // Reminders only for forms that went out, and not on the day they did.
    if (s.opened_on) {
      if (today <= c.deadline) latest_due(Step::remind_before, c, c.before, today, c.deadline, s, out);
      latest_due(Step::remind_after, c, c.after, today, c.next_open - std::chrono::days{1}, s, out);
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
