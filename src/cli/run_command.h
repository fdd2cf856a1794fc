// `metodmon run`: the monthly job, composed of the phases — read the inbox
// (phase_read), compute the results (phase_compute), publish the workbooks and
// the history (phase_publish), mail the letters (phase_mail) — inside one run
// session (run_session: lock, history record). Inputs are only read. Returns
// an exit code (exit_codes.h).
#pragma once

#include "cli/config.h"

namespace cli {

struct RunOptions {
  bool quiet = false;  // no Russian summary on stdout
};

int run_command(const Config& config, const RunOptions& options);

}  // namespace cli
