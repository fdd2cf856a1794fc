// The monitorings of a deployment as commands use them: one Config per
// monitoring (its definition, registry, inbox, output and period; its
// archive and outbox in a subfolder named by its id; its history rows under
// its id), and its timetable.
//
//   for (const auto& m : config.monitorings) {
//     const auto one = cli::monitoring_config(config, m);     // "m1": <outbox>/m1, <archive>/m1
//     const auto inputs = cli::load_run_inputs(one);
//     const auto timetable = cli::timetable_for(one, inputs->definition.definition);
//   }
#pragma once

#include <optional>
#include <string>

#include "calendar/timetable.h"
#include "cli/config/config.h"
#include "definition/definition_loader.h"
#include "model/definition.h"

namespace cli {

// `base` with monitoring `m`'s fields. For the one monitoring of a single
// [monitoring] (id "") it is `base` itself, command-line overrides kept.
Config monitoring_config(const Config& base, const MonitoringSettings& m);

// The configuration of monitoring `id`, or of the only one when `id` is
// empty; nullopt (the problem printed in Russian, with the ids there are)
// when there is no such monitoring or several and none was named.
std::optional<Config> select_monitoring(const Config& base, const std::string& id);

// The monitoring's timetable: its schedule keys (and [calendar]), then the
// definition's [schedule] (months, open_day, deadline_day), then the
// defaults (calendar/timetable.h); results_day defaults to the day after the
// deadline. Problems are located at the monitoring's table.
model::ExpectedAll<calendar::Timetable> timetable_for(const Config& config, const model::Definition& definition);

// A monitoring as the calendar commands need it: its configuration, its
// definition and its timetable.
struct CalendarMonitoring {
  Config config;
  definition::LoadedDefinition definition;
  calendar::Timetable timetable;
};

// Every monitoring of the deployment, or only `only_id` when not empty,
// loaded. Problems (an unknown id, a definition or a timetable with errors)
// are printed in Russian; such monitorings are left out and `all_loaded` is
// false.
std::vector<CalendarMonitoring> load_calendar(const Config& base, const std::string& only_id, bool& all_loaded);

// "m1 «профдефициты»" (the configured name, else the definition's title), or
// the name alone for the one monitoring without id.
std::string monitoring_label(const Config& config, const model::Definition& definition);

}  // namespace cli
