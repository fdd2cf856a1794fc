// When a monitoring is collected: the optional [schedule] section of a
// definition (definition/definition_loader.h reads and validates it).
//
//   [schedule]
//   months = [5, 1]     # months forms go out and come back, in the method's order
//   open_day = 1        # optional: day of the month forms go out (1..31)
//   deadline_day = 20   # optional: the deadline in the same month (open_day < deadline_day <= 31)
//                       # (29..31: or the last day of a shorter month)
//   school_year = "previous"   # only for periodicity = "school_year": see below
//
// Days are optional defaults; the deployment's configuration may override
// them (and supplies its own when the definition has none). A definition
// without [schedule] is month-based: collected every month (the calendar's
// default); that keeps every older definition loading unchanged.
//
// Which period a collection reports on (collection_period()):
//   month, half-year, calendar year: the period that contains the month
//     BEFORE the collection month. So Balakhta's May collection (half-years)
//     reports on the 1st half-year of the same year and its January one on
//     the 2nd half-year of the year before; a yearly monitoring in March..
//     November reports on the same calendar year; a monthly method collected
//     in December reports on November.
//   school year (September to August): the school year under way in the
//     collection month — Krymsk's September monitoring of 2025 and its August
//     one of 2026 both report on 2025/26 — or, with school_year = "previous",
//     the one before it: the yearly rubric collected in September 2026 closes
//     2025/26.
#pragma once

#include <optional>
#include <vector>

#include "model/period.h"

namespace model {

enum class Periodicity { month, half_year, year, school_year };

struct Schedule {
  std::vector<int> months;          // 1..12, at least one, no repeats; order as written
  std::optional<int> open_day;      // 1..31 (clamped to a shorter month's last day)
  std::optional<int> deadline_day;  // 1..31, after open_day when both are given
  bool previous_school_year = false;  // school_year = "previous"
  int line = 0;                     // line of [schedule] in the TOML file

  bool collects_in(int month) const;
};

// The period a collection in `month` of `year` reports on (see above):
// (year, 2026, 1) -> "2025"; (half_year, 2025, 5) -> "2025-H1";
// (half_year, 2026, 1) -> "2025-H2"; (month, 2026, 12) -> "2026-11";
// (school_year, 2025, 9) -> "2025-2026"; (school_year, 2026, 8) -> "2025-2026";
// (school_year, 2026, 9, previous) -> "2025-2026".
Period collection_period(Periodicity periodicity, int year, int month, bool previous_school_year = false);

// The kind of period a method of this periodicity reports on.
PeriodKind period_kind(Periodicity periodicity);

}  // namespace model
