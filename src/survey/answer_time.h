// When a respondent answered, from the export's time column, and which
// period that answer belongs to. Forms are reused from one collection to the
// next, so an export holds the answers of every collection since the form
// was made; a run counts those of its own period only.
//
//   "2025-05-14 09:12:33"  Yandex Forms, and a date cell of any workbook
//   "14.05.2025 9:12:33"   Google Forms in Russian ("14.05.2025, 9:12" too)
//   "5/14/2025 9:12:33"    Google Forms in English (month first)
// Seconds may be left out, and the time; the time is local, as written.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "model/period.h"
#include "model/schedule.h"

namespace survey {

std::optional<std::chrono::sys_seconds> parse_answer_time(std::string_view text);

// The period of an answer given at `t`: the one a collection in that month
// reports on (model::collection_period), so Balakhta's answers of May 2025
// are of 2025-H1 and those of January 2025 of 2024-H2.
model::Period answer_period(model::Periodicity periodicity, std::chrono::sys_seconds t);

}  // namespace survey
