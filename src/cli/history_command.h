// `metodmon history`: the periods kept in the history store and the latest
// runs with their outcome, so an administrator sees what the scheduled runs did.
#pragma once

#include <string>

#include "cli/config/config.h"

namespace cli {

int history_command(const Config& config, int limit);

}  // namespace cli
