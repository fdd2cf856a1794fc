// The outbox: every message of a run is first written to disk, then (unless
// this is a dry run) sent, and a per-period delivery journal says what became
// of it. Results are never lost because mail failed: the .eml files stay,
// and resend_pending() (the future `metodmon send`) sends what is left.
//
// Layout, per period:
//   <outbox>/<period>/<nn>_<recipient>.eml   the exact bytes sent (or to send)
//   <outbox>/<period>/journal.tsv            the delivery journal
// nn is 01, 02, … in order of creation; <recipient> is the first envelope
// address with characters other than [A-Za-z0-9@._-] replaced by '_'.
// Both are written atomically (temp file + rename), so a killed run leaves
// whole files only.
//
// journal.tsv: UTF-8, a header line, then one line per message with the
// tab-separated columns
//   number recipients subject attachments eml_file key status attempts last_error updated
// (recipients comma-separated, attachments "; "-separated; tab, newline, CR
// and backslash escaped as \t \n \r \\). status is one of
//   pending  written, not yet tried (a run killed mid-send leaves this)
//   sent     the server accepted it
//   failed   all attempts failed; last_error says why
//   dry-run  written by a dry run; nothing was sent
// `key` is the SHA-256 of recipients, subject, body and attachments (not of
// Date/Message-ID), so a re-run of the same period does not send the same
// letter twice: a message whose key is already `sent` is not sent again
// (Delivery::repeated is set). Delivery is at-least-once: a run killed after
// the server accepted a message but before the journal said `sent` sends it
// again next time.
//
// Exit code meaning for the CLI: if any message of the run is `failed` (or
// still `pending`) at the end, exit 3 ("report written, some mail not sent").
//
// Example:
//   deliver::Outbox outbox(state_dir / "outbox");
//   const deliver::Mailer* mailer = dry_run ? nullptr : &*real_mailer;
//   for (auto& m : messages) {
//     const auto d = outbox.deliver("2026-11", m, mailer);
//     if (!d) return fail(d.error());          // could not even write the outbox
//     if (d->entry.status == deliver::DeliveryStatus::failed) ++mail_failed;
//   }
//   // later, `metodmon send --period 2026-11`:
//   const auto again = outbox.resend_pending("2026-11", *real_mailer);
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "deliver/delivery_journal.h"
#include "deliver/mail_message.h"
#include "deliver/mailer.h"
#include "model/diagnostic.h"

namespace deliver {

struct Delivery {
  JournalEntry entry;     // as it stands after this call
  bool repeated = false;  // the same letter was already in the journal; nothing new written
};

class Outbox {
 public:
  explicit Outbox(std::filesystem::path root);

  // Writes the message and records it; sends it when `mailer` is not null
  // (null = dry run). A send failure is NOT an error (status failed); errors
  // are only about writing the outbox or reading its journal.
  model::Expected<Delivery> deliver(std::string_view period, MailMessage message,
                                    const Mailer* mailer);

  // Sends every pending or failed message of the period (and dry-run ones
  // when include_dry_run), updating the journal after each; returns the
  // entries it tried, with their new status.
  model::Expected<std::vector<JournalEntry>> resend_pending(std::string_view period,
                                                            const Mailer& mailer,
                                                            bool include_dry_run = false);

  // The period's journal (empty when nothing was written yet).
  model::Expected<std::vector<JournalEntry>> journal(std::string_view period) const;

  std::filesystem::path period_dir(std::string_view period) const;

 private:
  model::Expected<void> save(std::string_view period, const std::vector<JournalEntry>& entries) const;
  void send_entry(std::string_view period, JournalEntry& entry, const Mailer& mailer) const;

  std::filesystem::path m_root;
};

// The content key of a message (see above).
std::string message_key(const MailMessage& m);

}  // namespace deliver
