// Reads the optional [schedule] section of a definition (format and meaning:
// model/schedule.h). Internal to src/definition/: the public API is
// definition_loader.h.
//
// Checks, each a located Russian error appended to `out`:
// - [schedule] is a table; keys months, open_day, deadline_day only;
// - months: required, a non-empty list of whole numbers 1..12 without repeats;
// - months fit the periodicity: a yearly method is collected in exactly one
//   month; a half-yearly one in at most two, reporting on different
//   half-years (model::collection_period); monthly: any months;
// - open_day, deadline_day: whole numbers 1..28 (a day every month has);
//   deadline_day after open_day when both are given.
#pragma once

#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "definition/toml_fields.h"
#include "model/diagnostic.h"
#include "model/schedule.h"

namespace definition {

// nullopt when the file has no [schedule] or it has errors (appended to `out`).
// `periodicity` is nullopt when the header's periodicity was invalid (the
// months-per-periodicity check is then skipped).
std::optional<model::Schedule> read_schedule(const toml::table& root, const std::string& file_name,
                                             SourceMap& lines,
                                             std::optional<model::Periodicity> periodicity,
                                             std::vector<model::Diagnostic>& out);

}  // namespace definition
