#include "survey/export_summary.h"

#include <algorithm>

#include "model/cell_ref.h"
#include "util/plural.h"

namespace survey {

namespace {

constexpr std::size_t k_names_shown = 6;
constexpr util::NounForms k_answer_forms = {"ответ", "ответа", "ответов"};

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string column_label(const ExportRead& read, std::size_t c) {
  const std::string title = c < read.header.size() ? read.header[c] : std::string();
  return model::column_name(static_cast<std::uint32_t>(c)) + " " + in_quotes(title);
}

std::string what_counts(const model::SurveyQuestion& q) {
  switch (q.kind) {
    case model::QuestionKind::scale:
      return "шкала " + std::to_string(static_cast<int>(q.scale_min)) + "–" +
             std::to_string(static_cast<int>(q.scale_max)) + ", засчитывается от " +
             std::to_string(static_cast<int>(q.at_least));
    case model::QuestionKind::yesno:
      return "да/нет, засчитывается " + in_quotes(q.counted.empty() ? "Да" : q.counted.front());
    case model::QuestionKind::choice:
    case model::QuestionKind::checkbox: break;
  }
  std::string counted;
  for (const auto& c : q.counted) counted += (counted.empty() ? "" : ", ") + in_quotes(c);
  return std::string(q.kind == model::QuestionKind::checkbox ? "несколько вариантов" : "один вариант") +
         ", засчитывается " + (q.counted.size() > 1 ? "любой из: " : "") + counted;
}

}  // namespace

std::vector<std::string> describe_export(const ExportRead& read, const model::Registry& registry) {
  std::vector<std::string> out;
  if (read.survey == nullptr) return out;
  const auto& survey = *read.survey;
  const auto& map = read.map;
  out.push_back(read.outcome.file.name + ": выгрузка анкеты " + in_quotes(survey.title) + " (" +
                service_name(map.service) + ", " + describe(read.info) + ")");

  out.push_back("  столбцы:");
  std::vector<std::pair<std::size_t, std::string>> roles;
  if (map.id_column) roles.emplace_back(*map.id_column, "номер ответа (ответ с тем же номером учитывается один раз)");
  if (map.time_column) roles.emplace_back(*map.time_column, "время ответа (по нему — период)");
  if (map.email_column) roles.emplace_back(*map.email_column, "адрес (ответы с одного адреса учитываются один раз)");
  if (map.school_column) roles.emplace_back(*map.school_column, "школа");
  for (std::size_t q = 0; q < survey.questions.size() && q < map.questions.size(); ++q) {
    const auto& question = survey.questions[q];
    const auto& columns = map.questions[q];
    const std::string what = "вопрос " + question.id + " (" + what_counts(question) + ")";
    if (columns.column) roles.emplace_back(*columns.column, what);
    for (const auto& [c, choice] : columns.options) {
      roles.emplace_back(c, "вопрос " + question.id + ", вариант " + in_quotes(question.choices[choice]));
    }
    for (const auto c : columns.unknown_options) {
      roles.emplace_back(c, "вопрос " + question.id + ", вариант, которого нет в методике (отмеченный — ошибка)");
    }
  }
  for (const auto c : map.unused) roles.emplace_back(c, "не используется");
  std::sort(roles.begin(), roles.end());
  for (const auto& [c, what] : roles) out.push_back("    " + column_label(read, c) + " — " + what);

  const auto& r = read.report;
  out.push_back("  строк с ответами: " + std::to_string(r.rows) + "; учтено: " + std::to_string(r.counted) +
                "; школа не найдена: " + std::to_string(r.unmatched) + "; подходит нескольким школам: " +
                std::to_string(r.ambiguous) + "; ответ вне вариантов или время не прочитано: " +
                std::to_string(r.invalid) + "; повторы: " + std::to_string(r.duplicates));
  if (!r.schools.empty()) out.push_back("  строки по школам:");
  for (const auto& [index, names] : r.schools) {
    int rows = 0;
    for (const auto& [name, n] : names) rows += n;
    std::vector<std::pair<int, std::string>> by_count;
    for (const auto& [name, n] : names) by_count.emplace_back(-n, name);
    std::sort(by_count.begin(), by_count.end());
    std::string written;
    for (std::size_t i = 0; i < by_count.size() && i < k_names_shown; ++i) {
      written += (i ? ", " : "") + in_quotes(by_count[i].second) + " " + std::to_string(-by_count[i].first);
    }
    if (by_count.size() > k_names_shown) written += ", …";
    const auto& school = registry.schools[index];
    out.push_back("    " + school.id + " " + school.short_name + " — " + util::count_text(rows, k_answer_forms) +
                  ": " + written);
  }
  if (!r.other_periods.empty()) {
    std::string periods;
    for (const auto& [id, n] : r.other_periods) {
      const auto p = model::parse_period(id);
      periods += (periods.empty() ? "" : ", ") + (p ? model::display_name(*p) : id) + " — " + std::to_string(n);
    }
    out.push_back("  ответы за другие периоды (не учтены): " + periods);
  }
  return out;
}

}  // namespace survey
