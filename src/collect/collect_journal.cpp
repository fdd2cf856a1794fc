#include "collect/collect_journal.h"

#include <algorithm>
#include <string>
#include <utility>

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
CREATE INDEX IF NOT EXISTS saved_file_sha256 ON saved_file(sha256);
CREATE TABLE IF NOT EXISTS reply (
  message_key TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  sent_at     INTEGER NOT NULL
);
)";

// Columns added after the first journals were written: (name, declaration).
constexpr std::pair<std::string_view, std::string_view> k_added_columns[] = {
    {"sender", "TEXT NOT NULL DEFAULT ''"},      {"subject", "TEXT NOT NULL DEFAULT ''"},
    {"sent_at", "INTEGER NOT NULL DEFAULT 0"},   {"school", "TEXT NOT NULL DEFAULT ''"},
    {"held", "TEXT NOT NULL DEFAULT ''"},        {"inbox", "TEXT NOT NULL DEFAULT ''"},
    {"accepted_at", "INTEGER NOT NULL DEFAULT 0"},
};

constexpr std::string_view k_record_columns =
    "message_key, sha256, file, sender, subject, sent_at, school, held, inbox, accepted_at";

SavedRecord record_of(const sql::Statement& q) {
  SavedRecord r;
  r.message_key = q.text(0);
  r.sha256 = q.text(1);
  r.file = q.text(2);
  r.origin = {q.text(3), q.text(4), q.integer(5), q.text(6), q.text(7), fs::path(q.text(8))};
  r.accepted_at = q.integer(9);
  return r;
}

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
  auto columns = sql::Statement::prepare(journal.m_db.get(), "SELECT name FROM pragma_table_info('saved_file')");
  if (!columns) return std::unexpected(journal.failure(columns.error()));
  std::vector<std::string> have;
  for (auto row = columns->step(); row && *row; row = columns->step()) have.push_back(columns->text(0));
  for (const auto& [name, declaration] : k_added_columns) {
    if (std::find(have.begin(), have.end(), name) != have.end()) continue;
    const auto alter = "ALTER TABLE saved_file ADD COLUMN " + std::string(name) + " " + std::string(declaration);
    if (auto added = sql::exec(journal.m_db.get(), alter); !added) return std::unexpected(journal.failure(added.error()));
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
                                                   const fs::path& file, std::int64_t at, const Provenance& origin) {
  auto q = sql::Statement::prepare(
      m_db.get(),
      "INSERT OR REPLACE INTO saved_file (message_key, sha256, file, saved_at, sender, subject, sent_at, school, "
      "held, inbox) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!q) return std::unexpected(failure(q.error()));
  const auto path = file.string();
  const auto inbox = origin.inbox.string();
  q->bind(1, message_key).bind(2, sha256).bind(3, path).bind(4, at).bind(5, origin.sender).bind(6, origin.subject);
  q->bind(7, origin.sent_at).bind(8, origin.school).bind(9, origin.held).bind(10, inbox);
  if (auto r = q->run(); !r) return std::unexpected(failure(r.error()));
  return {};
}

model::Expected<std::optional<SavedRecord>> CollectJournal::by_content(std::string_view sha256) const {
  auto q = sql::Statement::prepare(m_db.get(), "SELECT " + std::string(k_record_columns) +
                                                   " FROM saved_file WHERE sha256 = ? "
                                                   "ORDER BY held <> '', saved_at DESC LIMIT 1");
  if (!q) return std::unexpected(failure(q.error()));
  q->bind(1, sha256);
  const auto row = q->step();
  if (!row) return std::unexpected(failure(row.error()));
  if (!*row) return std::optional<SavedRecord>{};
  return std::optional<SavedRecord>{record_of(*q)};
}

model::Expected<std::vector<SavedRecord>> CollectJournal::held_files() const {
  auto q = sql::Statement::prepare(m_db.get(), "SELECT " + std::string(k_record_columns) +
                                                   " FROM saved_file WHERE held <> '' AND accepted_at = 0 "
                                                   "ORDER BY sent_at, saved_at, file");
  if (!q) return std::unexpected(failure(q.error()));
  std::vector<SavedRecord> out;
  for (;;) {
    const auto row = q->step();
    if (!row) return std::unexpected(failure(row.error()));
    if (!*row) break;
    out.push_back(record_of(*q));
  }
  return out;
}

model::Expected<void> CollectJournal::record_accepted(std::string_view message_key, std::string_view sha256,
                                                      const fs::path& file, std::int64_t at) {
  auto q = sql::Statement::prepare(
      m_db.get(), "UPDATE saved_file SET file = ?, accepted_at = ? WHERE message_key = ? AND sha256 = ?");
  if (!q) return std::unexpected(failure(q.error()));
  const auto path = file.string();
  q->bind(1, path).bind(2, at).bind(3, message_key).bind(4, sha256);
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
