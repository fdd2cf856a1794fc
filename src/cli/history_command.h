// `metodmon history`: the periods kept in the history store and the latest
// runs with their outcome, so an administrator sees what the scheduled runs did.
// `metodmon send`: sends the letters of a period that were not delivered.
#pragma once

#include <string>

#include "cli/config.h"

namespace cli {

int history_command(const Config& config, int limit);
// include_dry_run: also send letters a dry run only wrote to the outbox.
int send_command(const Config& config, bool include_dry_run);

}  // namespace cli
