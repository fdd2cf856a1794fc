// The collect phase: new letters in the mailbox -> forms in the inbox,
// answers for letters without a form, letters marked as processed.
//
// For each letter not yet processed (UID SEARCH UNDELETED UNKEYWORD
// $MetodmonProcessed in the configured folder), oldest first:
//   1. fetch it (\Seen left as it was) and parse it (mime_message.h);
//   2. save every workbook (.xlsx .xlsm .xls) and questionnaire export
//      (.csv) into the inbox as "<date>_<sender>_<name>" (file_naming.h),
//      never over another file and never twice for one letter
//      (attachment_store.h); attachments inside forwarded letters count;
//   3. no form in it: an answer saying what was expected (winmail.dat: how
//      to send a plain attachment; over the size limit: send the form
//      alone), at most once per Message-ID over all runs, and never to an
//      automatic letter (replies.h); the answers are RETURNED, not sent:
//      the caller puts them into the outbox;
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
};

struct CollectOptions {
  std::filesystem::path inbox;         // where attachments go
  std::filesystem::path journal_file;  // <state>/collect.sqlite
  ReplyContext reply;                  // our address for answers
  ReplyComposer compose;               // writes an answer; null: answer nobody
  bool replies = true;                 // false: answer nobody (mail is off)
  // Who the sender is in file names ("sch03 МБОУ СОШ № 3"); null or an empty
  // answer: the address itself.
  std::function<std::string(const mail::MailAddress&)> sender_label;
  // Which folder an attachment goes to (one mailbox serving several
  // monitorings); null: `inbox`.
  std::function<std::filesystem::path(const MailPart&)> inbox_for;
  std::int64_t now = 0;  // seconds since the epoch; 0: the clock
};

enum class MessageVerdict {
  saved,        // one or more forms are in the inbox (now or by an earlier run)
  no_workbook,  // no form in it
  tnef,         // the form is inside winmail.dat
  too_large,    // over max_message_bytes; not read
  vanished,     // gone from the server between the search and the fetch
  failed,       // could not be read or saved; left unmarked for the next run
};

struct MessageReport {
  std::uint32_t uid = 0;
  std::string message_id;
  mail::MailAddress from;
  std::string subject;
  std::int64_t date = 0;
  MessageVerdict verdict = MessageVerdict::failed;
  std::vector<StoredFile> files;          // forms saved, or found saved before
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
