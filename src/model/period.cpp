#include "model/period.h"

#include <array>
#include <charconv>

namespace model {

namespace {
std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  const auto* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc{} || p != end) return std::nullopt;
  return v;
}

// "2025-2026", "2025/2026", "2025/26": the school year after `year`, if the rest names it.
std::optional<Period> school_year_of(int year, std::string_view rest, char separator) {
  const auto second = parse_int(rest);
  if (!second) return std::nullopt;
  const bool full = rest.size() == 4 && *second == year + 1;
  const bool short_form = separator == '/' && rest.size() == 2 && *second == (year + 1) % 100;
  if (!full && !short_form) return std::nullopt;
  return school_year_period(year);
}
}  // namespace

PeriodKind Period::kind() const {
  if (month > 0) return PeriodKind::month;
  if (half > 0) return PeriodKind::half_year;
  return school_year ? PeriodKind::school_year : PeriodKind::year;
}

Period school_year_period(int first_year) {
  Period p{std::to_string(first_year) + "-" + std::to_string(first_year + 1), first_year, 0, 0};
  p.school_year = true;
  return p;
}

std::optional<Period> parse_period(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  const auto year = parse_int(text.substr(0, 4));
  if (!year || *year < 2000 || *year > 2100) return std::nullopt;
  Period p{std::string(text), *year, 0, 0};
  if (text.size() == 4) return p;
  if (text[4] != '-' && text[4] != '/') return std::nullopt;
  const auto rest = text.substr(5);
  if (text[4] == '/' || rest.size() == 4) return school_year_of(*year, rest, text[4]);
  if (rest == "H1" || rest == "H2") {
    p.half = rest[1] - '0';
    return p;
  }
  if (rest.size() != 2) return std::nullopt;
  const auto month = parse_int(rest);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  p.month = *month;
  return p;
}

std::string month_name(int month) {
  static constexpr std::array<const char*, 12> k_months = {
      "январь", "февраль", "март",     "апрель",  "май",    "июнь",
      "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
  if (month < 1 || month > 12) return "";
  return k_months[static_cast<std::size_t>(month - 1)];
}

int first_day(const Period& p) {
  const int month = p.month > 0 ? p.month : p.half == 2 ? 7 : p.school_year ? 9 : 1;
  return p.year * 10000 + month * 100 + 1;
}

std::string years_text(const Period& p) {
  const auto y = std::to_string(p.year);
  if (!p.school_year) return y;
  const int next = (p.year + 1) % 100;
  return y + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::string display_name(const Period& p) {
  const auto y = std::to_string(p.year);
  if (p.month > 0) return month_name(p.month) + " " + y;
  if (p.half > 0) return std::to_string(p.half) + "-е полугодие " + y;
  if (p.school_year) return years_text(p) + " учебный год";
  return y + " год";
}

}  // namespace model
