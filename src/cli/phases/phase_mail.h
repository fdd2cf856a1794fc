// The mail phase: letters are written to the outbox and sent through the
// configured SMTP server, held in the outbox when the mailer cannot start
// (no password, a password file others can read), or only written in a dry
// run. Every command that mails — run, send, and the calendar's and the
// mailbox's commands — goes through a MailRound; the outbox contract (letter
// identity, states, at-least-once) is in mail/outbox.h.
//
// Example:
//   MailRound round(config);
//   const auto ctx = mail_context(config, def, registry, results.summary, run);
//   mail_results(round, ctx, published);
//   round.post(period, problem_letter(...));   // any other letter of the run
//   round.report(config.outbox / period);      // says on the console and in the log what did not go
//   if (round.tally().not_delivered() > 0) code = k_exit_mail_failed;
#pragma once

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config/config.h"
#include "cli/phases/phase_publish.h"
#include "letters/mail_compose.h"
#include "mail/courier.h"
#include "mail/mailer.h"
#include "mail/outbox.h"

namespace cli {

struct MailTally {
  int written = 0;    // new letters filed in the outbox
  int sent = 0;       // accepted by the server
  int unchanged = 0;  // already delivered with the same figures: not sent again
  int waiting = 0;    // pending: held, or not tried (server stopped answering, budget spent)
  int failed = 0;     // tried and not delivered (in the outbox: `send` tries again)
  int invalid = 0;    // bad address: never sent
  int unwritten = 0;  // could not be composed or filed in the outbox: `send` has nothing to
                      // retry; the next run composes it again (its identity was never sent)

  int not_delivered() const { return waiting + failed + invalid + unwritten; }
};

// The limits of a round from the configuration ([mail] stop_after_failed_letters, budget_seconds).
mail::CourierLimits courier_limits(const Config& config);

class MailRound {
 public:
  // Starts the mailer unless this is a dry run; when it cannot start, the
  // round holds its letters (they wait in the outbox) and says why.
  explicit MailRound(const Config& config, bool dry_run);
  MailRound(const MailRound&) = delete;
  MailRound& operator=(const MailRound&) = delete;

  // Files the letter of `period` and sends it when the courier may. A letter
  // that replaces one already delivered is marked first (letters::mark_revised).
  void post(std::string_view period, mail::Letter letter);

  // A letter that could not even be composed (its attachment unreadable): printed, counted as unwritten.
  void not_composed(const model::Diagnostic& why);

  // Sends what waits in the outbox for `period`; tallies what it dealt with.
  // Errors reading the outbox are printed and returned as false.
  bool resend(std::string_view period, bool include_dry_run);

  const MailTally& tally() const { return m_tally; }
  mail::Outbox& outbox() { return m_outbox; }
  // Why letters wait instead of going out (Russian), if they do.
  std::optional<std::string> held_reason() const;

  // When letters were not delivered: an error on the console (Russian) and in
  // the log, with the reason and what to do; `where` is the outbox folder.
  void report(const std::filesystem::path& where) const;

 private:
  void count(const mail::JournalEntry& e);

  std::optional<mail::Mailer> m_mailer;
  std::optional<mail::Courier> m_courier;
  mail::Outbox m_outbox;
  MailTally m_tally;
};

// Whether letters of `period` wait in the outbox (pending, failed; with
// `include_dry_run` also dry-run ones); true when the journal cannot be read
// (resend() then reports it).
bool has_waiting_letters(mail::Outbox& outbox, const std::string& period, bool include_dry_run);

// Writes each letter to the outbox under `period` and sends it (only writes
// it in a dry run): what mail_results does, for any letters (the collect
// phase's answers). written - sent - failed letters were dry-run ones.
MailTally mail_letters(const Config& config, std::string_view period, std::vector<mail::MailMessage> letters);

// One round for a few letters of `period` (the collect phase's answers, the
// problem notice of a run that published nothing): posted, reported, tallied.
MailTally mail_letters(const Config& config, std::string_view period, std::vector<mail::Letter> letters);

// The letters' context of a run of `config`'s monitoring: its short name,
// who writes, the methodist (letters::MailContext); `summary`, `run` and
// `definition` must outlive it.
letters::MailContext mail_context(const Config& config, const model::Definition& definition,
                                  const model::Registry& registry, const aggregate::Summary& summary,
                                  const model::RunInfo& run);

// The rejected forms a school is told about: per school, its newest rejected
// form, unless a form of the school accepted in the same read is newer (the
// school corrected it: the superseded file is not mentioned again). Schools
// not in the registry are left out.
std::vector<const model::FileOutcome*> rejected_to_tell(const std::vector<model::FileOutcome>& files,
                                                        const model::Registry& registry);

// Which of those a run tells (a calendar deployment tells each file once: the
// history remembers, cli/phases/phase_calendar.h); null members: every one.
struct RejectedAnswers {
  std::function<bool(const model::FileOutcome&)> untold;  // not told yet
  std::function<void(const model::FileOutcome&)> told;    // its letter was filed
};

// Letters of a results run: each director's workbook, the methodist's full
// workbook and (with send_errors_to_schools) each rejected form's errors
// (rejected_to_tell, `answers`). True when the methodist's letter was filed
// anew (not one already sent with the same figures).
bool mail_results(MailRound& round, const Config& config, const letters::MailContext& ctx, const Published& published,
                  const RejectedAnswers& answers = {});

}  // namespace cli
