#include "calendar/calendar_words.h"

#include <cstdio>
#include <ctime>

#include "util/plural.h"

namespace calendar {

std::string step_text(const calendar::Task& task) {
  const auto& c = task.cycle;
  const auto period = model::display_name(c.period);
  switch (task.step) {
    case calendar::Step::open:
      return "рассылка форм школам (форма за " + period + ", срок сдачи — " + calendar::date_text(c.deadline) + ")";
    case calendar::Step::remind_before:
      return "напоминание школам, не сдавшим форму за " + period + " (за " +
             util::count_text((c.deadline - task.due).count(), util::k_day_forms) + " до срока)";
    case calendar::Step::deadline: return "срок сдачи форм за " + period;
    case calendar::Step::results:
      return "итоги за " + period + ": расчёт, книги, письма директорам и методисту";
    case calendar::Step::remind_after:
      return "напоминание должникам за " + period + " после срока (" +
             util::count_text((task.due - c.deadline).count(), util::k_day_forms) + " после), копия методисту";
    case calendar::Step::revise:
      return "уточнённые итоги за " + period + ": пришли новые или исправленные формы";
  }
  return {};
}

std::string missed_text(const calendar::Missed& missed) {
  const auto when = " (" + calendar::date_text(missed.due) + ")";
  if (missed.step == calendar::Step::open) {
    return "пропущено: " + step_text(missed) + when +
           " — срок сдачи наступил, пока программа не запускалась; разошлите формы вручную (metodmon open) и "
           "сообщите школам новый срок";
  }
  std::string text = "пропущено: " + step_text(missed) + when + " — программа в этот день не запускалась";
  if (missed.instead) return text + "; вместо него отправлено напоминание " + calendar::date_text(*missed.instead);
  if (missed.step == calendar::Step::remind_before) return text + ", а срок сдачи уже прошёл";
  return text + "; отправлять его позже уже поздно";
}

std::string late_text(const calendar::Task& task, calendar::Date today) {
  if (task.step == calendar::Step::revise || task.due >= today) return {};
  return " — с опозданием: по календарю " + calendar::date_text(task.due);
}

std::optional<calendar::Date> resolve_today(const std::string& text) {
  if (text.empty()) return calendar::local_date(static_cast<std::int64_t>(std::time(nullptr)));
  const auto day = calendar::parse_date(text);
  if (!day) {
    std::fprintf(stderr, "ошибка: неверная дата «%s»: ожидается ГГГГ-ММ-ДД, например 2026-09-01\n", text.c_str());
  }
  return day;
}

}  // namespace calendar
