#include "report/spravka_recommendations.h"

#include <algorithm>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/recommendations.h"
#include "analysis/russian_words.h"
#include "report/document_parts.h"

namespace report {

namespace {

// Items as a list: "1) …;" and the last "…." (a methodist's list inside a section).
void list(docx::Document& doc, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    numbered(doc, std::to_string(i + 1) + ")", items[i] + (i + 1 == items.size() ? "." : ";"));
  }
}

std::vector<std::string> for_service(const ReportInput& in) {
  const auto& def = in.definition;
  const auto& a = *in.analysis;
  const auto f = analysis::find_findings(def, in.summary, a);
  const auto where = analysis::municipality_words(def);
  std::vector<std::string> items;
  for (const auto& dir : f.stalled) {
    items.push_back("выявить причины отсутствия положительной динамики и актуализировать "
                    "организационно-методическое сопровождение по направлению " +
                    analysis::direction_title(def, dir));
  }
  if (!f.behind_target.empty()) {
    std::vector<std::string> codes;
    for (const auto* row : f.behind_target) {
      if (const auto* ind = def.find_indicator(row->indicator_id)) codes.push_back(analysis::short_label(*ind));
    }
    items.push_back("спланировать мероприятия по достижению целевых значений " +
                    std::to_string(in.summary.period.year) + " года " +
                    (codes.size() == 1 ? "по показателю " : "по показателям ") + analysis::join_and(codes));
  }
  const auto& groups = a.clusters.clusters;
  if (groups.size() > 1) {
    items.push_back("организовать адресную методическую помощь ОО " + analysis::group_genitive(groups.back().name) +
                    " (" + schools_text(in, groups.back().school_ids) + ")");
    items.push_back("обобщить и распространить опыт ОО " + analysis::group_genitive(groups.front().name) + " (" +
                    schools_text(in, groups.front().school_ids) + ")");
  }
  if (a.rubric) {
    std::vector<const analysis::BlockScore*> weak;
    const auto blocks = a.rubric->municipal.blocks();
    for (const auto& b : blocks) {
      if (b.max > 0 && b.points < b.max) weak.push_back(&b);
    }
    std::stable_sort(weak.begin(), weak.end(), [](const auto* x, const auto* y) {
      return x->points / x->max < y->points / y->max - 1e-9;
    });
    if (!weak.empty()) {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < weak.size() && i < 2; ++i) names.push_back("«" + std::string(weak[i]->title) + "»");
      items.push_back("усилить работу " + where.genitive + " по " +
                      (names.size() == 1 ? "блоку рубрики " : "блокам рубрики ") + analysis::join_and(names) +
                      ", набравшим наименьшую долю баллов");
    }
  }
  if (!in.summary.without_form().empty()) {
    items.push_back("обеспечить представление форм мониторинга всеми ОО (нет принятой формы: " +
                    schools_text(in, in.summary.without_form()) + ")");
  }
  items.push_back("рассмотреть результаты мониторинга на заседании методического совета и "
                  "учесть их при планировании работы на следующий период");
  return items;
}

std::vector<std::string> for_directors(const ReportInput& in) {
  const auto where = analysis::municipality_words(in.definition);
  return {
      "рассмотреть результаты мониторинга и адресные рекомендации ОО на заседании педагогического "
      "(методического) совета",
      "включить в план методической работы ОО меры по показателям, по которым ОО отстаёт от целевых "
      "значений или от медианы по " + where.dative,
      "обеспечить своевременное и достоверное заполнение форм мониторинга",
  };
}

// A school's recommendations, most important first, with the missing
// documents said once («не подтверждено: «А», «Б» и «В»») instead of one
// identical sentence each — when the method uses the default wording.
std::vector<std::string> school_items(const ReportInput& in, const analysis::SchoolRecommendations& s) {
  const auto& def = in.definition;
  const bool default_texts = !def.rubric || def.rubric->recommendations.empty();
  std::vector<std::string> out;
  std::vector<std::string> documents;
  std::size_t documents_at = 0;
  for (const auto* r : s.ranked()) {
    if (!default_texts || r->when != model::RecommendationWhen::document_missing) {
      out.push_back(r->text);
      continue;
    }
    if (documents.empty()) documents_at = out.size();
    documents.push_back("«" + analysis::input_name(def, r->input_id) + "»");
  }
  if (!documents.empty()) {
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(documents_at),
               analysis::documents_missing_text(documents));
  }
  return out;
}

}  // namespace

void write_recommendations(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings) {
  const auto& a = *in.analysis;
  doc.heading(1, "Рекомендации");
  (void)settings;
  doc.heading(2, "Методической службе");
  list(doc, for_service(in));
  doc.heading(2, "Руководителям ОО");
  list(doc, for_directors(in));
  doc.heading(2, "Отдельным ОО");
  const int per_school = analysis::recommendation_settings(in.definition).per_school;
  // «не более» takes the genitive: «не более одной рекомендации», «не более 3 рекомендаций».
  const std::string most = per_school == 1 ? "одной рекомендации" : std::to_string(per_school) + " рекомендаций";
  doc.paragraph(analysis::recommendation_count_text(a) + " Для каждой ОО ниже названы не более " + most +
                " — самые важные; полный перечень с цифрами — на листе «Рекомендации» итоговой книги.");
  for (const auto& s : a.recommendations) {
    if (s.count() == 0) continue;
    std::string head = s.school_name;
    if (s.count() > static_cast<std::size_t>(per_school)) {
      head += " (всего " + analysis::count_text(static_cast<long>(s.count()), analysis::k_recommendation_forms) + ")";
    }
    doc.paragraph({docx::Span{head, true}}, docx::ParagraphFormat{}.keep());
    const auto items = school_items(in, s);
    for (std::size_t i = 0; i < items.size() && i < static_cast<std::size_t>(per_school); ++i) {
      numbered(doc, std::to_string(i + 1) + ")", items[i]);
    }
  }
}

}  // namespace report
