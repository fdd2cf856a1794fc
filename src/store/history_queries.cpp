// The read side of HistoryStore: lists and values for reports and dynamics.
#include <array>

#include "store/history_store_impl.h"

namespace store {

namespace {

constexpr std::array<std::pair<model::Outcome, const char*>, 6> k_outcome_keys = {{
    {model::Outcome::accepted, "accepted"},
    {model::Outcome::rejected, "rejected"},
    {model::Outcome::superseded, "superseded"},
    {model::Outcome::duplicate, "duplicate"},
    {model::Outcome::skipped, "skipped"},
    {model::Outcome::other_period, "other-period"},
}};

ValueRow value_row(const sql::Statement& s) {
  return {s.text(0), s.text(1), s.text(2), s.real(3), s.real(4), s.real(5), s.text(6)};
}

}  // namespace

std::string outcome_key(model::Outcome o) {
  for (const auto& [outcome, key] : k_outcome_keys) {
    if (outcome == o) return key;
  }
  return "rejected";
}

std::optional<model::Outcome> outcome_from_key(std::string_view key) {
  for (const auto& [outcome, k] : k_outcome_keys) {
    if (key == k) return outcome;
  }
  return std::nullopt;
}

model::Expected<std::vector<std::string>> HistoryStore::list_periods() const {
  auto s = m_impl->prepare(
      "SELECT period FROM runs WHERE monitoring = ?1 UNION "
      "SELECT period FROM indicator_values WHERE monitoring = ?1 ORDER BY 1",
      "список периодов");
  if (!s) return std::unexpected(s.error());
  s->bind(1, m_impl->monitoring);
  return collect_rows<std::string>(*m_impl, *s, "список периодов",
                              [](const sql::Statement& st) { return st.text(0); });
}

model::Expected<std::vector<RunRecord>> HistoryStore::list_runs(int limit) const {
  auto s = m_impl->prepare(
      "SELECT id, period, started, finished, exit_code, files, accepted, rejected, superseded, "
      "duplicate, skipped, mails_sent, mails_failed, tool_version FROM runs WHERE monitoring = ?2 "
      "ORDER BY id DESC LIMIT ?1",
      "список запусков");
  if (!s) return std::unexpected(s.error());
  s->bind(1, limit).bind(2, m_impl->monitoring);
  return collect_rows<RunRecord>(*m_impl, *s, "список запусков", [](const sql::Statement& st) {
    RunRecord r;
    r.id = st.integer(0);
    r.period = st.text(1);
    r.started = st.text(2);
    if (!st.is_null(3)) r.finished = st.text(3);
    if (const auto code = st.optional_integer(4)) r.exit_code = static_cast<int>(*code);
    auto n = [&](int c) { return static_cast<int>(st.integer(c)); };
    r.counts = {n(5), n(6), n(7), n(8), n(9), n(10), n(11), n(12)};
    r.tool_version = st.text(13);
    return r;
  });
}

model::Expected<std::vector<FileRecord>> HistoryStore::files_of_run(std::int64_t run_id) const {
  auto s = m_impl->prepare(
      "SELECT name, sha256, size, mtime, outcome, school_id, error_count, warning_count, sender "
      "FROM files_seen WHERE run_id = ?1 ORDER BY rowid",
      "файлы запуска");
  if (!s) return std::unexpected(s.error());
  s->bind(1, run_id);
  return collect_rows<FileRecord>(*m_impl, *s, "файлы запуска", [](const sql::Statement& st) {
    FileRecord f;
    f.name = st.text(0);
    f.sha256 = st.text(1);
    f.size = st.integer(2);
    f.mtime = st.integer(3);
    f.outcome = outcome_from_key(st.text(4)).value_or(model::Outcome::rejected);
    f.school_id = st.text(5);
    f.error_count = static_cast<int>(st.integer(6));
    f.warning_count = static_cast<int>(st.integer(7));
    f.sender = st.text(8);
    return f;
  });
}

model::Expected<std::vector<ValueRow>> HistoryStore::values_for(std::string_view period) const {
  auto s = m_impl->prepare(
      "SELECT period, school_id, indicator_id, numerator, denominator, value, missing "
      "FROM indicator_values WHERE monitoring = ?2 AND period = ?1 ORDER BY school_id, indicator_id",
      "значения периода");
  if (!s) return std::unexpected(s.error());
  s->bind(1, period).bind(2, m_impl->monitoring);
  return collect_rows<ValueRow>(*m_impl, *s, "значения периода", value_row);
}

model::Expected<std::vector<ValueRow>> HistoryStore::values_for_indicator(
    std::string_view indicator_id, std::span<const std::string> periods) const {
  if (periods.empty()) return std::vector<ValueRow>{};
  std::string text =
      "SELECT period, school_id, indicator_id, numerator, denominator, value, missing "
      "FROM indicator_values WHERE monitoring = ?2 AND indicator_id = ?1 AND period IN (";
  for (std::size_t i = 0; i < periods.size(); ++i) {
    text += (i ? ", ?" : "?") + std::to_string(i + 3);
  }
  text += ") ORDER BY period, school_id";
  auto s = m_impl->prepare(text, "динамика показателя");
  if (!s) return std::unexpected(s.error());
  s->bind(1, indicator_id).bind(2, m_impl->monitoring);
  for (std::size_t i = 0; i < periods.size(); ++i) s->bind(static_cast<int>(i + 3), periods[i]);
  return collect_rows<ValueRow>(*m_impl, *s, "динамика показателя", value_row);
}

}  // namespace store
