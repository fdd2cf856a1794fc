#include "report/school_chart.h"

#include <algorithm>

#include "report/value_cells.h"

namespace report {

namespace {

constexpr lxw_col_t k_chart_col = 5;  // F: right of the data table
constexpr double k_name_width = 46;   // column B of the school sheet

lxw_chart_series* add_series(lxw_chart* chart, const std::string& sheet, lxw_row_t first,
                             lxw_row_t last, lxw_col_t col, const char* name, lxw_color_t colour) {
  lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(s, sheet.c_str(), first, 0, last, 0);
  chart_series_set_values(s, sheet.c_str(), first, col, last, col);
  chart_series_set_name(s, name);  // fixed text: never user input (a leading '=' is a formula)
  lxw_chart_fill fill{};
  fill.color = colour;
  chart_series_set_fill(s, &fill);
  return s;
}

}  // namespace

SchoolChart write_school_chart(SheetWriter& w, const BookContext& ctx, const std::string& school_id,
                               lxw_row_t first_row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  std::vector<const model::IndicatorDef*> shares;
  for (const auto& ind : in.definition.indicators) {
    if (ind.kind == model::IndicatorKind::share) shares.push_back(&ind);
  }
  if (shares.empty()) return {first_row};
  // Without a target for the year (Krymsk) no «Цель» column and no empty series.
  const int year = in.summary.period.year;
  const bool targets = std::any_of(shares.begin(), shares.end(),
                                   [&](const auto* ind) { return ind->target_for(year).has_value(); });
  const std::string title = targets ? "Доли: ОО, медиана по ОО и цель" : "Доли: ОО и медиана по ОО";

  lxw_row_t row = first_row;
  w.merged(row, 0, row, 4, title + " (данные диаграммы)", f.section);
  ++row;
  w.text(row, 0, "Код", f.header);
  w.text(row, 1, "Показатель", f.header);
  w.text(row, 2, "ОО", f.header);
  w.text(row, 3, "Медиана", f.header);
  if (targets) w.text(row, 4, "Цель", f.header);
  ++row;
  const lxw_row_t data_first = row;
  double largest = 0;
  for (const auto* ind : shares) {
    const aggregate::SchoolValue* v = in.summary.value(school_id, ind->id);
    const aggregate::IndicatorStats* s = in.summary.stats(ind->id);
    const bool has_value = v && v->value && v->missing == aggregate::Missing::none;
    // The category label says "нет данных" so an absent bar is not read as 0.
    w.text(row, 0, has_value ? ind->code : ind->code + " (нет данных)", f.centre);
    w.text(row, 1, ind->name, f.text_wrap);
    w.row_height(row, std::max(15.0, 13.0 * wrapped_lines(ind->name, k_name_width) + 3));
    const auto put = [&](lxw_col_t col, const std::optional<double>& x) {
      if (x) {
        w.number(row, col, *x / 100.0, f.percent);
        largest = std::max(largest, *x / 100.0);
      } else {
        w.blank(row, col, f.percent);
      }
    };
    put(2, has_value ? v->value : std::nullopt);
    put(3, s ? s->median : std::nullopt);
    if (targets) put(4, ind->target_for(year));
    ++row;
  }
  const lxw_row_t data_last = row - 1;

  lxw_chart* chart = workbook_add_chart(ctx.book, LXW_CHART_COLUMN);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, first_row, k_chart_col, "диаграмму");
    return {row};
  }
  lxw_chart_series* school = add_series(chart, w.name(), data_first, data_last, 2, "ОО", 0x4472C4);
  chart_series_set_labels(school);
  chart_series_set_labels_num_format(school, k_fmt_percent);
  add_series(chart, w.name(), data_first, data_last, 3, "Медиана по ОО", 0xA5A5A5);
  if (targets) add_series(chart, w.name(), data_first, data_last, 4, "Цель", 0x70AD47);
  chart_title_set_name(chart, title.c_str());
  chart_axis_set_num_format(chart->y_axis, k_fmt_percent_whole);
  chart_axis_set_min(chart->y_axis, 0);
  if (largest <= 1.0) chart_axis_set_max(chart->y_axis, 1.0);  // a share: to 100 %, not 120 %
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  lxw_chart_options options{};
  options.x_scale = 1.3;
  options.y_scale = 1.15;
  options.x_offset = 10;
  w.check(worksheet_insert_chart_opt(w.raw(), first_row, k_chart_col, chart, &options), first_row,
          k_chart_col, "диаграмму");
  return {row, true, first_row, 288.0 * options.y_scale};
}

}  // namespace report
