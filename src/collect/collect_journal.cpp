#include "collect/collect_journal.h"

namespace collect {

namespace fs = std::filesystem;
namespace sql = store::sql;

namespace {

constexpr int k_busy_timeout_ms = 5000;

constexpr std::string_view k_schema = R"(
CREATE TABLE IF NOT EXISTS saved_file (
  message_key TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  file        TEXT NOT NULL,
  saved_at    INTEGER NOT NULL,
  PRIMARY KEY (message_key, sha256)
);
CREATE TABLE IF NOT EXISTS reply (
  message_key TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  sent_at     INTEGER NOT NULL
);
)";

}  // namespace

CollectJournal::CollectJournal(fs::path file, sql::DbPtr db) : m_file(std::move(file)), m_db(std::move(db)) {}

model::Diagnostic CollectJournal::failure(const std::string& why) const {
  return model::Diagnostic::error({m_file.filename().string(), {}, {}, {}, {}},
                                  "журнал сбора почты " + m_file.string() + ": " + why,
                                  "проверьте права на папку состояния (state) и место на диске");
}

model::Expected<CollectJournal> CollectJournal::open(const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  auto db = sql::open_db(file, k_busy_timeout_ms);
  CollectJournal journal(file, db ? std::move(*db) : sql::DbPtr{});
  if (!db) return std::unexpected(journal.failure(db.error()));
  if (auto made = sql::exec(journal.m_db.get(), k_schema); !made) {
    return std::unexpected(journal.failure(made.error()));
  }
  return journal;
}

model::Expected<std::optional<fs::path>> CollectJournal::saved_file(std::string_view message_key,
                                                                    std::string_view sha256) const {
  auto q = sql::Statement::prepare(m_db.get(), "SELECT file FROM saved_file WHERE message_key = ? AND sha256 = ?");
  if (!q) return std::unexpected(failure(q.error()));
  q->bind(1, message_key).bind(2, sha256);
  const auto row = q->step();
  if (!row) return std::unexpected(failure(row.error()));
  if (!*row) return std::optional<fs::path>{};
  return std::optional<fs::path>{fs::path(q->text(0))};
}

model::Expected<void> CollectJournal::record_saved(std::string_view message_key, std::string_view sha256,
                                                   const fs::path& file, std::int64_t at) {
  auto q = sql::Statement::prepare(
      m_db.get(), "INSERT OR REPLACE INTO saved_file (message_key, sha256, file, saved_at) VALUES (?, ?, ?, ?)");
  if (!q) return std::unexpected(failure(q.error()));
  const auto path = file.string();
  q->bind(1, message_key).bind(2, sha256).bind(3, path).bind(4, at);
  if (auto r = q->run(); !r) return std::unexpected(failure(r.error()));
  return {};
}

model::Expected<bool> CollectJournal::replied(std::string_view message_key) const {
  auto q = sql::Statement::prepare(m_db.get(), "SELECT 1 FROM reply WHERE message_key = ?");
  if (!q) return std::unexpected(failure(q.error()));
  q->bind(1, message_key);
  const auto row = q->step();
  if (!row) return std::unexpected(failure(row.error()));
  return *row;
}

model::Expected<void> CollectJournal::record_reply(std::string_view message_key, std::string_view kind,
                                                   std::string_view recipient, std::int64_t at) {
  auto q = sql::Statement::prepare(
      m_db.get(), "INSERT OR IGNORE INTO reply (message_key, kind, recipient, sent_at) VALUES (?, ?, ?, ?)");
  if (!q) return std::unexpected(failure(q.error()));
  q->bind(1, message_key).bind(2, kind).bind(3, recipient).bind(4, at);
  if (auto r = q->run(); !r) return std::unexpected(failure(r.error()));
  return {};
}

}  // namespace collect
