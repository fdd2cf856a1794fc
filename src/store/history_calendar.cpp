// The calendar's side of HistoryStore: its first day, the steps done, the
// letters to each school and every file received per period.
#include <algorithm>

#include "store/history_store_impl.h"

namespace store {

namespace {

std::string error_texts(const model::FileOutcome& f) {
  std::string out;
  for (const auto& d : f.diagnostics) {
    if (d.severity != model::Severity::error) continue;
    if (!out.empty()) out += "; ";
    out += model::to_string(d);
  }
  return out;
}

}  // namespace

model::Expected<std::string> HistoryStore::calendar_start(std::string_view today) {
  auto& m = *m_impl;
  auto ins = m.prepare("INSERT INTO calendar_start (monitoring, first_day) VALUES (?1, ?2) "
                       "ON CONFLICT (monitoring) DO NOTHING",
                       "начало календаря");
  if (!ins) return std::unexpected(ins.error());
  if (auto r = ins->bind(1, m.monitoring).bind(2, today).run(); !r) {
    return std::unexpected(m.error("начало календаря", r.error()));
  }
  auto sel = m.prepare("SELECT first_day FROM calendar_start WHERE monitoring = ?1", "начало календаря");
  if (!sel) return std::unexpected(sel.error());
  sel->bind(1, m.monitoring);
  auto rows = collect_rows<std::string>(m, *sel, "начало календаря",
                                        [](const sql::Statement& st) { return st.text(0); });
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::string(today);
  return rows->front();
}

model::Expected<std::optional<std::string>> HistoryStore::first_calendar_day() const {
  auto sel = m_impl->prepare("SELECT first_day FROM calendar_start WHERE monitoring = ?1", "начало календаря");
  if (!sel) return std::unexpected(sel.error());
  sel->bind(1, m_impl->monitoring);
  auto rows = collect_rows<std::string>(*m_impl, *sel, "начало календаря",
                                        [](const sql::Statement& st) { return st.text(0); });
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional(rows->front());
}

model::Expected<void> HistoryStore::record_step(const CalendarStepRecord& step) {
  auto& m = *m_impl;
  auto ins = m.prepare(
      "INSERT INTO calendar_steps (monitoring, period, step, due, done, status, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (monitoring, period, step) DO UPDATE SET "
      "due = excluded.due, done = excluded.done, status = excluded.status, note = excluded.note",
      "запись шага календаря");
  if (!ins) return std::unexpected(ins.error());
  ins->bind(1, m.monitoring).bind(2, step.period).bind(3, step.step).bind(4, step.due);
  ins->bind(5, step.done).bind(6, step.status).bind(7, step.note);
  if (auto r = ins->run(); !r) return std::unexpected(m.error("запись шага календаря", r.error()));
  return {};
}

model::Expected<std::vector<CalendarStepRecord>> HistoryStore::steps_of(std::string_view period) const {
  auto s = m_impl->prepare(
      "SELECT period, step, due, done, status, note FROM calendar_steps WHERE monitoring = ?1 AND period = ?2 "
      "ORDER BY due, step",
      "шаги календаря");
  if (!s) return std::unexpected(s.error());
  s->bind(1, m_impl->monitoring).bind(2, period);
  return collect_rows<CalendarStepRecord>(*m_impl, *s, "шаги календаря", [](const sql::Statement& st) {
    return CalendarStepRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
  });
}

model::Expected<void> HistoryStore::record_letters(std::span<const SchoolLetterRecord> letters) {
  auto& m = *m_impl;
  auto tx = sql::Transaction::begin(m.db.get());
  if (!tx) return std::unexpected(m.error("запись писем школам", tx.error()));
  auto ins = m.prepare(
      "INSERT INTO school_letters (monitoring, period, school_id, kind, day, recipients, status) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (monitoring, period, school_id, kind, day) "
      "DO UPDATE SET recipients = excluded.recipients, status = excluded.status",
      "запись писем школам");
  if (!ins) return std::unexpected(ins.error());
  for (const auto& l : letters) {
    ins->bind(1, m.monitoring).bind(2, l.period).bind(3, l.school_id).bind(4, l.kind);
    ins->bind(5, l.day).bind(6, l.recipients).bind(7, l.status);
    if (auto r = ins->run(); !r) return std::unexpected(m.error("запись писем школам", r.error()));
  }
  if (auto r = tx->commit(); !r) return std::unexpected(m.error("запись писем школам", r.error()));
  return {};
}

model::Expected<std::vector<SchoolLetterRecord>> HistoryStore::letters_of(std::string_view period) const {
  auto s = m_impl->prepare(
      "SELECT period, school_id, kind, day, recipients, status FROM school_letters "
      "WHERE monitoring = ?1 AND period = ?2 ORDER BY school_id, day, rowid",
      "письма школам");
  if (!s) return std::unexpected(s.error());
  s->bind(1, m_impl->monitoring).bind(2, period);
  return collect_rows<SchoolLetterRecord>(*m_impl, *s, "письма школам", [](const sql::Statement& st) {
    return SchoolLetterRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
  });
}

model::Expected<void> HistoryStore::record_received(std::string_view period,
                                                    std::span<const model::FileOutcome> files,
                                                    std::string_view day) {
  auto& m = *m_impl;
  auto tx = sql::Transaction::begin(m.db.get());
  if (!tx) return std::unexpected(m.error("запись полученных файлов", tx.error()));
  auto ins = m.prepare(
      "INSERT INTO received_files (monitoring, period, name, sha256, size, mtime, school_id, outcome, errors, "
      "first_seen, last_seen, sender) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11) "
      "ON CONFLICT (monitoring, period, name, sha256) DO UPDATE SET school_id = excluded.school_id, "
      "outcome = excluded.outcome, errors = excluded.errors, last_seen = excluded.last_seen, "
      "sender = excluded.sender",
      "запись полученных файлов");
  if (!ins) return std::unexpected(ins.error());
  for (const auto& f : files) {
    ins->bind(1, m.monitoring).bind(2, period).bind(3, f.file.name).bind(4, f.file.sha256);
    ins->bind(5, static_cast<std::int64_t>(f.file.size)).bind(6, f.file.mtime).bind(7, f.school_id);
    ins->bind(8, outcome_key(f.outcome)).bind(9, error_texts(f)).bind(10, day).bind(11, model::sender_text(f.file));
    if (auto r = ins->run(); !r) return std::unexpected(m.error("запись полученных файлов", r.error()));
  }
  if (auto r = tx->commit(); !r) return std::unexpected(m.error("запись полученных файлов", r.error()));
  return {};
}

model::Expected<std::vector<ReceivedFileRecord>> HistoryStore::received_of(std::string_view period) const {
  auto s = m_impl->prepare(
      "SELECT name, sha256, size, mtime, school_id, outcome, errors, first_seen, last_seen, sender, told "
      "FROM received_files "
      "WHERE monitoring = ?1 AND period = ?2 ORDER BY mtime, name",
      "полученные файлы");
  if (!s) return std::unexpected(s.error());
  s->bind(1, m_impl->monitoring).bind(2, period);
  return collect_rows<ReceivedFileRecord>(*m_impl, *s, "полученные файлы", [](const sql::Statement& st) {
    ReceivedFileRecord r;
    r.name = st.text(0);
    r.sha256 = st.text(1);
    r.size = st.integer(2);
    r.mtime = st.integer(3);
    r.school_id = st.text(4);
    r.outcome = outcome_from_key(st.text(5)).value_or(model::Outcome::rejected);
    r.errors = st.text(6);
    r.first_seen = st.text(7);
    r.last_seen = st.text(8);
    r.sender = st.text(9);
    r.told = st.text(10);
    return r;
  });
}

model::Expected<void> HistoryStore::mark_told(std::string_view period, std::string_view name, std::string_view sha256,
                                              std::string_view day) {
  auto& m = *m_impl;
  auto upd = m.prepare(
      "UPDATE received_files SET told = ?5 WHERE monitoring = ?1 AND period = ?2 AND name = ?3 AND sha256 = ?4 "
      "AND told = ''",
      "отметка об ответе школе");
  if (!upd) return std::unexpected(upd.error());
  upd->bind(1, m.monitoring).bind(2, period).bind(3, name).bind(4, sha256).bind(5, day);
  if (auto r = upd->run(); !r) return std::unexpected(m.error("отметка об ответе школе", r.error()));
  return {};
}

}  // namespace store
