// `metodmon daily -c CONFIG`: run every morning by the systemd timer
// (Persistent=true) or cron. Under one run lock it collects the answers from
// the mailbox ([collect], one mailbox for every monitoring: each form goes to
// its monitoring's inbox), then for each monitoring does what its calendar
// says is due today (calendar/agenda.h) and has not been done: forms out,
// reminders, the results run after the deadline, and corrected results when
// the inbox changed after results were mailed (letters only to those whose
// figures changed: the outbox's rule). Each step done is recorded in the
// history before the next begins, so a rerun the same day (or after a crash)
// does nothing twice; letters already handed to the server are not repeated
// (mail/outbox.h). On a day with nothing due it only compares the inbox
// listing with the one the results were computed over: cheap, no form read.
//
// The day is the machine's local date; tests (and an administrator catching
// up by hand) pass --today 2026-09-01, an option hidden from --help. The
// moment of a --today run is that day at 07:00 local time.
#pragma once

#include <string>

#include "cli/config/config.h"

namespace cli {

struct DailyOptions {
  std::string today;       // "2026-09-01"; empty: the clock
  std::string monitoring;  // only this one; empty: every monitoring
  bool quiet = false;
};

// Exit code: the worst of the day's steps (1 > 5 > 4 > 3 > 2 > 0, see
// exit_codes.h); 0 on a day with nothing due.
int daily_command(const Config& config, const DailyOptions& options);

}  // namespace cli
