// `metodmon send`: sends the letters that wait in the outbox (mail phase).
// Without --period it goes through every period that has letters waiting,
// oldest first, and says per period what it did; with --period, only that one.
// Exit 0 when nothing is left undelivered, 3 otherwise, 1 when the outbox
// cannot be read, 75 when a run holds the lock.
#pragma once

#include "cli/config/config.h"

namespace cli {

struct SendOptions {
  bool include_dry_run = false;  // also letters a dry run only wrote
  bool only_config_period = false;  // --period given: config.period only
};

int send_command(const Config& config, const SendOptions& options);

}  // namespace cli
