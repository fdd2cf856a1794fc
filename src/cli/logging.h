// spdlog set-up: console (stderr) and, when a state folder is known, a
// rotating file <state>/logs/metodmon.log (5 files x 5 MiB). The methodist
// or administrator reads the console (warnings; with -v also information),
// so log lines are written in Russian, one language a line, with the level
// in Russian before them on the console ("предупреждение: …").
#pragma once

#include <filesystem>

namespace cli {

// verbosity: 0 = warnings, 1 = info (default), 2 = debug.
void setup_logging(int verbosity);
// Adds the rotating file sink; returns false (and logs why) if it cannot.
bool add_file_log(const std::filesystem::path& state_dir);

}  // namespace cli
