// A reporting period: "2026-11" (month), "2026-H1" (half-year) or "2026" (year).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace model {

struct Period {
  std::string id;  // canonical text, as written in forms and folder names
  int year = 0;    // calendar year whose roadmap targets apply
  int month = 0;   // 1..12 for monthly periods, else 0
  int half = 0;    // 1 or 2 for half-years, else 0

  friend bool operator==(const Period&, const Period&) = default;
};

std::optional<Period> parse_period(std::string_view text);

// The day the period opens, YYYYMMDD: 20261101, 20260701 (2026-H2), 20260101.
int first_day(const Period& p);

// "ноябрь 2026", "1-е полугодие 2026", "2026 год".
std::string display_name(const Period& p);

// "январь", …, "декабрь" for 1..12; "" otherwise.
std::string month_name(int month);

}  // namespace model
