#include "cli/run_session.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "cli/exit_codes.h"
#include "cli/run_inputs.h"

namespace cli {

std::int64_t run_epoch() {
  if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(fixed, &end, 10);
    if (end != fixed && *end == '\0' && v > 0) return v;
  }
  return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
}

std::string local_time_text(std::int64_t epoch) {
  const auto now = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

RunSession::RunSession(deliver::RunLock lock, deliver::HistoryStore history)
    : m_lock(std::move(lock)), m_history(std::move(history)) {}

std::expected<RunSession, int> RunSession::open(const Config& config) {
  // One run at a time; a lock left by a dead run is replaced with a warning.
  auto lock = deliver::RunLock::acquire(config.state);
  if (!lock) {
    print_diagnostics(std::vector{lock.error()});
    return std::unexpected(k_exit_locked);
  }
  if (lock->warning()) print_diagnostics(std::vector{*lock->warning()});
  auto history = deliver::HistoryStore::open(config.state / "history.sqlite");
  if (!history) {
    print_diagnostics(std::vector{history.error()});
    return std::unexpected(k_exit_failure);
  }
  return RunSession(std::move(*lock), std::move(*history));
}

std::optional<std::int64_t> RunSession::begin(std::string_view period, const model::RunInfo& run) {
  const auto id = m_history.begin_run(period, run.run_time, run.tool_version);
  if (!id) {
    print_diagnostics(std::vector{id.error()});
    return std::nullopt;
  }
  m_run_id = *id;
  return m_run_id;
}

model::Expected<void> RunSession::finish(int exit_code, const deliver::RunCounts& counts) {
  if (!m_run_id) return {};
  return m_history.finish_run(*m_run_id, exit_code, counts, local_time_text(std::time(nullptr)));
}

int RunSession::fail(const model::Diagnostic& d, const deliver::RunCounts& counts) {
  print_diagnostics(std::vector{d});
  (void)finish(k_exit_failure, counts);
  return k_exit_failure;
}

deliver::RunCounts run_counts(const model::RunInfo& run, int mails_sent, int mails_failed) {
  deliver::RunCounts c;
  c.files = static_cast<int>(run.files.size());
  c.accepted = model::count_outcome(run.files, model::Outcome::accepted);
  c.rejected = model::count_outcome(run.files, model::Outcome::rejected);
  c.superseded = model::count_outcome(run.files, model::Outcome::superseded);
  c.duplicate = model::count_outcome(run.files, model::Outcome::duplicate);
  c.skipped = model::count_outcome(run.files, model::Outcome::skipped);
  c.mails_sent = mails_sent;
  c.mails_failed = mails_failed;
  return c;
}

}  // namespace cli
