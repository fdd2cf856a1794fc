// Exit codes a scheduler (systemd, cron) can act on. Documented in README.
#pragma once

namespace cli {

enum ExitCode : int {
  k_exit_ok = 0,              // report written, every form accepted, all mail sent
  k_exit_failure = 1,         // no report: bad configuration, definition, or a bug
  k_exit_forms_rejected = 2,  // report written, some forms rejected (see «Ошибки»)
  k_exit_mail_failed = 3,     // report written, some mail not sent (see `metodmon send`)
  k_exit_nothing_accepted = 4,  // no form accepted: nothing published, earlier results kept
  k_exit_not_saved = 5,       // report written, but some files it must keep were not saved: accepted
                              // forms' archive copies, letters for the outbox (disk full, rights)
  k_exit_usage = 64,          // wrong command-line arguments
  k_exit_locked = 75,         // another run holds the lock; try again later
};

}  // namespace cli
