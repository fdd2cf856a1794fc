// What every command that changes the state folder holds while it works: the
// run lock, the history store and (for commands that make a run) the run's
// record in the history. One place, so that run, send, daily and the others
// lock, clean up and account for themselves the same way.
//
// Example:
//   auto session = RunSession::open(config);
//   if (!session) return session.error();          // an exit code, already printed
//   auto run = session->begin("2026-11", run_info);  // runs table row
//   ...
//   session->finish(code, counts);
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "cli/config/config.h"
#include "model/diagnostic.h"
#include "model/run.h"
#include "store/history_store.h"
#include "store/run_lock.h"

namespace cli {

// The moment a run stands for: now, or SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), so that two runs over the same inputs can
// be compared byte for byte. Error: SOURCE_DATE_EPOCH is not a whole number
// of seconds within the years 1970–9999 (UTC); check it before taking the lock.
model::Expected<std::int64_t> run_epoch();

class RunSession {
 public:
  // Takes the lock of config.state (exit 75 when another run holds it, 1 when
  // the state folder cannot be written), then
  // opens the history, scoped to config.monitoring_id (a command that works
  // through several monitorings rescopes it: history().set_monitoring()). On failure the problem is printed and the exit code
  // returned as the error.
  static std::expected<RunSession, int> open(const Config& config);

  store::HistoryStore& history() { return m_history; }

  // Registers a run of `period` in the history; its id. Error (not printed):
  // the history could not be written (full disk, lost rights).
  model::Expected<std::int64_t> begin(std::string_view period, const model::RunInfo& run);
  // Marks the run begun by begin() finished.
  model::Expected<void> finish(int exit_code, const store::RunCounts& counts);
  // Prints `d`, marks the run failed (if one was begun) and returns k_exit_failure.
  int fail(const model::Diagnostic& d, const store::RunCounts& counts = {});

  std::optional<std::int64_t> run_id() const { return m_run_id; }

 private:
  RunSession(store::RunLock lock, store::HistoryStore history);

  store::RunLock m_lock;
  store::HistoryStore m_history;
  std::optional<std::int64_t> m_run_id;
};

// The counts of a run's files as the history keeps them (mail counts added by the caller).
store::RunCounts run_counts(const model::RunInfo& run, int mails_sent, int mails_failed);

}  // namespace cli
