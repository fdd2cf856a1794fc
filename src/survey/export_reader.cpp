#include "survey/export_reader.h"

#include "util/plural.h"

namespace survey {

namespace {

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

model::Diagnostic file_note(model::Severity severity, const std::string& file, std::string message,
                            std::string hint = {}, std::string found = {}) {
  model::Location where;
  where.file = file;
  return model::Diagnostic{severity, std::move(where), std::move(message), std::move(found), std::move(hint)};
}

// The first few headers, for a message about a file that is not an export.
std::string first_headers(const std::vector<std::string>& header) {
  constexpr std::size_t k_shown = 4, k_max_bytes = 80;
  std::string out;
  std::size_t shown = 0;
  for (const auto& h : header) {
    if (h.empty()) continue;
    if (shown == k_shown) return out + "; …";
    std::size_t cut = std::min(h.size(), k_max_bytes);
    while (cut < h.size() && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80) --cut;  // not inside a letter
    out += (shown++ ? "; " : "") + h.substr(0, cut) + (cut < h.size() ? "…" : "");
  }
  return out;
}

std::string survey_titles(const model::Definition& def) {
  std::string out;
  for (const auto& s : def.surveys) out += (out.empty() ? "" : ", ") + in_quotes(s.title);
  return out;
}

constexpr util::NounForms k_answer_forms = {"ответ", "ответа", "ответов"};
std::string answers_word(int n) { return util::count_text(n, k_answer_forms); }

bool recognised(const HeaderMap& map, const model::SurveyDef& survey) {
  return map.school_column && static_cast<std::size_t>(map.found_questions) * 2 >= survey.questions.size();
}

}  // namespace

const model::SurveyDef* recognise_survey(const std::vector<std::string>& header, const model::Definition& definition) {
  const model::SurveyDef* best = nullptr;
  int best_score = 0;
  for (const auto& survey : definition.surveys) {
    const int score = header_score(header, survey);
    if (score > best_score) {
      best = &survey;
      best_score = score;
    }
  }
  return best != nullptr && recognised(match_header(header, *best), *best) ? best : nullptr;
}

std::optional<std::vector<std::string>> export_header(const std::filesystem::path& path, const ExportLimits& limits) {
  std::optional<std::vector<std::string>> header;
  const auto info = read_export(path, limits, [&](const ExportRow& row) {
    header = row.cells;
    return false;
  });
  if (!info) return std::nullopt;
  return header;
}

ExportReader::ExportReader(const model::Definition& definition, const model::Registry& registry,
                           const model::Period& period, ExportLimits limits)
    : m_definition(definition), m_registry(registry), m_period(period), m_limits(limits), m_matcher(registry) {
  for (const auto& s : definition.surveys) {
    m_tallies.push_back(std::make_unique<SurveyTally>(s, definition.periodicity, period, registry, m_matcher));
  }
}

ExportReader::~ExportReader() = default;

ExportRead ExportReader::read(const model::SourceFile& file) {
  ExportRead out;
  out.outcome.file = file;
  out.outcome.outcome = model::Outcome::rejected;
  out.outcome.questionnaire = true;
  auto& diagnostics = out.outcome.diagnostics;
  SurveyTally* tally = nullptr;
  bool header_seen = false;
  std::optional<model::Diagnostic> refusal;

  const auto recognise = [&]() -> bool {
    std::size_t best = 0;
    int best_score = 0;
    for (std::size_t i = 0; i < m_definition.surveys.size(); ++i) {
      const int score = header_score(out.header, m_definition.surveys[i]);
      if (score > best_score) {
        best = i;
        best_score = score;
      }
    }
    const auto& survey = m_definition.surveys[best];
    out.map = match_header(out.header, survey);
    const bool plausible = best_score > 0 && recognised(out.map, survey);
    if (!plausible) {
      const std::string whose = m_definition.surveys.size() == 1 ? "анкеты " + survey_titles(m_definition)
                                                                 : "ни одной из анкет методики (" + survey_titles(m_definition) + ")";
      refusal = file_note(model::Severity::error, file.name,
                          "это не выгрузка ответов " + whose + ": в первой строке найдено вопросов анкеты " +
                              std::to_string(out.map.found_questions) + " из " + std::to_string(survey.questions.size()) +
                              (out.map.school_column ? "" : ", вопроса о школе нет") +
                              " — похоже на выгрузку другой анкеты или другой файл",
                          "проверьте, что скачаны ответы нужной формы; если её вопросы переформулированы, укажите "
                          "заголовки столбцов в column у вопросов методики",
                          first_headers(out.header));
      return false;
    }
    out.survey = &survey;
    if (!out.map.errors.empty()) {
      for (const auto& e : out.map.errors) {
        diagnostics.push_back(file_note(model::Severity::error, file.name, e,
                                        "если вопрос в форме переформулирован, укажите заголовок его столбца в "
                                        "column = \"…\" у вопроса в методике; ответы выгрузки не учтены"));
      }
      return false;
    }
    tally = m_tallies[best].get();
    tally->begin_file(file.name, {}, out.map);
    return true;
  };

  auto info = read_export(file.path, m_limits, [&](const ExportRow& row) {
    if (!header_seen) {
      header_seen = true;
      out.header = row.cells;
      return recognise();
    }
    tally->add_row(row);
    return true;
  });
  if (tally != nullptr) {
    const bool ok = info.has_value();
    out.report = tally->end_file(ok);
    if (ok) out.info = *info;
  }
  if (!info) {
    diagnostics.insert(diagnostics.begin(), info.error());
    return out;
  }
  out.info = *info;
  if (refusal) {
    diagnostics.push_back(std::move(*refusal));
    return out;
  }
  if (!header_seen) {
    diagnostics.push_back(file_note(model::Severity::error, file.name, "в файле нет ни одной строки: ответов анкеты нет"));
    return out;
  }
  if (tally == nullptr) return out;  // the header's errors are in the diagnostics

  // Sheet names are known only now: the rows' locations get it.
  for (auto& d : out.report.diagnostics) d.where.sheet = info->sheet;
  const auto& r = out.report;
  const std::string period = model::display_name(m_period);
  std::vector<model::Diagnostic> head;
  if (r.rows == 0) {
    head.push_back(file_note(model::Severity::error, file.name, "в выгрузке нет ни одного ответа (только строка заголовков)",
                             "анкету ещё никто не заполнил, или скачан пустой файл: проверьте ответы в форме и скачайте их заново"));
  } else if (r.counted == 0 && r.other_period == r.rows) {
    std::string periods;
    for (const auto& [id, n] : r.other_periods) {
      const auto p = model::parse_period(id);
      periods += (periods.empty() ? "" : ", ") + (p ? model::display_name(*p) : id) + ": " + std::to_string(n);
    }
    out.outcome.outcome = model::Outcome::other_period;
    head.push_back(file_note(model::Severity::info, file.name,
                             "все ответы выгрузки — за другие периоды (" + periods + "); за " + period +
                                 " ответов нет: выгрузка не учитывается"));
  } else if (r.counted == 0) {
    head.push_back(file_note(model::Severity::error, file.name,
                             "ни один ответ выгрузки не учтён (" + answers_word(r.rows) + ", причины — в строках ниже)",
                             "исправьте названия школ в реестре (aliases) или варианты ответов в методике и запустите снова"));
  } else {
    out.outcome.outcome = model::Outcome::accepted;
    std::string note = "выгрузка анкеты " + in_quotes(out.survey->title) + " (" + service_name(out.map.service) + ", " +
                       describe(*info) + "): учтено " + answers_word(r.counted) + " из " + std::to_string(r.rows);
    if (r.other_period > 0) note += "; за другие периоды — " + std::to_string(r.other_period);
    const int problems = r.unmatched + r.ambiguous + r.invalid;
    if (problems > 0) note += "; не учтены из-за ошибок — " + std::to_string(problems);
    if (r.duplicates > 0) note += "; повторов, учтённых один раз, — " + std::to_string(r.duplicates);
    head.push_back(file_note(model::Severity::info, file.name, note));
  }
  diagnostics.insert(diagnostics.end(), head.begin(), head.end());
  diagnostics.insert(diagnostics.end(), out.report.diagnostics.begin(), out.report.diagnostics.end());
  return out;
}

std::vector<SurveyCounts> ExportReader::results() const {
  std::vector<SurveyCounts> out;
  for (std::size_t i = 0; i < m_tallies.size(); ++i) {
    out.push_back({&m_definition.surveys[i], m_tallies[i]->counts()});
  }
  return out;
}

}  // namespace survey
