#include "report/chart_blocks.h"

#include <algorithm>

#include "report/formats.h"
#include "report/text_rows.h"

namespace report {

void insert_chart(SheetWriter& w, lxw_row_t row, lxw_chart* chart, double height_px) {
  lxw_chart_options options{};
  options.x_scale = k_chart_width_px / 480.0;
  options.y_scale = height_px / 288.0;
  options.x_offset = 10;
  w.check(worksheet_insert_chart_opt(w.raw(), row, k_chart_col, chart, &options), row,
          k_chart_col, "диаграмму");
}

void percent_axis(lxw_chart_axis* axis, double largest_fraction) {
  chart_axis_set_num_format(axis, k_fmt_percent_whole);
  chart_axis_set_min(axis, 0);
  if (largest_fraction <= 1.0) chart_axis_set_max(axis, 1.0);
}

lxw_row_t chart_section(SheetWriter& w, lxw_row_t row, const std::string& title, const Formats& f) {
  w.merged(row, 0, row, 3, title, f.section);
  w.row_height(row, 17.0 * wrapped_lines(title, 0.85 * (k_table_width - 2)) + 4);
  return row + 1;
}

lxw_row_t chart_note(SheetWriter& w, lxw_row_t row, const std::string& text, const Formats& f) {
  w.merged(row, 0, row, 3, text, f.note);
  w.row_height(row, 12.0 * wrapped_lines(text, 1.15 * (k_table_width - 2)) + 3);
  return row + 1;
}

Block finish_block(SheetWriter& w, PagePlan& plan, lxw_row_t first, lxw_row_t table_end,
                   lxw_row_t chart_row, double chart_px) {
  const lxw_row_t chart_last = rows_covering(w, chart_row, chart_px / k_px_per_pt);
  const lxw_row_t end = std::max(table_end, chart_last + 1) + 1;
  plan.keep_together(first, end - 1);
  return {first, end};
}

TableChart chart_of_table(SheetWriter& w, const BookContext& ctx, uint8_t type, lxw_row_t first,
                          lxw_row_t last, const char* name) {
  lxw_chart* chart = workbook_add_chart(ctx.book, type);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, first, k_chart_col, "диаграмму");
    return {};
  }
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, w.name().c_str(), first, 1, last, 1);
  chart_series_set_values(series, w.name().c_str(), first, 2, last, 2);
  chart_series_set_name(series, name);
  return {chart, series};
}

}  // namespace report
