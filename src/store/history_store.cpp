#include "store/history_store.h"

#include <algorithm>

#include "store/history_store_impl.h"

namespace store {

namespace fs = std::filesystem;
using sql::Statement;

namespace {

constexpr int k_busy_timeout_ms = 5000;

}  // namespace

HistoryStore::HistoryStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
HistoryStore::HistoryStore(HistoryStore&&) noexcept = default;
HistoryStore& HistoryStore::operator=(HistoryStore&&) noexcept = default;
HistoryStore::~HistoryStore() = default;

void HistoryStore::set_monitoring(std::string_view monitoring_id) { m_impl->monitoring = monitoring_id; }
const std::string& HistoryStore::monitoring() const { return m_impl->monitoring; }

model::Expected<HistoryStore> HistoryStore::open(const fs::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  std::error_code ec;
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), ec);
  auto db = sql::open_db(path, k_busy_timeout_ms);
  if (!db) {
    return std::unexpected(impl->error("открытие", db.error(),
                                       "проверьте, что папка состояния существует и доступна для записи"));
  }
  impl->db = std::move(*db);
  if (auto m = migrate_history(*impl); !m) return std::unexpected(m.error());
  return HistoryStore(std::move(impl));
}

model::Expected<std::int64_t> HistoryStore::begin_run(std::string_view period,
                                                      std::string_view started,
                                                      std::string_view tool_version) {
  auto& m = *m_impl;
  auto tx = sql::Transaction::begin(m.db.get());
  if (!tx) return std::unexpected(m.error("начало запуска", tx.error()));
  auto per = m.prepare(
      "INSERT INTO periods (id, first_seen, last_run) VALUES (?1, ?2, ?2) "
      "ON CONFLICT (id) DO UPDATE SET last_run = excluded.last_run",
      "начало запуска");
  if (!per) return std::unexpected(per.error());
  if (auto r = per->bind(1, period).bind(2, started).run(); !r) {
    return std::unexpected(m.error("начало запуска", r.error()));
  }
  auto ins = m.prepare(
      "INSERT INTO runs (period, started, tool_version, monitoring) VALUES (?1, ?2, ?3, ?4) RETURNING id",
      "начало запуска");
  if (!ins) return std::unexpected(ins.error());
  const auto row = ins->bind(1, period).bind(2, started).bind(3, tool_version).bind(4, m.monitoring).step();
  if (!row || !*row) return std::unexpected(m.error("начало запуска", row ? "нет id" : row.error()));
  const auto id = ins->integer(0);
  ins->reset();
  if (auto r = tx->commit(); !r) return std::unexpected(m.error("начало запуска", r.error()));
  return id;
}

model::Expected<void> HistoryStore::record_files(std::int64_t run_id,
                                                 std::span<const model::FileOutcome> files) {
  auto& m = *m_impl;
  auto tx = sql::Transaction::begin(m.db.get());
  if (!tx) return std::unexpected(m.error("запись файлов", tx.error()));
  auto ins = m.prepare(
      "INSERT INTO files_seen (run_id, name, sha256, size, mtime, outcome, school_id, error_count, "
      "warning_count, sender) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      "запись файлов");
  if (!ins) return std::unexpected(ins.error());
  for (const auto& f : files) {
    const auto errors = std::count_if(f.diagnostics.begin(), f.diagnostics.end(), [](const auto& d) {
      return d.severity == model::Severity::error;
    });
    const auto warnings = std::count_if(f.diagnostics.begin(), f.diagnostics.end(),
                                        [](const auto& d) { return d.severity == model::Severity::warning; });
    ins->bind(1, run_id)
        .bind(2, f.file.name)
        .bind(3, f.file.sha256)
        .bind(4, static_cast<std::int64_t>(f.file.size))
        .bind(5, f.file.mtime)
        .bind(6, outcome_key(f.outcome))
        .bind(7, f.school_id)
        .bind(8, static_cast<std::int64_t>(errors))
        .bind(9, static_cast<std::int64_t>(warnings))
        .bind(10, model::sender_text(f.file));
    if (auto r = ins->run(); !r) return std::unexpected(m.error("запись файлов", r.error()));
  }
  if (auto r = tx->commit(); !r) return std::unexpected(m.error("запись файлов", r.error()));
  return {};
}

model::Expected<void> HistoryStore::log(std::int64_t run_id, std::string_view level,
                                        std::string_view message) {
  auto& m = *m_impl;
  auto ins = m.prepare(
      "INSERT INTO run_log (run_id, seq, level, message) VALUES (?1, "
      "(SELECT coalesce(max(seq), 0) + 1 FROM run_log WHERE run_id = ?1), ?2, ?3)",
      "запись журнала");
  if (!ins) return std::unexpected(ins.error());
  if (auto r = ins->bind(1, run_id).bind(2, level).bind(3, message).run(); !r) {
    return std::unexpected(m.error("запись журнала", r.error()));
  }
  return {};
}

model::Expected<void> HistoryStore::replace_period_values(std::string_view period,
                                                          std::span<const ValueRow> rows) {
  auto& m = *m_impl;
  for (const auto& r : rows) {
    if (r.period != period) {
      return std::unexpected(m.error("запись значений", "строка периода «" + r.period +
                                                            "» среди значений периода «" +
                                                            std::string(period) + "»",
                                     "ошибка программы: сообщите разработчикам"));
    }
  }
  auto tx = sql::Transaction::begin(m.db.get());
  if (!tx) return std::unexpected(m.error("запись значений", tx.error()));
  auto per = m.prepare(
      "INSERT INTO periods (id, first_seen) VALUES (?1, datetime('now', 'localtime')) "
      "ON CONFLICT (id) DO NOTHING",
      "запись значений");
  auto del = m.prepare("DELETE FROM indicator_values WHERE monitoring = ?2 AND period = ?1", "запись значений");
  auto ins = m.prepare(
      "INSERT INTO indicator_values (period, school_id, indicator_id, numerator, denominator, "
      "value, missing, monitoring) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      "запись значений");
  if (!per) return std::unexpected(per.error());
  if (!del) return std::unexpected(del.error());
  if (!ins) return std::unexpected(ins.error());
  if (auto r = per->bind(1, period).run(); !r) return std::unexpected(m.error("запись значений", r.error()));
  if (auto r = del->bind(1, period).bind(2, m.monitoring).run(); !r) return std::unexpected(m.error("запись значений", r.error()));
  for (const auto& row : rows) {
    ins->bind(1, row.period)
        .bind(2, row.school_id)
        .bind(3, row.indicator_id)
        .bind(4, row.numerator)
        .bind(5, row.denominator)
        .bind(6, row.value)
        .bind(7, row.missing)
        .bind(8, m.monitoring);
    if (auto r = ins->run(); !r) {
      // The Transaction's destructor rolls back: the old values stay.
      return std::unexpected(m.error("запись значений",
                                     r.error() + " (школа «" + row.school_id + "», показатель «" +
                                         row.indicator_id + "»); прежние значения сохранены"));
    }
  }
  if (auto r = tx->commit(); !r) return std::unexpected(m.error("запись значений", r.error()));
  return {};
}

model::Expected<void> HistoryStore::finish_run(std::int64_t run_id, int exit_code,
                                               const RunCounts& c, std::string_view finished) {
  auto& m = *m_impl;
  auto up = m.prepare(
      "UPDATE runs SET finished = ?2, exit_code = ?3, files = ?4, accepted = ?5, rejected = ?6, "
      "superseded = ?7, duplicate = ?8, skipped = ?9, mails_sent = ?10, mails_failed = ?11 "
      "WHERE id = ?1 RETURNING id",
      "завершение запуска");
  if (!up) return std::unexpected(up.error());
  up->bind(1, run_id).bind(2, finished).bind(3, exit_code).bind(4, c.files).bind(5, c.accepted);
  up->bind(6, c.rejected).bind(7, c.superseded).bind(8, c.duplicate).bind(9, c.skipped);
  up->bind(10, c.mails_sent).bind(11, c.mails_failed);
  const auto row = up->step();
  if (!row) return std::unexpected(m.error("завершение запуска", row.error()));
  if (!*row) {
    return std::unexpected(m.error("завершение запуска", "нет запуска № " + std::to_string(run_id),
                                   "ошибка программы: сообщите разработчикам"));
  }
  up->reset();
  return {};
}

}  // namespace store
