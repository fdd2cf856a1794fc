// `metodmon send`: sends the letters that were not delivered (mail phase).
#pragma once

#include "cli/config.h"

namespace cli {

// include_dry_run: also send letters a dry run only wrote to the outbox.
int send_command(const Config& config, bool include_dry_run);

}  // namespace cli
