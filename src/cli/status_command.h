// `metodmon status -c CONFIG [--monitoring ID] [--period P]`: how the schools
// return their forms in the current cycle of each monitoring (or of the one
// named): for each school when its form went out, every file received with
// its date and verdict, the reminders sent, and its state (принята /
// отклонена / не прислана / прислана после срока) — the sheet «Сдача форм»
// on the console. The monitoring's inbox is read first (nothing in it is
// changed; what was read is recorded in the history, as `daily` does), so a
// form dropped in a minute ago is counted.
//
// The cycle: the one reporting on --period, else the one whose window holds
// today (calendar::cycle_at).
#pragma once

#include <string>

#include "cli/config/config.h"

namespace cli {

struct StatusOptions {
  std::string monitoring;  // empty: every monitoring
  std::string period;      // --period as given; empty: today's cycle
  std::string today;       // the hidden --today (tests)
};

// 0; 1 (a monitoring could not be loaded or read); 64 (bad date); 75 (locked).
int status_command(const Config& config, const StatusOptions& options);

}  // namespace cli
