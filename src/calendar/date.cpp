#include "calendar/date.h"

#include <array>
#include <ctime>

#include "util/whole_number.h"

namespace calendar {

namespace {

using namespace std::chrono;

year_month_day ymd(Date d) { return year_month_day{d}; }

std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = util::whole_number(text.substr(0, 4));
  const auto m = util::whole_number(text.substr(5, 2));
  const auto d = util::whole_number(text.substr(8, 2));
  if (!y || !m || !d || *y < 2000 || *y > 2100) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

Date make_date(int y, int m, int d) {
  const year_month ym{year{y}, month{static_cast<unsigned>(m)}};
  const auto last = static_cast<unsigned>(year_month_day_last{ym.year(), month_day_last{ym.month()}}.day());
  const auto day_number = std::min(static_cast<unsigned>(std::max(d, 1)), last);
  return sys_days{year_month_day{ym.year(), ym.month(), day{day_number}}};
}

int year_of(Date d) { return static_cast<int>(ymd(d).year()); }
int month_of(Date d) { return static_cast<int>(static_cast<unsigned>(ymd(d).month())); }
int day_of(Date d) { return static_cast<int>(static_cast<unsigned>(ymd(d).day())); }

std::string iso_text(Date d) {
  return std::to_string(year_of(d)) + "-" + two(static_cast<unsigned>(month_of(d))) + "-" +
         two(static_cast<unsigned>(day_of(d)));
}

std::string date_text(Date d) {
  return two(static_cast<unsigned>(day_of(d))) + "." + two(static_cast<unsigned>(month_of(d))) + "." +
         std::to_string(year_of(d));
}

std::string long_date_text(Date d) {
  static constexpr std::array<const char*, 12> k_genitive = {
      "января", "февраля", "марта",    "апреля",  "мая",    "июня",
      "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  return std::to_string(day_of(d)) + " " + k_genitive[static_cast<std::size_t>(month_of(d) - 1)] + " " +
         std::to_string(year_of(d)) + " г.";
}

std::string weekday_text(Date d) {
  static constexpr std::array<const char*, 7> k_days = {"вс", "пн", "вт", "ср", "чт", "пт", "сб"};
  return k_days[weekday{d}.c_encoding()];
}

Date local_date(std::int64_t epoch) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&t, &tm);
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::int64_t local_epoch(Date d, int hour) {
  std::tm tm{};
  tm.tm_year = year_of(d) - 1900;
  tm.tm_mon = month_of(d) - 1;
  tm.tm_mday = day_of(d);
  tm.tm_hour = hour;
  tm.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&tm));
}

}  // namespace calendar
