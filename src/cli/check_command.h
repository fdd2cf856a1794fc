// `metodmon check FILE...`: reads and validates single forms against the
// configured definition, without a run: no outputs, no history, no mail.
// Prints every problem in Russian; exit 0 when every file is a valid form,
// 2 when some are not.
#pragma once

#include <string>
#include <vector>

#include "cli/config/config.h"

namespace cli {

int check_command(const Config& config, const std::vector<std::string>& files);

}  // namespace cli
