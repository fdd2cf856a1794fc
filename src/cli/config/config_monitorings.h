// The monitorings of a configuration file (format: config.h): a single
// [monitoring] as before, or a list [[monitoring]] sharing [paths] and the
// [calendar] defaults. Internal to config.cpp.
//
// Checks, each a located Russian error appended to `errors`:
// - [[monitoring]]: id (latin letters, digits, "-" and "_", unique) and
//   definition required; unknown keys refused;
// - schools: the monitoring's own, else [paths] schools (one is required);
// - schedule keys: months 1..12 without repeats; days whole numbers 1..31
//   (29..31: or the last day of a shorter month); reminders lists of whole
//   numbers of days >= 1. A schedule key's problem is not appended to
//   `errors`: it stays in the monitoring's ScheduleSettings::problems (a
//   [calendar] key's in every monitoring that takes it), so one monitoring's
//   bad day keeps only that monitoring out of the calendar. Whether the days
//   fit together is checked with the definition (cli/config/monitorings.h),
//   which may supply the months.
#pragma once

#include <filesystem>
#include <toml++/toml.h>
#include <vector>

#include "cli/config/config.h"
#include "model/diagnostic.h"

namespace cli {

// Fills c.monitorings, c.calendar and, for a single [monitoring], c.schedule.
// c.definition, c.schools, c.period, c.inbox and c.output must already hold
// what config.cpp read from [monitoring] and [paths].
void read_monitorings(const toml::table& root, const std::filesystem::path& file, Config& c,
                      std::vector<model::Diagnostic>& errors);

}  // namespace cli
