// The run configuration (metodmon.toml): where the definition, registry,
// inbox and outputs are, the form password, reader limits and mail settings.
// Relative paths are resolved against the configuration file's folder.
//
//   [monitoring]  definition = "../templates/demo.toml"  schools = "schools.csv"  period = "2026-11"
//   [paths]       inbox = "."  output = "../out"  state = "../state"
//   [forms]       password = "..."   (or password_env = "METODMON_FORM_PASSWORD")
//   [inbox]       settle_seconds = 60
//   [limits]      max_file_mb = 50 ...
//   [report]      max_school_sheets = 300
#pragma once

#include <filesystem>
#include <string>

#include "ingest/workbook_model.h"
#include "model/diagnostic.h"

namespace cli {

struct Config {
  std::filesystem::path file;        // the configuration file itself (may be empty)
  std::filesystem::path definition;  // monitoring definition (TOML)
  std::filesystem::path schools;     // registry CSV
  std::filesystem::path inbox;       // returned forms
  std::filesystem::path output;      // <output>/<period>/...
  std::filesystem::path state;       // lock, history, logs
  std::string period;                // "2026-11"; empty: the previous period by the calendar
  std::string form_password;         // protection password of generated forms
  int settle_seconds = 60;           // a file younger than this is left for the next run
  ingest::ReadLimits limits;
  std::size_t max_school_sheets = 300;
};

// Loads and resolves a configuration file. Errors are located (file, line, key).
model::ExpectedAll<Config> load_config(const std::filesystem::path& file);

// The period a run covers when none is configured: the previous month (or
// half-year, or year) before `today` ("2026-11-23" -> "2026-10").
std::string default_period(const std::string& periodicity, int year, int month);

}  // namespace cli
