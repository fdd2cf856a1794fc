#include "cli/phases/run_session.h"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "util/local_time.h"

namespace cli {

model::Expected<std::int64_t> run_epoch() {
  const char* fixed = std::getenv("SOURCE_DATE_EPOCH");
  if (fixed == nullptr || *fixed == '\0') {
    return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  }
  // 1970-01-01 to 9999-12-31 23:59:59 UTC: the dates a workbook can hold. A
  // larger value made the workbook writer crash with the lock still held.
  constexpr std::int64_t k_last_second_of_9999 = 253'402'300'799;
  std::int64_t v = 0;
  const std::string_view text(fixed);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < 0 || v > k_last_second_of_9999) {
    return std::unexpected(model::Diagnostic::error(
        {"SOURCE_DATE_EPOCH", {}, {}, {}, {}},
        "время запуска вне допустимого диапазона: ожидалось целое число секунд от 0 до " +
            std::to_string(k_last_second_of_9999) + " (годы 1970–9999)",
        "исправьте переменную окружения SOURCE_DATE_EPOCH или удалите её, чтобы использовалось текущее время",
        std::string(text)));
  }
  return v;
}

RunSession::RunSession(store::RunLock lock, store::HistoryStore history)
    : m_lock(std::move(lock)), m_history(std::move(history)) {}

std::expected<RunSession, int> RunSession::open(const Config& config) {
  // One run at a time; a lock left by a dead run is replaced with a warning.
  auto lock = store::RunLock::acquire(config.state);
  if (!lock) {
    print_diagnostics(std::vector{lock.error().diagnostic});
    return std::unexpected(lock.error().busy ? k_exit_locked : k_exit_failure);
  }
  if (lock->warning()) print_diagnostics(std::vector{*lock->warning()});
  auto history = store::HistoryStore::open(config.state / "history.sqlite");
  if (!history) {
    print_diagnostics(std::vector{history.error()});
    return std::unexpected(k_exit_failure);
  }
  history->set_monitoring(config.monitoring_id);
  return RunSession(std::move(*lock), std::move(*history));
}

model::Expected<std::int64_t> RunSession::begin(std::string_view period, const model::RunInfo& run) {
  const auto id = m_history.begin_run(period, run.run_time, run.tool_version);
  if (id) m_run_id = *id;
  return id;
}

model::Expected<void> RunSession::finish(int exit_code, const store::RunCounts& counts) {
  if (!m_run_id) return {};
  return m_history.finish_run(*m_run_id, exit_code, counts, util::local_now_text());
}

int RunSession::fail(const model::Diagnostic& d, const store::RunCounts& counts) {
  print_diagnostics(std::vector{d});
  (void)finish(k_exit_failure, counts);
  return k_exit_failure;
}

store::RunCounts run_counts(const model::RunInfo& run, int mails_sent, int mails_failed) {
  store::RunCounts c;
  c.files = static_cast<int>(run.files.size());
  c.accepted = model::count_outcome(run.files, model::Outcome::accepted);
  c.rejected = model::count_outcome(run.files, model::Outcome::rejected);
  c.superseded = model::count_outcome(run.files, model::Outcome::superseded);
  c.duplicate = model::count_outcome(run.files, model::Outcome::duplicate);
  // A form of another period is set aside like a lock file: not this run's.
  c.skipped = model::count_outcome(run.files, model::Outcome::skipped) +
              model::count_outcome(run.files, model::Outcome::other_period);
  c.mails_sent = mails_sent;
  c.mails_failed = mails_failed;
  return c;
}

}  // namespace cli
