// What the collect phase remembers between runs: <state>/collect.sqlite.
//
//   saved_file(message_key, sha256, file, saved_at)  one row per attachment
//       written (or found already written) into the inbox for a message;
//   reply(message_key, kind, recipient, sent_at)     one row per message
//       that was answered (no workbook, winmail.dat, too large).
// message_key is the Message-ID, or "sha256:<hash of the raw message>" for
// a message without one. Each record is one SQLite transaction
// (synchronous=FULL), written right after the file it describes is on disk,
// so a crash leaves at most one file without its row; the attachment store
// finds such a file again by its content (attachment_store.h).
//
// Example:
//   auto journal = collect::CollectJournal::open(state / "collect.sqlite");
//   if (!(*journal).replied(key).value_or(true)) { ...; journal->record_reply(key, "no_workbook", to, now); }
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "model/diagnostic.h"
#include "store/sqlite_db.h"

namespace collect {

class CollectJournal {
 public:
  // Opens or creates the file (and its folder). Errors name the file.
  static model::Expected<CollectJournal> open(const std::filesystem::path& file);

  // The file saved earlier for this content of this message, if any.
  model::Expected<std::optional<std::filesystem::path>> saved_file(std::string_view message_key,
                                                                   std::string_view sha256) const;
  model::Expected<void> record_saved(std::string_view message_key, std::string_view sha256,
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
