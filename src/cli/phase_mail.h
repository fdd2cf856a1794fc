// The mail phase: letters are written to the outbox and sent through the
// configured SMTP server (or only written, in a dry run). Every command that
// mails — run, send, and the calendar's commands — goes through here.
//
// Example:
//   const MailContext ctx{def, registry, results.summary, run, config.mail.from, config.mail.methodist};
//   const auto tally = mail_results(config, ctx, published);
//   if (tally.failed > 0) code = k_exit_mail_failed;
#pragma once

#include <expected>
#include <string_view>
#include <vector>

#include "cli/config.h"
#include "cli/mail_compose.h"
#include "cli/phase_publish.h"

namespace cli {

struct MailTally {
  int sent = 0, failed = 0, written = 0;
};

// Writes each letter to the outbox under `period` and sends it (only writes
// it in a dry run): what mail_results does, for any letters (the collect
// phase's answers). written - sent - failed letters were dry-run ones.
MailTally mail_letters(const Config& config, std::string_view period, std::vector<deliver::MailMessage> letters);

// Letters of a results run: each director's workbook, the methodist's full
// workbook and (optionally) each rejected school's errors.
MailTally mail_results(const Config& config, const MailContext& ctx, const Published& published);

// Sends what the outbox holds for `period` and did not deliver yet (and the
// dry-run letters when include_dry_run). When the mailer cannot start
// (exit 3) or the outbox cannot be read (exit 1), the problem is printed and
// the exit code returned as the error.
struct ResendTally {
  std::size_t entries = 0;
  int sent = 0, failed = 0;
};
std::expected<ResendTally, int> send_pending(const Config& config, std::string_view period, bool include_dry_run);

}  // namespace cli
