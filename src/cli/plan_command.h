// `metodmon plan -c CONFIG [--from DATE] [--to DATE] [--monitoring ID]`:
// what the daily run would do on which day, in Russian, day by day, so the
// methodist can check the calendar before trusting it. Reads nothing but the
// configuration and the definitions; writes nothing.
#pragma once

#include <string>

#include "cli/config/config.h"

namespace cli {

struct PlanOptions {
  std::string from, to;    // "2026-09-01"; empty: today, and a year after `from`
  std::string monitoring;  // empty: every monitoring
  std::string today;       // the hidden --today (tests)
};

// 0, 1 (a definition or timetable with errors), 64 (a bad date).
int plan_command(const Config& config, const PlanOptions& options);

}  // namespace cli
