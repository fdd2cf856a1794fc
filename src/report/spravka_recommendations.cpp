#include "report/spravka_recommendations.h"

#include <map>

#include "analysis/analytical_summary.h"
#include "analysis/number_text.h"
#include "analysis/recommendation_groups.h"
#include "report/document_parts.h"
#include "util/text_case.h"

namespace report {

namespace {

// «3.1 (закрепление …)» for an indicator, the yes/no indicator over an input.
std::string subject_of(const model::Definition& def, const analysis::RecommendationGroup& g) {
  if (const auto* ind = def.find_indicator(g.indicator_id)) return analysis::indicator_short_label(*ind);
  for (const auto& ind : def.indicators) {
    if (ind.kind == model::IndicatorKind::yesno && ind.input == g.input_id) return analysis::indicator_short_label(ind);
  }
  return "«" + analysis::input_name(def, g.input_id) + "»";
}

}  // namespace

void write_recommendations(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings) {
  (void)settings;
  const auto& a = *in.analysis;
  const auto groups = analysis::group_recommendations(in.definition, in.summary, a);
  // How many there are is said on the first page; not again here.
  if (groups.empty()) {
    doc.paragraph(analysis::recommendation_count_text(a));
    return;
  }
  doc.paragraph("Каждая рекомендация названа один раз со всеми ОО, которых она касается; рекомендации "
                "каждой ОО с цифрами — на листе «Рекомендации» итоговой книги и в книге директора.");
  docx::Table t;
  t.widths_cm = {0.8, 3.4, 3.0, 4.6, 4.7};
  t.rows.push_back(docx::header_row({"№", "Показатель", "Что выявлено", "ОО (значение)", "Что сделать"}));
  int n = 0;
  std::map<std::string, int> exemplars_row;  // indicator -> the row that names its strong schools
  for (const auto& g : groups) {
    std::string what = analysis::advice_text(in.definition, a, g);
    if (!g.exemplars.empty()) {
      if (const auto named = exemplars_row.find(g.indicator_id); named != exemplars_row.end()) {
        what += " Опыт — см. п. " + std::to_string(named->second) + ".";
      } else {
        exemplars_row.emplace(g.indicator_id, n + 1);
        what += " Опыт: " + analysis::schools_with_values(in.definition, in.registry, in.summary, g, g.exemplars) +
                ".";
      }
    }
    t.rows.push_back({{docx::cell(std::to_string(++n), docx::Align::center),
                       docx::cell(subject_of(in.definition, g)),
                       docx::cell(util::upper_first(analysis::situation_text(in.definition, in.summary, g))),
                       docx::cell(analysis::schools_with_values(in.definition, in.registry, in.summary, g,
                                                                g.school_ids)),
                       docx::cell(what)}});
  }
  doc.table(t);
}

}  // namespace report
