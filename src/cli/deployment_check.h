// `metodmon check -c CONFIG` without form files: is the deployment itself
// ready? For every monitoring of the configuration: the method loads, the
// registry loads and no longer holds init's example row, the inbox is there
// and readable, the output and state folders can be written (or made); the
// form password's variable is set; with [mail] / [collect] enabled: the
// password can be had and the server answers (SMTP: EHLO, STARTTLS, login,
// NOOP; IMAP: login and the folder), nothing sent, nothing changed.
// Prints one Russian line per thing to fix (what, and how), then a verdict.
// Exit 0 when nothing is to fix, 2 otherwise.
#pragma once

#include <string>
#include <vector>

#include "cli/config/config.h"

namespace cli {

// The things to fix, one line each, in the order they are checked.
std::vector<std::string> deployment_problems(const Config& config);

int check_deployment(const Config& config);

}  // namespace cli
