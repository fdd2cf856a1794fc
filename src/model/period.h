// A reporting period: "2026-11" (month), "2026-H1" (half-year), "2026"
// (calendar year) or "2025-2026" (the school year from September 2025 to
// August 2026, «2025/26 учебный год»).
//
//   const auto p = model::parse_period("2025/26");   // the methodist's spelling is accepted too
//   p->id == "2025-2026", p->kind() == model::PeriodKind::school_year, p->year == 2025
//   model::display_name(*p) == "2025/26 учебный год"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace model {

enum class PeriodKind { month, half_year, year, school_year };

struct Period {
  std::string id;  // canonical text, as written in forms and folder names ("2025-2026" for a school year)
  int year = 0;    // calendar year whose roadmap targets apply; a school year: the year it begins in
  int month = 0;   // 1..12 for monthly periods, else 0
  int half = 0;    // 1 or 2 for half-years, else 0
  bool school_year = false;  // September of `year` to August of the next

  PeriodKind kind() const;

  friend bool operator==(const Period&, const Period&) = default;
};

// "2026-11", "2026-H1", "2026", "2025-2026"; a school year may also be
// written "2025/26" or "2025/2026" (the id is then "2025-2026"). The second
// year of a school year is the first plus one.
std::optional<Period> parse_period(std::string_view text);

// The school year that begins in September of `first_year`: "2025-2026".
Period school_year_period(int first_year);

// The day the period opens, YYYYMMDD: 20261101, 20260701 (2026-H2), 20260101,
// 20250901 (2025-2026).
int first_day(const Period& p);

// "2025/26": a school year's years as people write them (the years of any other period: "2026").
std::string years_text(const Period& p);

// "ноябрь 2026", "1-е полугодие 2026", "2026 год", "2025/26 учебный год".
std::string display_name(const Period& p);

// "январь", …, "декабрь" for 1..12; "" otherwise.
std::string month_name(int month);

}  // namespace model
