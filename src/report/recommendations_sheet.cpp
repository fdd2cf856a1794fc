#include "report/recommendations_sheet.h"

#include <algorithm>
#include <array>

#include "report/analysis_view.h"
#include "report/text_rows.h"

namespace report {

namespace {

enum Col : lxw_col_t { c_school, c_direction, c_trigger, c_value, c_reference, c_gap, c_text };

constexpr std::array<double, 7> k_widths = {26, 20, 20, 10, 11, 11, 66};
constexpr lxw_row_t k_header_row = 3;

void write_header(SheetWriter& w, const Formats& f) {
  const std::array<const char*, 7> heads = {
      "ОО", "Направление", "Основание", "Значение ОО", "Ориентир", "Отклонение", "Рекомендация"};
  for (lxw_col_t c = 0; c < heads.size(); ++c) w.text(k_header_row, c, heads[c], f.header);
  w.row_height(k_header_row, 45);
}

// Sets the height of `row` for the tallest of its wrapped cells.
void fit_row(SheetWriter& w, lxw_row_t row,
             std::initializer_list<std::pair<std::string_view, Col>> cells) {
  double height = k_line_pt;
  for (const auto& [text, col] : cells) height = std::max(height, text_height(text, k_widths[col]));
  w.row_height(row, height);
}

}  // namespace

model::Expected<void> write_recommendations_sheet(const BookContext& ctx) {
  const auto& in = ctx.in;
  if (in.analysis == nullptr) return {};
  auto added = add_sheet(ctx.book, k_recommendations_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const lxw_col_t last = c_text;
  double total_width = 0;
  for (lxw_col_t c = 0; c <= last; ++c) {
    w.column_width(c, c, k_widths[c]);
    total_width += k_widths[c];
  }
  write_title_block(w, "Адресные рекомендации ОО", subtitle(in), f);
  write_paragraph(w, 2, 0, last,
                  "Рекомендации — по правилам методики и на каждый недостаток, на который они не ответили "
                  "(лист «Методика»). Значение, "
                  "ориентир (цель года, медиана по ОО или значение предыдущего периода — см. "
                  "«Основание») и отклонение — те, по которым сработало правило; отклонение — в "
                  "п.п. для долей. Фильтр по столбцам «ОО» и «Направление» покажет рекомендации одной ОО.",
                  total_width, f.note);
  write_header(w, f);

  lxw_row_t row = k_header_row + 1;
  for (const auto& school : in.analysis->recommendations) {
    const std::string name = school_name(in.registry, school.school_id);
    if (school.count() == 0) {
      w.text(row, c_school, name, f.text_wrap);
      w.merged(row, c_direction, row, last,
               "Рекомендаций нет: недостатков по показателям не выявлено.", f.text_wrap);
      fit_row(w, row, {{name, c_school}});
      ++row;
      continue;
    }
    for (const auto& direction : school.directions) {
      for (const auto& item : direction.items) {
        const TriggerFigures figures = trigger_figures(in, *in.analysis, school.school_id, item);
        const std::string trigger = trigger_label(in, item, figures);
        const std::string text = recommendation_text(in, *in.analysis, school, item);
        w.text(row, c_school, name, f.text_wrap);
        w.text(row, c_direction, direction.direction_name, f.text_wrap);
        w.text(row, c_trigger, trigger, f.text_wrap);
        write_trigger_figures(w, row, c_value, figures, f);
        w.text(row, c_text, text, f.text_wrap);
        fit_row(w, row, {{name, c_school}, {direction.direction_name, c_direction},
                         {trigger, c_trigger}, {text, c_text}});
        ++row;
      }
    }
  }
  row = autofilter_or_note(w, k_header_row, row, last, "Ни одна ОО не сдала форму, принятую к обработке.", f.text);
  finish_table_sheet(w, k_header_row, 1, "Рекомендации · " + model::display_name(in.summary.period));
  return w.status();
}

}  // namespace report
