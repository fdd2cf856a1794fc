// How the calendar commands (daily, plan, open, status) name things in
// Russian: the steps of a cycle, the day the commands act on.
#pragma once

#include <optional>
#include <string>

#include "calendar/agenda.h"
#include "calendar/date.h"

namespace calendar {

// "рассылка форм школам (форма за 2026 год, срок сдачи — 20.09.2026)",
// "напоминание школам, не сдавшим форму (за 5 дней до срока)", …
std::string step_text(const calendar::Task& task);

// A step that passed without being done, as the output and the methodist's
// letter say it: "пропущено: напоминание … (15.09.2026) — программа в этот
// день не запускалась; вместо него отправлено напоминание 19.09.2026".
std::string missed_text(const calendar::Missed& missed);

// "" when the task is done on its day; else " — с опозданием: по календарю 01.09.2026".
std::string late_text(const calendar::Task& task, calendar::Date today);

// The day a calendar command acts on: `text` ("2026-09-01", the hidden
// option --today: tests and catching up by hand) or, when empty, today by
// the machine's clock and time zone. A bad date is printed (Russian) and
// nullopt returned.
std::optional<calendar::Date> resolve_today(const std::string& text);

}  // namespace calendar
