// The history's schema and its migrations (see history_store.h): a new file
// gets version 1 and then every later step, an older file only the steps it
// lacks, each step in one transaction.
#include <string>

#include "store/history_store_impl.h"

namespace store {

using sql::Statement;

namespace {

// Version 1. Later versions append migration steps; never edit this text.
constexpr const char* k_schema_v1 = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE periods (
  id TEXT PRIMARY KEY,
  first_seen TEXT NOT NULL,
  last_run TEXT
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL REFERENCES periods(id),
  started TEXT NOT NULL,
  finished TEXT,
  exit_code INTEGER,
  files INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  superseded INTEGER NOT NULL DEFAULT 0,
  duplicate INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  mails_sent INTEGER NOT NULL DEFAULT 0,
  mails_failed INTEGER NOT NULL DEFAULT 0,
  tool_version TEXT NOT NULL
);
CREATE TABLE files_seen (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  school_id TEXT NOT NULL DEFAULT '',
  error_count INTEGER NOT NULL DEFAULT 0,
  warning_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX files_seen_run ON files_seen(run_id);
CREATE INDEX files_seen_sha ON files_seen(sha256);
CREATE TABLE indicator_values (
  period TEXT NOT NULL REFERENCES periods(id),
  school_id TEXT NOT NULL CHECK (school_id <> ''),
  indicator_id TEXT NOT NULL CHECK (indicator_id <> ''),
  numerator REAL,
  denominator REAL,
  value REAL,
  missing TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (period, school_id, indicator_id)
);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, period);
CREATE TABLE run_log (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  level TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
INSERT INTO schema_version (version) VALUES (1);
)sql";

// Version 2: several monitorings in one history. Runs and values are keyed by
// monitoring ('' for the one monitoring of an older configuration, so an
// older file's rows stay where they were); the calendar's steps, the letters
// to each school and every file received per period are kept too.
constexpr const char* k_schema_v2 = R"sql(
ALTER TABLE runs ADD COLUMN monitoring TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_monitoring ON runs(monitoring, period);
CREATE TABLE indicator_values_v2 (
  monitoring TEXT NOT NULL DEFAULT '',
  period TEXT NOT NULL REFERENCES periods(id),
  school_id TEXT NOT NULL CHECK (school_id <> ''),
  indicator_id TEXT NOT NULL CHECK (indicator_id <> ''),
  numerator REAL,
  denominator REAL,
  value REAL,
  missing TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (monitoring, period, school_id, indicator_id)
);
INSERT INTO indicator_values_v2 (monitoring, period, school_id, indicator_id, numerator, denominator, value, missing)
  SELECT '', period, school_id, indicator_id, numerator, denominator, value, missing FROM indicator_values;
DROP TABLE indicator_values;
ALTER TABLE indicator_values_v2 RENAME TO indicator_values;
CREATE INDEX indicator_values_indicator ON indicator_values(monitoring, indicator_id, period);
CREATE TABLE calendar_start (
  monitoring TEXT PRIMARY KEY,
  first_day TEXT NOT NULL
);
CREATE TABLE calendar_steps (
  monitoring TEXT NOT NULL,
  period TEXT NOT NULL,
  step TEXT NOT NULL,
  due TEXT NOT NULL,
  done TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (monitoring, period, step)
);
CREATE TABLE school_letters (
  monitoring TEXT NOT NULL,
  period TEXT NOT NULL,
  school_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  recipients TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (monitoring, period, school_id, kind, day)
);
CREATE TABLE received_files (
  monitoring TEXT NOT NULL,
  period TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  school_id TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  errors TEXT NOT NULL DEFAULT '',
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (monitoring, period, name, sha256)
);
UPDATE schema_version SET version = 2;
)sql";

// Version 3: where each file came from — the address of the letter it was
// collected from, "… (принята методистом)" for one taken in from elsewhere,
// '' for a file put into the inbox by hand (and for every earlier row).
constexpr const char* k_schema_v3 = R"sql(
ALTER TABLE files_seen ADD COLUMN sender TEXT NOT NULL DEFAULT '';
ALTER TABLE received_files ADD COLUMN sender TEXT NOT NULL DEFAULT '';
UPDATE schema_version SET version = 3;
)sql";

// Version 4: the day a school was told that a file it sent was rejected (by
// the calendar's answer or a reminder), so that it is told once.
constexpr const char* k_schema_v4 = R"sql(
ALTER TABLE received_files ADD COLUMN told TEXT NOT NULL DEFAULT '';
UPDATE schema_version SET version = 4;
)sql";

// Step n brings a file from version n - 1 to n.
constexpr const char* k_steps[] = {k_schema_v1, k_schema_v2, k_schema_v3, k_schema_v4};
static_assert(std::size(k_steps) == k_history_schema_version);

model::Expected<std::int64_t> schema_version(HistoryStore::Impl& impl) {
  auto has_table = impl.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'",
                                "чтение версии схемы");
  if (!has_table) return std::unexpected(has_table.error());
  if (auto r = has_table->step(); !r) return std::unexpected(impl.error("чтение версии схемы", r.error()));
  if (has_table->integer(0) == 0) return 0;
  auto version = impl.prepare("SELECT max(version) FROM schema_version", "чтение версии схемы");
  if (!version) return std::unexpected(version.error());
  if (auto r = version->step(); !r) return std::unexpected(impl.error("чтение версии схемы", r.error()));
  return version->integer(0);
}

}  // namespace

model::Expected<void> migrate_history(HistoryStore::Impl& impl) {
  const auto v = schema_version(impl);
  if (!v) return std::unexpected(v.error());
  if (*v > k_history_schema_version) {
    return std::unexpected(impl.error(
        "версия схемы", "база создана более новой версией metodmon (схема " + std::to_string(*v) + ")",
        "обновите metodmon или укажите другой файл истории"));
  }
  for (auto step = *v; step < k_history_schema_version; ++step) {
    auto tx = sql::Transaction::begin(impl.db.get());
    const auto doing = "обновление схемы до версии " + std::to_string(step + 1);
    if (!tx) return std::unexpected(impl.error(doing, tx.error()));
    if (auto r = sql::exec(impl.db.get(), k_steps[step]); !r) return std::unexpected(impl.error(doing, r.error()));
    if (auto r = tx->commit(); !r) return std::unexpected(impl.error(doing, r.error()));
  }
  return {};
}

}  // namespace store
