// The history of runs and results, kept in one SQLite file
// (by default <state_dir>/history.sqlite), so that the next month's report can
// show dynamics and so that every run can say what it saw and did.
//
// Schema (version k_history_schema_version, stored in table schema_version;
// history_schema.cpp migrates older files in place, their rows kept):
//   periods(id PK, first_seen, last_run)          period ids of every monitoring
//   runs(id PK, monitoring, period -> periods, started, finished NULL while running,
//        exit_code NULL while running, files, accepted, rejected, superseded,
//        duplicate, skipped, mails_sent, mails_failed, tool_version)
//   files_seen(run_id -> runs, name, sha256, size, mtime, outcome, school_id,
//              error_count, warning_count, sender)  one row per input file
//   indicator_values(monitoring, period -> periods, school_id, indicator_id, numerator,
//              denominator, value, missing; PK (monitoring, period, school_id, indicator_id))
//              ("values" is an SQL keyword, hence the longer table name)
//   run_log(run_id -> runs, seq, level, message)   optional log lines
//   calendar_start(monitoring PK, first_day)      the first day the calendar ran
//   calendar_steps(monitoring, period, step, due, done, status, note;
//              PK (monitoring, period, step))     each calendar step done or missed, once
//   school_letters(monitoring, period, school_id, kind, day, recipients, status;
//              PK (monitoring, period, school_id, kind, day))   one letter a day of a kind
//   received_files(monitoring, period, name, sha256, size, mtime, school_id, outcome,
//              errors, first_seen, last_seen, sender, told; PK (monitoring, period, name, sha256))
// sender (version 3): model::sender_text of the file — the address of the
// letter it was collected from; '' for a file put into the inbox by hand.
// told (version 4): the day the school was told the file was rejected; '' until then.
// A run that was killed keeps finished = NULL: list_runs() shows it as
// unfinished, which is the honest answer.
//
// Monitorings. One history serves every monitoring of a deployment: runs,
// values and the calendar are kept per monitoring id (set_monitoring(); ""
// — the one monitoring of a configuration with a single [monitoring] and of
// every file written before version 2). Every call reads and writes only the
// current monitoring's rows, so the dynamics of one never mix with another's.
//
// Durability: default rollback journal, synchronous=FULL, foreign keys on,
// busy timeout 5 s (a second reader such as `metodmon history` waits instead
// of failing). Each call that writes is one transaction: a crash leaves the
// state before or after the call, never half of it.
//
// All errors are Diagnostics naming the database file, in Russian.
//
// Example:
//   auto store = store::HistoryStore::open(state_dir / "history.sqlite");
//   if (!store) return fail(store.error());
//   const auto run = store->begin_run("2026-11", now_text(), "metodmon 0.1.0");
//   store->record_files(*run, outcomes);
//   store->replace_period_values("2026-11", rows);
//   store->finish_run(*run, 0, counts, now_text());
//   const auto dyn = store->values_for_indicator(
//       "I3", store::dynamics_periods(period, 3));  // see dynamics_periods.h
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/run.h"

namespace store {

inline constexpr int k_history_schema_version = 4;

// One school × indicator result of one period.
struct ValueRow {
  std::string period;
  std::string school_id;
  std::string indicator_id;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> value;
  std::string missing;  // why there is no value ("нет данных", "знаменатель 0"); empty otherwise

  friend bool operator==(const ValueRow&, const ValueRow&) = default;
};

// What a run did, as counted by the caller (cli) at its end.
struct RunCounts {
  int files = 0;
  int accepted = 0;
  int rejected = 0;
  int superseded = 0;
  int duplicate = 0;
  int skipped = 0;
  int mails_sent = 0;
  int mails_failed = 0;

  friend bool operator==(const RunCounts&, const RunCounts&) = default;
};

struct RunRecord {
  std::int64_t id = 0;
  std::string period;
  std::string started;
  std::optional<std::string> finished;  // nullopt: killed or still running
  std::optional<int> exit_code;         // cli/phases/exit_codes.h: 0 ok, 2 forms rejected, 3 mail not sent, …
  RunCounts counts;
  std::string tool_version;
};

// A step of the calendar (calendar/agenda.h) as done or missed.
struct CalendarStepRecord {
  std::string period;
  std::string step;    // calendar::step_key(): "open", "remind-before:2026-09-12", "results" …
  std::string due;     // "2026-09-12": the day the calendar set
  std::string done;    // the day it was done (or found missed)
  std::string status;  // "done" or "missed"
  std::string note;    // e.g. the inbox fingerprint the results were computed over

  friend bool operator==(const CalendarStepRecord&, const CalendarStepRecord&) = default;
};

// A letter the calendar sent a school (form out, reminder) or could not.
struct SchoolLetterRecord {
  std::string period;
  std::string school_id;
  std::string kind;        // deliver letter kind: "form-out", "reminder", "reminder-after"
  std::string day;         // "2026-09-01"
  std::string recipients;  // comma-separated; empty when the school has no address
  std::string status;      // outbox status ("sent", "pending", "dry-run" …) or "no-address"

  friend bool operator==(const SchoolLetterRecord&, const SchoolLetterRecord&) = default;
};

// A file received for a period, with its latest verdict.
struct ReceivedFileRecord {
  std::string name;
  std::string sha256;
  std::int64_t size = 0;
  std::int64_t mtime = 0;
  std::string school_id;
  model::Outcome outcome = model::Outcome::rejected;
  std::string errors;      // the error messages, "; "-separated
  std::string first_seen;  // the day metodmon first read it
  std::string last_seen;
  std::string sender;      // model::sender_text: who mailed it; "" put in by hand
  std::string told = {};   // the day the school was told it was rejected; empty: not yet
};

struct FileRecord {
  std::string name;
  std::string sha256;
  std::int64_t size = 0;
  std::int64_t mtime = 0;
  model::Outcome outcome = model::Outcome::rejected;
  std::string school_id;
  int error_count = 0;
  int warning_count = 0;
  std::string sender;  // model::sender_text
};

class HistoryStore {
 public:
  // Opens or creates the file and brings its schema to the current version.
  // Errors: cannot create/open; not an SQLite database; written by a newer
  // metodmon (schema_version greater than k_history_schema_version).
  static model::Expected<HistoryStore> open(const std::filesystem::path& path);

  HistoryStore(HistoryStore&&) noexcept;
  HistoryStore& operator=(HistoryStore&&) noexcept;
  ~HistoryStore();

  // Registers the period if new and inserts an unfinished run; returns its id.
  // `started` is local time "YYYY-MM-DD HH:MM:SS".
  model::Expected<std::int64_t> begin_run(std::string_view period, std::string_view started,
                                          std::string_view tool_version);
  // Appends one row per file (all in one transaction).
  model::Expected<void> record_files(std::int64_t run_id, std::span<const model::FileOutcome> files);
  // Appends one log line ("info", "warning", "error").
  model::Expected<void> log(std::int64_t run_id, std::string_view level, std::string_view message);
  // Deletes the period's values and inserts `rows` in ONE transaction: on any
  // failure (e.g. two rows for the same school and indicator) the old values
  // stay exactly as they were. Every row's period must equal `period`.
  model::Expected<void> replace_period_values(std::string_view period, std::span<const ValueRow> rows);
  // Marks the run finished with its exit code and counts.
  model::Expected<void> finish_run(std::int64_t run_id, int exit_code, const RunCounts& counts,
                                   std::string_view finished);

  // Periods that have values or runs, oldest first ("2025-11" < "2026-05").
  model::Expected<std::vector<std::string>> list_periods() const;
  // The latest `limit` runs, newest first.
  model::Expected<std::vector<RunRecord>> list_runs(int limit) const;
  model::Expected<std::vector<FileRecord>> files_of_run(std::int64_t run_id) const;
  // Rows of one period, sorted by school_id then indicator_id.
  model::Expected<std::vector<ValueRow>> values_for(std::string_view period) const;
  // Rows of one indicator in the given periods (missing periods simply give
  // no rows), sorted by period then school_id.
  model::Expected<std::vector<ValueRow>> values_for_indicator(
      std::string_view indicator_id, std::span<const std::string> periods) const;

  // The monitoring every call below reads and writes ("" by default).
  void set_monitoring(std::string_view monitoring_id);
  const std::string& monitoring() const;

  // Calendar (history_calendar.cpp). The first day the calendar ran for the
  // monitoring: set once (later calls keep the first), read back.
  model::Expected<std::string> calendar_start(std::string_view today);
  // The same, read only: nullopt when the calendar never ran for the monitoring.
  model::Expected<std::optional<std::string>> first_calendar_day() const;
  // Records a step (a later record of the same period and step replaces it).
  model::Expected<void> record_step(const CalendarStepRecord& step);
  model::Expected<std::vector<CalendarStepRecord>> steps_of(std::string_view period) const;
  // A letter of the same school, kind and day replaces the earlier record (a rerun).
  model::Expected<void> record_letters(std::span<const SchoolLetterRecord> letters);
  model::Expected<std::vector<SchoolLetterRecord>> letters_of(std::string_view period) const;
  // Every file of a read of the period's inbox, seen on `day`: new ones are
  // added, known ones (name and SHA-256) get the latest verdict.
  model::Expected<void> record_received(std::string_view period, std::span<const model::FileOutcome> files,
                                        std::string_view day);
  // Sorted by mtime, then name.
  model::Expected<std::vector<ReceivedFileRecord>> received_of(std::string_view period) const;
  // Notes that the school was told on `day` that the file (name, SHA-256) of
  // the period was rejected; a file told before keeps its first day.
  model::Expected<void> mark_told(std::string_view period, std::string_view name, std::string_view sha256,
                                  std::string_view day);

  struct Impl;  // opaque: the SQLite handle, defined in history_store_impl.h

 private:
  explicit HistoryStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Stable English keys stored in the database: "accepted", "rejected", ...
std::string outcome_key(model::Outcome o);
std::optional<model::Outcome> outcome_from_key(std::string_view key);

}  // namespace store
