#include "calendar/timetable.h"

#include <algorithm>

#include "util/plural.h"

namespace calendar {

namespace {

using std::chrono::days;

std::vector<int> sorted_months(const Timetable& t) {
  auto months = t.months;
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

}  // namespace

std::vector<int> default_months(model::Periodicity periodicity) {
  switch (periodicity) {
    case model::Periodicity::year: return {1};
    case model::Periodicity::school_year: return {9};
    case model::Periodicity::half_year: return {1, 7};
    case model::Periodicity::month: break;
  }
  return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
}

Cycle cycle_of(const Timetable& t, int year, int month) {
  Cycle c;
  c.year = year;
  c.month = month;
  c.period = model::collection_period(t.periodicity, year, month, t.previous_school_year);
  c.open = make_date(year, month, t.open_day);
  c.deadline = make_date(year, month, t.deadline_day);
  c.results = t.results_day > 0 ? make_date(year, month, t.results_day) : c.deadline + days{1};
  auto before = t.remind_before;
  std::sort(before.begin(), before.end(), std::greater<>());
  for (const int d : before) c.before.push_back(c.deadline - days{d});
  auto after = t.remind_after;
  std::sort(after.begin(), after.end());
  for (const int d : after) c.after.push_back(c.deadline + days{d});
  // The next collection month: later this year, or the first one next year.
  const auto months = sorted_months(t);
  const auto later = std::upper_bound(months.begin(), months.end(), month);
  c.next_open = later != months.end() ? make_date(year, *later, t.open_day)
                                      : make_date(year + 1, months.front(), t.open_day);
  return c;
}

Cycle cycle_at(const Timetable& t, Date day) {
  const auto months = sorted_months(t);
  const int y = year_of(day);
  for (int year = y; year >= y - 1; --year) {
    for (auto m = months.rbegin(); m != months.rend(); ++m) {
      if (make_date(year, *m, t.open_day) <= day) return cycle_of(t, year, *m);
    }
  }
  return cycle_of(t, y - 2, months.back());  // not reached: a year always holds an opening
}

Cycle previous_cycle(const Timetable& t, const Cycle& c) { return cycle_at(t, c.open - days{1}); }

Cycle next_cycle(const Timetable& t, const Cycle& c) { return cycle_at(t, c.next_open); }

std::optional<Cycle> cycle_for_period(const Timetable& t, const std::string& period_id, Date day) {
  // Back from the cycle of `day`, then forward: the nearest one of that period.
  auto c = cycle_at(t, day);
  for (auto back = c; back.open > day - days{2 * 366}; back = previous_cycle(t, back)) {
    if (back.period.id == period_id) return back;
  }
  for (auto fwd = next_cycle(t, c); fwd.open < day + days{2 * 366}; fwd = next_cycle(t, fwd)) {
    if (fwd.period.id == period_id) return fwd;
  }
  return std::nullopt;
}

namespace {
// «от 1 до 4 дней», «от 1 до 1 дня», «от 1 до 21 дня»: after «до» the noun
// takes the genitive of the upper bound.
std::string days_up_to(int last) {
  constexpr util::NounForms k_days_genitive = {"дня", "дней", "дней"};
  return "от 1 до " + std::to_string(last) + " " + std::string(util::plural(last, k_days_genitive));
}
}  // namespace

std::vector<std::string> timetable_problems(const Timetable& t) {
  std::vector<std::string> out;
  if (t.months.empty()) {
    out.push_back("не указаны месяцы проведения: укажите, например, months = [9]");
    return out;
  }
  for (const int m : t.months) {
    if (m < 1 || m > 12) {
      out.push_back("нет месяца с номером " + std::to_string(m) + ": номер месяца — от 1 до 12");
      return out;
    }
  }
  if (t.open_day < 1 || t.open_day > 31 || t.deadline_day < 1 || t.deadline_day > 31) {
    out.push_back("день рассылки форм и срок сдачи — числа от 1 до 31 (29, 30 и 31 в более коротком месяце "
                  "означают его последний день)");
    return out;
  }
  if (t.deadline_day <= t.open_day) {
    out.push_back("срок сдачи (" + std::to_string(t.deadline_day) + "-е число) должен быть позже дня рассылки форм (" +
                  std::to_string(t.open_day) + "-е число)");
  }
  if (t.results_day != 0 && (t.results_day <= t.deadline_day || t.results_day > 31)) {
    out.push_back("день подведения итогов (results_day = " + std::to_string(t.results_day) +
                  ") должен быть позже срока сдачи (" + std::to_string(t.deadline_day) + "-е число) и не больше 31");
  }
  for (const int d : t.remind_before) {
    if (d < 1 || d >= t.deadline_day - t.open_day) {
      out.push_back("напоминание за " + util::count_text(d, util::k_day_forms) + " до срока не попадает между рассылкой форм (" +
                    std::to_string(t.open_day) + "-е число) и сроком сдачи (" + std::to_string(t.deadline_day) +
                    "-е): укажите " + days_up_to(t.deadline_day - t.open_day - 1));
    }
  }
  for (const int d : t.remind_after) {
    if (d < 1) out.push_back("напоминание после срока — не раньше чем через 1 день после него");
  }
  if (!out.empty()) return out;
  // A short month clamps the days: they must still come in order, and
  // everything of a cycle must happen before the next one opens.
  for (const int year : {2027, 2028}) {
    for (const int m : sorted_months(t)) {
      const auto c = cycle_of(t, year, m);
      if (c.deadline <= c.open) {
        out.push_back("в месяце, где " + util::count_text(day_of(make_date(year, m, 31)), util::k_day_forms) +
                      ", срок сдачи совпадает с днём рассылки форм (" + date_text(c.open) +
                      "): уменьшите open_day или укажите срок сдачи позже, в днях, которые есть в каждом месяце");
        return out;
      }
      if (c.results <= c.deadline) {
        out.push_back("в месяце, где " + util::count_text(day_of(make_date(year, m, 31)), util::k_day_forms) +
                      ", подведение итогов совпадает со сроком сдачи (" + date_text(c.deadline) +
                      "): укажите results_day меньше 29 или не указывайте его (итоги — на следующий день после срока)");
        return out;
      }
      if (!c.before.empty() && c.before.front() <= c.open) {
        out.push_back("в месяце, где " + util::count_text(day_of(make_date(year, m, 31)), util::k_day_forms) +
                      ", напоминание до срока (" + date_text(c.before.front()) +
                      ") не позже рассылки форм (" + date_text(c.open) + "): уменьшите remind_before");
        return out;
      }
      auto last = c.results;
      if (!c.after.empty()) last = std::max(last, c.after.back());
      if (last >= c.next_open) {
        out.push_back("напоминание после срока или подведение итогов (" + date_text(last) +
                      ") приходится на следующую рассылку форм (" + date_text(c.next_open) +
                      "): сократите remind_after или перенесите results_day");
        return out;
      }
    }
  }
  return out;
}

std::vector<std::string> clamped_day_notes(const Timetable& t) {
  std::vector<std::string> out;
  const auto note = [&](const char* what, int day) {
    if (day <= 28) return;
    out.push_back(std::string(what) + " — " + std::to_string(day) + "-е число (в месяце, где нет " +
                  std::to_string(day) + "-го, — его последний день)");
  };
  note("рассылка форм", t.open_day);
  note("срок сдачи", t.deadline_day);
  note("подведение итогов", t.results_day);
  return out;
}

}  // namespace calendar
