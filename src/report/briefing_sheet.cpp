#include "report/briefing_sheet.h"

#include "analysis/analytical_summary.h"
#include "analysis/russian_words.h"
#include "report/analysis_view.h"
#include "report/document_parts.h"
#include "report/text_rows.h"

namespace report {

namespace {

constexpr double k_number_width = 5;
constexpr double k_text_width = 118;
constexpr double k_gap_pt = 6;  // space between paragraphs

}  // namespace

model::Expected<void> write_briefing_sheet(const BookContext& ctx) {
  const auto& in = ctx.in;
  if (in.analysis == nullptr) return {};
  auto added = add_sheet(ctx.book, k_briefing_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  w.column_width(0, 0, k_number_width);
  w.column_width(1, 1, k_text_width);
  write_title_block(w, "Аналитическая справка по итогам мониторинга", subtitle(in), f);
  lxw_row_t row = write_paragraph(
      w, 2, 0, 1,
      "Первые страницы аналитической справки (файл Word рядом с книгой): тот же текст и те же цифры, "
      "что на листах книги; проценты — с одним знаком после запятой. «Подробнее о результатах» в "
      "справке — в приложениях.",
      k_number_width + k_text_width, f.note);
  ++row;
  const auto parts = analysis::summary_parts(in.definition, in.registry, in.summary, *in.analysis, participation(in));
  for (const auto& [title, paragraphs] : analysis::summary_sections(parts)) {
    w.text(row, 1, title, f.label);
    ++row;
    for (const auto& paragraph : paragraphs) {
      row = write_paragraph(w, row, 1, 1, paragraph, k_text_width, f.plain_wrap);
      w.row_height(row, k_gap_pt);
      ++row;
    }
  }

  ++row;
  w.text(row++, 1, "Подробно:", f.label);
  std::vector<std::pair<const char*, std::string>> links;
  if (has_rating(in)) {
    links.emplace_back(k_rating_sheet,
                       "баллы ОО и " + analysis::municipality_words(in.definition).genitive + " по рубрике");
  }
  if (has_roadmap(in)) links.emplace_back(k_roadmap_sheet, "план и факт по показателям дорожной карты");
  if (has_dynamics(in)) links.emplace_back(k_dynamics_sheet, "изменения к прошлым периодам");
  links.emplace_back(k_clusters_sheet, "группы ОО и факторы");
  links.emplace_back(k_recommendations_sheet, "адресные рекомендации ОО");
  for (const auto& [sheet, what] : links) {
    w.link_to_sheet(row++, 1, sheet, "«" + std::string(sheet) + "» — " + what, f.link_plain);
  }

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Аналитическая справка · " + model::display_name(in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
