// `metodmon open -c CONFIG --monitoring ID [--period P]`: the forms-out step
// of the calendar done by hand (the day was missed, or the methodist opens a
// cycle early): every school's director with an e-mail gets the school's own
// blank protected form, the deadline and how to send it back; the schools
// without an e-mail are listed on the console and in a letter to the
// methodist with their forms. Recorded in the history as the cycle's opening,
// so `daily` sends the reminders after it and does not open the cycle again.
// Letters already sent are not sent twice (the outbox's rule).
//
// The cycle: the one reporting on --period, else the one whose window holds
// today (calendar::cycle_at).
#pragma once

#include <string>

#include "cli/config/config.h"

namespace cli {

struct OpenOptions {
  std::string period;  // --period as given; empty: the cycle of today
  std::string today;   // the hidden --today (tests)
  bool quiet = false;
};

// `config`: the one monitoring (select_monitoring). 0, 1 (bad definition,
// registry, timetable, mail off, forms not made), 3 (letters wait), 64, 75.
int open_command(const Config& config, const OpenOptions& options);

}  // namespace cli
