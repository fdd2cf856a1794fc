// Command-line entry: parses arguments, sets up logging, runs a command and
// maps its outcome to an exit code (see exit_codes.h).
#pragma once

namespace cli {

int run_app(int argc, char** argv);

}  // namespace cli
