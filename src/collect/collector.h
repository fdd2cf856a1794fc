// The collect phase: new letters in the mailbox -> forms in the inbox,
// answers for letters without a form, letters marked as processed.
//
// For each letter not yet processed (UID SEARCH UNDELETED UNKEYWORD
// $MetodmonProcessed in the configured folder), oldest first:
//   1. fetch it (\Seen left as it was) and parse it (mime_message.h);
//   2. save every workbook (.xlsx .xlsm .xls) and questionnaire export
//      (.csv) as "<date>_<sender>_<name>" (file_naming.h), never over
//      another file and never twice for one letter (attachment_store.h);
//      attachments inside forwarded letters count, at any depth
//      (mime_message.h). Where it goes is CollectOptions::place's answer:
//      the inbox when the letter's sender may speak for the school the form
//      names (sender_trust.h), else a folder apart where no run reads it
//      (MessageReport::held: listed for the methodist, `metodmon accept`
//      takes it in). A name the file system refuses however long or strange
//      it is gets a short one instead ("<date>_вложение-<hash>.xlsx"): no
//      name stops the collection of its letter or of any other;
//   3. no form in it: an answer saying what was expected (winmail.dat: how
//      to send a plain attachment; over the size limit: send the form
//      alone), at most once per Message-ID over all runs, never to an
//      automatic letter, and only to a sender the registry knows, at its
//      From address, never at a Reply-To (replies.h); the answers are
//      RETURNED, not sent: the caller puts them into the outbox. A stranger's
//      letter is not answered: MessageReport::stranger lists it for the
//      methodist;
//   4. only then mark it on the server: the keyword $MetodmonProcessed
//      (processed = flag) or a move to processed_folder (processed = move).
//      Nothing is ever deleted.
// A crash between 2 and 4 leaves the letter unmarked: the next run reads
// it again, finds its files by the journal or by their content and writes
// no second copy; its answer, recorded before the crash, is not repeated.
//
// Errors: when the mailbox cannot be reached or read (server down, bad
// password, untrusted certificate, missing folder), CollectResult::error
// says why in Russian and every letter not yet handled stays as it was on
// the server. A problem with one letter (cannot be saved, cannot be marked)
// is reported on that letter (MessageVerdict::failed or `note`) and the
// others go on.
//
// Example (cli/phases/phase_collect.cpp):
//   collect::CollectOptions options{.inbox = config.inbox,
//                                   .journal_file = config.state / "collect.sqlite",
//                                   .reply = {config.mail.from, config.mail.methodist}};
//   const auto result = collect::collect_mailbox(config.collect, options);
//   for (auto& reply : result.replies) round.post("collect", {mail::letter_kind::reply, reply.in_reply_to, reply, {}});
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/attachment_store.h"
#include "collect/imap_session.h"
#include "collect/mime_message.h"
#include "collect/replies.h"
#include "collect/sender_trust.h"
#include "mail/mail_message.h"
#include "model/diagnostic.h"

namespace collect {

inline constexpr const char* k_processed_keyword = "$MetodmonProcessed";

enum class ProcessedMark { flag, move };

struct CollectSettings {
  bool enabled = false;
  ImapConfig imap;
  ProcessedMark processed = ProcessedMark::flag;
  std::string processed_folder;  // for ProcessedMark::move (UTF-8; created when missing)
  // The methodist's other addresses (besides [mail] methodist and from): a
  // form of any school from them counts (sender_trust.h).
  std::vector<std::string> methodist_addresses;
};

// Where one attachment goes, and whether it counts.
struct Placement {
  std::filesystem::path folder;  // where it is written: its inbox, or the folder of held files
  std::filesystem::path inbox;   // the inbox it belongs to (for a held one: once accepted)
  std::string school;            // the school the form names; "" when none or not a form
  std::string held;              // Russian: why it does not count; empty: it goes into the inbox
};

struct CollectOptions {
  std::filesystem::path inbox;         // where attachments go when `place` is null
  std::filesystem::path journal_file;  // <state>/collect.sqlite
  ReplyContext reply;                  // our address for answers, who may be answered
  ReplyComposer compose;               // writes an answer; null: answer nobody
  bool replies = true;                 // false: answer nobody (mail is off)
  // Who the sender is in file names ("sch03 МБОУ СОШ № 3"); null or an empty
  // answer: the address itself.
  std::function<std::string(const mail::MailAddress&)> sender_label;
  // Where an attachment goes, given the letter's From (which monitoring's
  // inbox; held apart when the sender may not speak for the school the form
  // names). cli::collect_placement is the one; null: `inbox`, counted
  // (tests of the mailbox alone).
  std::function<Placement(const MailPart&, const mail::MailAddress& from)> place;
  std::int64_t now = 0;  // seconds since the epoch; 0: the clock
};

enum class MessageVerdict {
  saved,        // one or more forms are in the inbox (now or by an earlier run)
  held,         // its forms are held apart: the sender may not speak for their school
  no_workbook,  // no form in it
  tnef,         // the form is inside winmail.dat
  too_large,    // over max_message_bytes; not read
  vanished,     // gone from the server between the search and the fetch
  failed,       // could not be read or saved; left unmarked for the next run
};

// A form held apart: not in any inbox, not in any run.
struct HeldFile {
  StoredFile stored;       // in the folder of held files
  std::string school;      // the school the form names ("" none)
  std::string reason;      // Russian: why it does not count
  std::filesystem::path inbox;  // where `metodmon accept` puts it
};

struct MessageReport {
  std::uint32_t uid = 0;
  std::string message_id;
  mail::MailAddress from;
  std::string subject;
  std::int64_t date = 0;
  MessageVerdict verdict = MessageVerdict::failed;
  std::vector<StoredFile> files;          // forms saved into an inbox, or found saved before
  std::vector<HeldFile> held;             // forms held apart (also with verdict saved)
  bool stranger = false;                  // the sender is in no registry: never answered, listed for the methodist
  std::vector<std::string> other_files;   // attachments that are not forms
  bool replied = false;        // its answer is in CollectResult::replies
  bool replied_before = false; // answered by an earlier run; not again
  bool marked = false;         // flagged or moved on the server
  std::string note;            // Russian: why no answer, or what went wrong
};

struct CollectResult {
  std::size_t found = 0;  // letters the search returned
  std::vector<MessageReport> messages;
  std::vector<mail::MailMessage> replies;
  std::optional<model::Diagnostic> error;  // the mailbox could not be used (fully)
};

CollectResult collect_mailbox(const CollectSettings& settings, const CollectOptions& options);

// Russian name of a verdict for reports: "сохранено", "нет формы", …
std::string verdict_text(MessageVerdict verdict);

}  // namespace collect
