#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <cerrno>
#include <utility>

#include "util/os_error.h"

namespace store::sql {

void DbClose::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StmtFinalize::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

namespace {

// SQLite's message with, first, what it means in Russian for the failures a
// run meets in practice: «disk I/O error» alone tells a methodist nothing,
// «ошибка записи или чтения на диске (файл слишком большой)» does. The
// system's reason (ENOSPC, EFBIG, EACCES…): sqlite3_system_errno, which a
// failed write followed by SQLite's own rollback leaves at 0, else `os_err`,
// errno as the failed call left it (the caller zeroes errno before the call).
std::string reason_of(sqlite3* db, std::string_view message, int os_err = 0) {
  const char* meaning = nullptr;
  bool system_call = true;  // a failed system call has a reason of its own; a locked or damaged database has none
  switch (sqlite3_errcode(db) & 0xff) {  // the primary result code
    case SQLITE_FULL: meaning = "диск заполнен"; break;
    case SQLITE_IOERR: meaning = "ошибка записи или чтения на диске"; break;
    case SQLITE_READONLY: meaning = "файл или диск доступен только для чтения"; break;
    case SQLITE_CANTOPEN: meaning = "файл не удаётся открыть или создать"; break;
    case SQLITE_PERM: meaning = "нет прав на файл"; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: meaning = "база занята другим процессом"; system_call = false; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: meaning = "файл повреждён или не является базой SQLite"; system_call = false; break;
    default: return std::string(message);
  }
  std::string text = meaning;
  const int sqlite_os = sqlite3_system_errno(db);
  const int os = sqlite_os != 0 ? sqlite_os : os_err;
  if (system_call && os != 0) text += " (" + util::os_error_text(os) + ")";
  return text + " [SQLite: " + std::string(message) + "]";
}

std::string error_of(sqlite3* db, std::string_view doing, int os_err = 0) {
  return std::string(doing) + ": " + reason_of(db, sqlite3_errmsg(db), os_err);
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
  errno = 0;
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const int os_err = errno;
    std::string why = reason_of(db, message ? message : sqlite3_errmsg(db), os_err);
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
  errno = 0;
  const int rc = sqlite3_step(m_stmt.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(error_of(m_db, "выполнение запроса", errno));
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

}  // namespace store::sql
