#include "survey/survey_tally.h"

#include <algorithm>
#include <functional>

#include "ingest/value_parse.h"
#include "survey/answer_rules.h"
#include "survey/answer_time.h"
#include "util/text_case.h"
#include "util/text_key.h"

namespace survey {

namespace {

constexpr std::size_t k_max_names_per_school = 50;  // names kept per school for `check`

std::uint64_t hash_of(std::string_view text) {
  const auto h = static_cast<std::uint64_t>(std::hash<std::string_view>{}(text));
  return h == 0 ? 1 : h;
}

std::string school_list(const model::Registry& registry, const std::vector<std::size_t>& indices) {
  std::string out;
  for (std::size_t i = 0; i < indices.size() && i < 5; ++i) {
    out += (i ? "; " : "") + registry.schools[indices[i]].short_name;
  }
  if (indices.size() > 5) out += "; … (всего " + std::to_string(indices.size()) + ")";
  return out;
}

}  // namespace

SurveyTally::SurveyTally(const model::SurveyDef& survey, model::Periodicity periodicity, const model::Period& period,
                         const model::Registry& registry, const SchoolMatcher& matcher)
    : m_survey(survey), m_periodicity(periodicity), m_period(period), m_registry(registry), m_matcher(matcher) {
  for (const auto& q : survey.questions) {
    std::vector<std::string> choices, counted;
    for (const auto& c : q.choices) choices.push_back(util::text_key(c));
    for (const auto& c : q.counted) counted.push_back(util::text_key(c));
    m_choice_keys.push_back(std::move(choices));
    m_counted_keys.push_back(std::move(counted));
  }
}

void SurveyTally::begin_file(std::string file_name, std::string sheet, const HeaderMap& map) {
  m_file = std::move(file_name);
  m_file_index = static_cast<std::uint32_t>(m_files.size());
  m_files.push_back(m_file);
  m_sheet = std::move(sheet);
  m_map = &map;
  m_first_respondent = m_respondents.size();
  m_undo.clear();
  m_same_answers_in.clear();
  m_report = {};
  m_row_diagnostics = 0;
  m_row_diagnostics_left_out = 0;
  if (!map.time_column) {
    diagnose(model::Severity::info, 0, std::nullopt,
             "в выгрузке нет столбца времени ответа: все ответы отнесены к периоду " + model::display_name(m_period),
             "если в файле есть ответы прошлых сборов, скачайте выгрузку со столбцом времени («Время создания» или "
             "«Отметка времени»)");
  }
}

void SurveyTally::diagnose(model::Severity severity, std::uint32_t row, std::optional<std::size_t> column,
                           std::string message, std::string hint, std::string found) {
  if (row > 0) {
    if (m_row_diagnostics >= k_max_row_diagnostics) {
      ++m_row_diagnostics_left_out;
      return;
    }
    ++m_row_diagnostics;
  }
  model::Location where;
  where.file = m_file;
  where.sheet = m_sheet;
  if (row > 0 && column) where.cell = model::CellRef{row - 1, static_cast<std::uint32_t>(*column)};
  if (row > 0 && !column) where.line = static_cast<int>(row);
  m_report.diagnostics.push_back(
      model::Diagnostic{severity, std::move(where), std::move(message), std::move(found), std::move(hint)});
}

void SurveyTally::add_row(const ExportRow& row) {
  const auto cell = [&](std::optional<std::size_t> c) -> std::string_view {
    return c && *c < row.cells.size() ? ingest::trim_spaces(row.cells[*c]) : std::string_view();
  };
  if (std::all_of(row.cells.begin(), row.cells.end(),
                  [](const std::string& c) { return ingest::trim_spaces(c).empty(); })) {
    return;
  }
  ++m_report.rows;
  Respondent r;
  r.row = row.number;
  if (m_map->time_column) {
    const auto text = cell(m_map->time_column);
    const auto t = parse_answer_time(text);
    if (!t) {
      ++m_report.invalid;
      diagnose(model::Severity::error, row.number, m_map->time_column, "время ответа не распознано: ответ не учтён",
               "время записывается как «2025-05-14 09:12:33» или «14.05.2025 9:12:33»; скачайте выгрузку заново",
               std::string(text));
      return;
    }
    r.time = t->time_since_epoch().count();
    const auto period = answer_period(m_periodicity, *t);
    if (period.id != m_period.id) {
      ++m_report.other_period;
      ++m_report.other_periods[period.id];
      return;
    }
  }
  const auto school_text = cell(m_map->school_column);
  if (school_text.empty()) {
    ++m_report.unmatched;
    diagnose(model::Severity::error, row.number, m_map->school_column, "не указана школа: ответ не учтён",
             "ответ без названия школы отнести некому");
    return;
  }
  const auto match = m_matcher.match(school_text);
  if (match.kind == SchoolMatch::Kind::unmatched) {
    ++m_report.unmatched;
    diagnose(model::Severity::error, row.number, m_map->school_column,
             "школа не найдена в реестре: ответ не учтён",
             "если это школа района, добавьте это название в столбец aliases её строки реестра школ (несколько "
             "названий — через «|») и запустите снова",
             std::string(school_text));
    return;
  }
  if (match.kind == SchoolMatch::Kind::ambiguous) {
    ++m_report.ambiguous;
    diagnose(model::Severity::error, row.number, m_map->school_column,
             "название подходит нескольким школам (" + school_list(m_registry, match.candidates) + "): ответ не учтён",
             "добавьте это название в столбец aliases строки нужной школы в реестре и запустите снова",
             std::string(school_text));
    return;
  }
  r.school = static_cast<std::uint32_t>(match.school);
  auto& names = m_report.schools[match.school];
  if (names.size() < k_max_names_per_school || names.contains(std::string(school_text))) ++names[std::string(school_text)];

  bool bad = false;
  for (std::size_t q = 0; q < m_survey.questions.size(); ++q) {
    const auto a = read_answer(m_survey.questions[q], m_map->questions[q], row.cells, m_choice_keys[q], m_counted_keys[q]);
    if (a.problem) {
      bad = true;
      diagnose(model::Severity::error, row.number, a.column, *a.problem + ": ответ не учтён",
               "если вариант в форме переименован или добавлен, внесите его в choices вопроса «" +
                   m_survey.questions[q].id + "» в методике",
               a.found);
    } else if (a.counted) {
      r.counted |= std::uint64_t{1} << q;
    }
  }
  if (bad) {
    ++m_report.invalid;
    return;
  }
  if (const auto id = cell(m_map->id_column); !id.empty()) r.id_hash = hash_of(id);
  std::string email;
  if (const auto e = cell(m_map->email_column); !e.empty()) {
    email = util::lower_text(e);
    r.email_hash = hash_of(email);
  }
  ++m_report.counted;
  admit(r, email);
}

void SurveyTally::point(Undo::Kind kind, std::uint64_t key, std::uint32_t index) {
  auto& map = kind == Undo::Kind::id ? m_by_id : m_by_email;
  const auto [it, fresh] = map.try_emplace(key, index);
  if (fresh) return;  // take_back() finds it by the record's own keys
  m_undo.push_back({kind, key, it->second});
  it->second = index;
}

// Keeps `r` as a respondent unless an earlier answer of the same person (same
// answer id, or same e-mail) is later than it; the later of the two counts.
void SurveyTally::admit(Respondent r, std::string_view email) {
  r.file = m_file_index;
  std::optional<std::uint32_t> seen;
  bool by_id = false;
  if (r.id_hash != 0) {
    if (const auto it = m_by_id.find(r.id_hash); it != m_by_id.end()) {
      seen = it->second;
      by_id = true;
    }
  }
  if (!seen && r.email_hash != 0) {
    if (const auto it = m_by_email.find(r.email_hash); it != m_by_email.end()) seen = it->second;
  }
  const auto index = static_cast<std::uint32_t>(m_respondents.size());
  if (!seen) {
    m_respondents.push_back(r);
    if (r.id_hash != 0) point(Undo::Kind::id, r.id_hash, index);
    if (r.email_hash != 0) point(Undo::Kind::email, r.email_hash, index);
    return;
  }
  ++m_report.duplicates;
  Respondent& earlier = m_respondents[*seen];
  const bool later_wins = r.time > earlier.time;
  if (by_id && earlier.file != m_file_index) {
    ++m_same_answers_in[earlier.file];  // the same answer downloaded twice: said once for the file
  } else if (by_id) {
    diagnose(model::Severity::warning, r.row, m_map->id_column,
             "ответ с тем же ID, что в " + where_row(earlier) + ": повтор учтён один раз");
  } else {
    diagnose(model::Severity::warning, r.row, m_map->email_column,
             "повторный ответ с того же адреса, что в " + where_row(earlier) + ": учтён один раз — " +
                 (later_wins ? "этот, более поздний" : "ответ в " + where_row(earlier) + ", более поздний"),
             "если это два разных педагога, проверьте адреса в форме", std::string(email));
  }
  if (!later_wins) return;
  earlier.active = false;
  m_undo.push_back({Undo::Kind::deactivated, 0, *seen});
  const auto earlier_id = earlier.id_hash;
  const auto earlier_email = earlier.email_hash;
  m_respondents.push_back(r);
  // Every key of either answer now leads to the one that counts.
  for (const auto key : {earlier_id, r.id_hash}) {
    if (key != 0) point(Undo::Kind::id, key, index);
  }
  for (const auto key : {earlier_email, r.email_hash}) {
    if (key != 0) point(Undo::Kind::email, key, index);
  }
}

void SurveyTally::take_back() {
  for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it) {
    if (it->kind == Undo::Kind::deactivated) {
      m_respondents[it->before].active = true;
      continue;
    }
    auto& map = it->kind == Undo::Kind::id ? m_by_id : m_by_email;
    map[it->key] = it->before;
  }
  m_undo.clear();
  // What is left of this file's keys was first seen in it.
  for (std::size_t i = m_first_respondent; i < m_respondents.size(); ++i) {
    for (auto* map : {&m_by_id, &m_by_email}) {
      const auto key = map == &m_by_id ? m_respondents[i].id_hash : m_respondents[i].email_hash;
      const auto it = map->find(key);
      if (key != 0 && it != map->end() && it->second >= m_first_respondent) map->erase(it);
    }
  }
  m_respondents.resize(m_first_respondent);
}

std::string SurveyTally::where_row(const Respondent& r) const {
  const std::string at = "строке " + std::to_string(r.row);
  return r.file != m_file_index ? at + " выгрузки «" + m_files[r.file] + "»" : at;
}

FileReport SurveyTally::end_file(bool ok) {
  if (!ok) {
    take_back();
    m_report.counted = 0;
    return std::move(m_report);
  }
  m_undo.clear();
  m_undo.shrink_to_fit();
  for (const auto& [other, n] : m_same_answers_in) {
    diagnose(model::Severity::warning, 0, std::nullopt,
             std::to_string(n) + " ответов этой выгрузки есть и в выгрузке «" + m_files[other] +
                 "» (те же ID): каждый учтён один раз",
             "выгрузки одной формы, скачанные в разные дни, пересекаются; можно оставить в папке только последнюю");
  }
  if (m_row_diagnostics_left_out > 0) {
    diagnose(model::Severity::warning, 0, std::nullopt,
             "ещё " + std::to_string(m_row_diagnostics_left_out) + " замечаний по строкам этой выгрузки не перечислены",
             "исправьте перечисленные и запустите снова, чтобы увидеть остальные");
  }
  // The file's own notes after its rows.
  const auto row_of = [](const model::Diagnostic& d) -> std::uint32_t {
    if (d.where.cell) return d.where.cell->row + 1;
    return d.where.line ? static_cast<std::uint32_t>(*d.where.line) : UINT32_MAX;
  };
  std::stable_sort(m_report.diagnostics.begin(), m_report.diagnostics.end(),
                   [&](const model::Diagnostic& a, const model::Diagnostic& b) { return row_of(a) < row_of(b); });
  return std::move(m_report);
}

std::vector<SchoolCounts> SurveyTally::counts() const {
  std::vector<SchoolCounts> out(m_registry.schools.size());
  for (auto& c : out) c.counted.assign(m_survey.questions.size(), 0);
  for (const auto& r : m_respondents) {
    if (!r.active) continue;
    auto& c = out[r.school];
    ++c.respondents;
    for (std::size_t q = 0; q < m_survey.questions.size(); ++q) {
      if (r.counted & (std::uint64_t{1} << q)) ++c.counted[q];
    }
  }
  return out;
}

}  // namespace survey
