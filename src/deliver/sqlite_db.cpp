#include "deliver/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace deliver::sql {

void DbClose::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StmtFinalize::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

namespace {
std::string error_of(sqlite3* db, std::string_view doing) {
  return std::string(doing) + ": " + sqlite3_errmsg(db);
}
}  // namespace

Result<DbPtr> open_db(const std::filesystem::path& path, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DbPtr db(raw);  // sqlite3_open_v2 may allocate a handle even on failure
  if (rc != SQLITE_OK) {
    return std::unexpected(raw ? error_of(raw, "открытие") : std::string("открытие: нет памяти"));
  }
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  sqlite3_extended_result_codes(db.get(), 1);
  // The first real read: a file that is not a database fails here.
  if (auto r = exec(db.get(), "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"); !r) {
    return std::unexpected(r.error());
  }
  return db;
}

Result<void> exec(sqlite3* db, std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return std::unexpected(why);
  }
  return {};
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    return std::unexpected(error_of(db, "подготовка запроса"));
  }
  return Statement(db, raw);
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(m_stmt.get(), index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK && m_bind_error.empty()) {
    m_bind_error = error_of(m_db, "привязка значения");
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(m_stmt.get(), index, value) != SQLITE_OK && m_bind_error.empty()) {
    m_bind_error = error_of(m_db, "привязка значения");
  }
  return *this;
}

Statement& Statement::bind(int index, std::optional<double> value) {
  if (!value) return bind_null(index);
  if (sqlite3_bind_double(m_stmt.get(), index, *value) != SQLITE_OK && m_bind_error.empty()) {
    m_bind_error = error_of(m_db, "привязка значения");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(m_stmt.get(), index) != SQLITE_OK && m_bind_error.empty()) {
    m_bind_error = error_of(m_db, "привязка значения");
  }
  return *this;
}

Result<bool> Statement::step() {
  if (!m_bind_error.empty()) return std::unexpected(m_bind_error);
  const int rc = sqlite3_step(m_stmt.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(error_of(m_db, "выполнение запроса"));
}

Result<void> Statement::run() {
  Result<bool> r;
  do {
    r = step();
  } while (r && *r);
  reset();
  if (!r) return std::unexpected(r.error());
  return {};
}

void Statement::reset() {
  sqlite3_reset(m_stmt.get());
  sqlite3_clear_bindings(m_stmt.get());
  m_bind_error.clear();
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(m_stmt.get(), column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(m_stmt.get(), column)));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt.get(), column); }

std::optional<double> Statement::real(int column) const {
  if (is_null(column)) return std::nullopt;
  return sqlite3_column_double(m_stmt.get(), column);
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin(sqlite3* db) {
  if (auto r = exec(db, "BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction() {
  if (m_db) (void)exec(m_db, "ROLLBACK");
}

Result<void> Transaction::commit() {
  auto r = exec(m_db, "COMMIT");
  if (r) m_db = nullptr;  // on failure the destructor rolls back
  return r;
}

}  // namespace deliver::sql
