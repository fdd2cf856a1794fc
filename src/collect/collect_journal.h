// What the collect phase remembers between runs: <state>/collect.sqlite.
//
//   saved_file(message_key, sha256, file, saved_at, sender, subject, sent_at,
//              school, held, inbox, accepted_at)  one row per attachment
//       written (or found already written) for a message: into an inbox, or
//       held apart (`held` says why) until the methodist accepts it
//       (`accepted_at`, `file` then the inbox copy). Who sent it (the
//       letter's From) stays with it, so a run can say where each form of
//       its inbox came from (sender_of());
//   reply(message_key, kind, recipient, sent_at)     one row per message
//       that was answered (no workbook, winmail.dat, too large).
// message_key is the Message-ID, or "sha256:<hash of the raw message>" for
// a message without one. Each record is one SQLite transaction
// (synchronous=FULL), written right after the file it describes is on disk,
// so a crash leaves at most one file without its row; the attachment store
// finds such a file again by its content (attachment_store.h).
//
// A journal written before the columns after saved_at existed gets them
// (empty) when opened.
//
// Example:
//   auto journal = collect::CollectJournal::open(state / "collect.sqlite");
//   if (!(*journal).replied(key).value_or(true)) { ...; journal->record_reply(key, "no_workbook", to, now); }
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "store/sqlite_db.h"

namespace collect {

// Where an attachment came from and where it stands.
struct Provenance {
  std::string sender;             // the letter's From address (who vouches for it)
  std::string subject;            // the letter's subject
  std::int64_t sent_at = 0;       // when it was sent, seconds since the epoch
  std::string school;             // the school the form names ("" none or unknown)
  std::string held;               // Russian: why it does not count; empty: it went into an inbox
  std::filesystem::path inbox;    // the inbox it belongs to (a held one: once accepted)
};

struct SavedRecord {
  std::string message_key;
  std::string sha256;
  std::filesystem::path file;  // where it is now (a held file: in the held folder)
  Provenance origin;
  std::int64_t accepted_at = 0;  // the methodist took a held file in (metodmon accept)
};

class CollectJournal {
 public:
  // Opens or creates the file (and its folder). Errors name the file.
  static model::Expected<CollectJournal> open(const std::filesystem::path& file);

  // The file saved earlier for this content of this message, if any.
  model::Expected<std::optional<std::filesystem::path>> saved_file(std::string_view message_key,
                                                                   std::string_view sha256) const;
  model::Expected<void> record_saved(std::string_view message_key, std::string_view sha256,
                                     const std::filesystem::path& file, std::int64_t at,
                                     const Provenance& origin = {});

  // The collected file with these bytes, if the collection saved one: a file
  // that went into an inbox first, else a held one (latest first). nullopt
  // for a file the collection never saw (put into the inbox by hand).
  model::Expected<std::optional<SavedRecord>> by_content(std::string_view sha256) const;
  // Files held apart and not accepted yet, oldest letter first.
  model::Expected<std::vector<SavedRecord>> held_files() const;
  // A held file taken into its inbox by the methodist, now at `file`.
  model::Expected<void> record_accepted(std::string_view message_key, std::string_view sha256,
                                        const std::filesystem::path& file, std::int64_t at);

  // Whether this message was answered already (by any earlier run).
  model::Expected<bool> replied(std::string_view message_key) const;
  model::Expected<void> record_reply(std::string_view message_key, std::string_view kind,
                                     std::string_view recipient, std::int64_t at);

  const std::filesystem::path& file() const { return m_file; }

 private:
  CollectJournal(std::filesystem::path file, store::sql::DbPtr db);
  model::Diagnostic failure(const std::string& why) const;

  std::filesystem::path m_file;
  store::sql::DbPtr m_db;
};

}  // namespace collect
