// A thin RAII layer over the SQLite C API, for the history store
// (history_store.cpp) and the collect journal (collect/collect_journal.cpp):
// raw handles never appear in their public headers.
//
// Errors are returned as text (what was being done, what the failure means in
// Russian where it is a common one, then sqlite3_errmsg in brackets); the
// callers turn them into Russian Diagnostics that name the file.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace store::sql {

struct DbClose {
  void operator()(sqlite3* db) const;
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const;
};
using DbPtr = std::unique_ptr<sqlite3, DbClose>;

template <class T>
using Result = std::expected<T, std::string>;

// Opens (creating if missing) a database file, with foreign keys on, the
// given busy timeout, and the default rollback journal with synchronous=FULL
// (one self-contained file: easy to back up by copying when no run is active).
Result<DbPtr> open_db(const std::filesystem::path& path, int busy_timeout_ms);

// Runs one or more statements without results.
Result<void> exec(sqlite3* db, std::string_view sql);

// A prepared statement; bind_* take 1-based indexes. Reusable after reset().
class Statement {
 public:
  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::optional<double> value);  // nullopt -> NULL
  Statement& bind_null(int index);

  // One step: true when a row is available, false when done.
  Result<bool> step();
  // Steps to the end (for INSERT/UPDATE/DELETE), then resets for reuse.
  Result<void> run();
  void reset();

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  std::optional<double> real(int column) const;  // NULL -> nullopt
  std::optional<std::int64_t> optional_integer(int column) const;
  bool is_null(int column) const;

 private:
  Statement(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_stmt(s) {}
  sqlite3* m_db;  // borrowed: the statement must not outlive its database
  std::unique_ptr<sqlite3_stmt, StmtFinalize> m_stmt;
  std::string m_bind_error;  // first bind failure, reported by step()
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit()
// succeeded. IMMEDIATE takes the write lock up front, so a concurrent writer
// waits (busy timeout) instead of failing half-way.
class Transaction {
 public:
  static Result<Transaction> begin(sqlite3* db);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  explicit Transaction(sqlite3* db) : m_db(db) {}
  sqlite3* m_db;  // null once committed or moved from
};

}  // namespace store::sql
