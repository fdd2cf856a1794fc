// The outbox: every letter is first written to disk, then (when the courier
// may send) sent, and a per-period delivery journal says what became of it.
// Results are never lost because mail failed: the .eml files stay, and
// resend_pending() (`metodmon send`) sends what waits.
//
// Layout, per period:
//   <outbox>/<period>/<nn>_<recipient>.eml           the exact bytes sent (or to send)
//   <outbox>/<period>/<nn>_<recipient>.figures.tsv   the figures the letter states (letter.h)
//   <outbox>/<period>/journal.tsv                    the delivery journal
// nn is 01, 02, … in order of creation; <recipient> is the first envelope
// address with characters other than [A-Za-z0-9@._-] replaced by '_'.
// All are written atomically (temp file + rename), so a killed run leaves
// whole files only.
//
// journal.tsv: UTF-8, a header line, then one line per letter with the
// tab-separated columns
//   number recipients subject attachments eml_file key status attempts last_error updated kind topic figures
// (recipients comma-separated, attachments "; "-separated; tab, newline, CR
// and backslash escaped as \t \n \r \\; journals of earlier versions without
// the last three columns are read too).
//
// The contract, for every command that mails (run, send, and later the
// calendar's and the mailbox's commands):
//
// Identity. A letter is (period, recipients, kind, topic): kind says what
// sort of letter it is (letter_kind:: results-director, results-methodist,
// rejected-form, problem-notice, wrong-form, form-out, reminder, reply …),
// topic what it is about within the period (a school id; empty when the
// recipient says it all). Two letters of one identity are versions of the
// same letter.
//
// States (status column):
//   pending     written and waiting: not tried yet, or held (the mailer could
//               not start, the server stopped answering earlier letters, the
//               time budget ran out — last_error says which); `send` sends it
//   sent        the server accepted it
//   failed      tried and refused or not reached; last_error says why; `send` tries again
//   dry-run     written by a dry run; sent only by `send --include-dry-run`
//   superseded  replaced by a newer letter of the same identity before it
//               went out; never sent
//   invalid     an address fails model::is_valid_email; never sent, reported
//
// Rules of deliver():
//   1. Supersede: a new real letter replaces every waiting (pending, failed)
//      or dry-run older letter of its identity; a dry-run letter replaces
//      only older dry-run ones. A letter with a topic also replaces waiting
//      letters of the same kind and topic to another address (the school's
//      address changed). So `send` after reruns sends only the newest version,
//      never superseded figures after new ones.
//   2. Once is enough: a letter whose identity was already `sent` with the
//      same figures (figures_digest) is not written or sent again
//      (Delivery::unchanged); a letter without figures is compared by its
//      content key instead (SHA-256 of recipients, subject, body and
//      attachments, not of Date/Message-ID). A letter whose figures changed
//      goes out; revision() tells the caller what changed so it can say so in
//      the letter («Уточнённые итоги», see letters::mark_revised).
//   3. Addresses are checked when the letter is written and again when
//      `send` replays the journal: a bad one makes the letter `invalid`.
//
// At-least-once. The journal is saved after each letter's attempt. A run
// stopped (SIGTERM, SIGKILL, power) after the server accepted a letter but
// before the journal said `sent` leaves that one letter `pending`; the next
// run or `send` delivers it again. That one letter in flight is the only
// possible duplicate: every letter before it is `sent` (not repeated), every
// letter after it was never handed to the server.
//
// Exit code meaning for the CLI: if a letter of the round is left pending,
// failed or invalid, exit 3 ("report written, some mail not sent").
//
// Example:
//   mail::Outbox outbox(state_dir / "outbox");
//   mail::Courier courier(*mailer, limits);          // or Courier::hold(why), Courier::dry_run()
//   const auto revision = outbox.revision("2026-11", letter);
//   if (revision && !revision->changes.empty()) mark_revised(letter, *revision);
//   const auto d = outbox.deliver("2026-11", std::move(letter), courier);
//   if (!d) return fail(d.error());          // could not even write the outbox
//   // later, `metodmon send`:
//   for (const auto& period : outbox.periods()) outbox.resend_pending(period, courier);
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "mail/courier.h"
#include "mail/delivery_journal.h"
#include "mail/letter.h"
#include "mail/mail_message.h"
#include "model/diagnostic.h"

namespace mail {

struct Delivery {
  JournalEntry entry;      // the letter as it stands after this call
  bool unchanged = false;  // already sent with the same figures: nothing written or sent
  int superseded = 0;      // older letters of the identity this one replaced
};

// What a letter changes against the last one of its identity that was sent.
struct Revision {
  bool sent_before = false;
  std::string sent_on;                // the journal's time of that letter
  std::vector<FigureChange> changes;  // empty: the same figures (or none)
};

class Outbox {
 public:
  explicit Outbox(std::filesystem::path root);

  // Writes the letter and records it (rules above); sends it when the courier
  // may. A send failure is NOT an error (status failed); errors are only about
  // writing the outbox or reading its journal.
  model::Expected<Delivery> deliver(std::string_view period, Letter letter, Courier& courier);

  // The letter's figures against the last sent letter of its identity.
  model::Expected<Revision> revision(std::string_view period, const Letter& letter) const;

  // Sends every waiting (pending, failed) letter of the period, and dry-run
  // ones when include_dry_run, while the courier may; rechecks each address
  // first. Saves the journal after each; returns the entries it dealt with
  // (those the courier held stay pending and are not returned).
  model::Expected<std::vector<JournalEntry>> resend_pending(std::string_view period, Courier& courier,
                                                            bool include_dry_run = false);

  // The period's journal (empty when nothing was written yet).
  model::Expected<std::vector<JournalEntry>> journal(std::string_view period) const;

  // Periods that have a journal, in order ("2026-10" < "2026-11").
  std::vector<std::string> periods() const;

  std::filesystem::path period_dir(std::string_view period) const;

  // The moment letters and the journal are dated with from now on (seconds
  // since the epoch; 0, the default: the machine's clock). A run that stands
  // for a calendar day (`daily --today`) dates its letters with that day, so
  // «заменяет письмо от …» names the day the letter went out by the calendar.
  void set_clock(std::int64_t epoch) { m_clock = epoch; }

 private:
  model::Expected<void> save(std::string_view period, const std::vector<JournalEntry>& entries) const;
  void send_entry(std::string_view period, JournalEntry& entry, Courier& courier) const;

  std::filesystem::path m_root;
  std::int64_t m_clock = 0;
};

// The content key of a message (see rule 2).
std::string message_key(const MailMessage& m);

// "<nn>_<recipient>.figures.tsv" for "<nn>_<recipient>.eml".
std::string figures_file_name(const std::string& eml_file);

}  // namespace mail
