#include "report/trends_sheet.h"

#include <algorithm>

#include "model/period.h"
#include "report/page_plan.h"
#include "report/text_rows.h"
#include "report/value_cells.h"

namespace report {

namespace {

constexpr lxw_col_t k_chart_col = 4;
constexpr double k_chart_width_px = 560;
constexpr double k_chart_height_px = 250;
constexpr double k_table_width = 22 + 15 + 15 + 2; // columns A..D
constexpr double k_sheet_width = k_table_width + (k_chart_width_px + 10) / 7;

std::string period_name(const std::string &id) {
  const auto p = model::parse_period(id);
  return p ? model::display_name(*p) : id;
}

lxw_row_t write_indicator(SheetWriter &w, const BookContext &ctx,
                          PagePlan &plan, const model::IndicatorDef &ind,
                          const analysis::Trend &trend, lxw_row_t row) {
  const auto &f = ctx.f;
  const auto &periods = ctx.in.trends->periods;
  const lxw_row_t first_row = row;
  const std::string title = "Показатель " + indicator_title(ind);
  w.merged(row, 0, row, 2, title, f.section);
  w.row_height(row,
               17.0 * wrapped_lines(title, 0.85 * (k_table_width - 2)) + 4);
  ++row;
  const bool yesno = ind.kind == model::IndicatorKind::yesno;
  w.text(row, 0, "Период", f.header);
  w.text(row, 1, yesno ? "Доля ОО с «Да»" : "Муниципалитет", f.header);
  w.text(row, 2, "Медиана по ОО", f.header);
  w.row_height(row, 30);
  const lxw_row_t header = row;
  const lxw_row_t first = row + 1;
  double largest = 0;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    ++row;
    w.text(row, 0, period_name(periods[i]), f.text);
    write_figure(w, row, 1, ind.kind, trend.municipal[i],
                 value_format(f, ind.kind), f.dash,
                 "Нет значения за этот период.");
    if (yesno) {
      w.dash(row, 2, "Для показателя «да/нет» медиана не вычисляется.", f.dash);
    } else {
      write_figure(w, row, 2, ind.kind, trend.median[i],
                   ind.kind == model::IndicatorKind::count ? f.decimal
                                                           : f.percent,
                   f.dash, "Нет значений ОО за этот период.");
    }
    for (const auto &v : {trend.municipal[i], trend.median[i]}) {
      if (v)
        largest = std::max(largest, cell_number(ind.kind, *v));
    }
  }
  const lxw_row_t last = row;

  lxw_chart *chart = workbook_add_chart(ctx.book, LXW_CHART_LINE);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, first, k_chart_col, "диаграмму");
    return row + 2;
  }
  const std::pair<lxw_col_t, const char *> series[] = {
      {1, yesno ? "Доля ОО с «Да»" : "Муниципалитет"}, {2, "Медиана по ОО"}};
  for (const auto &[col, name] : series) {
    if (yesno && col == 2)
      continue;
    lxw_chart_series *s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, w.name().c_str(), first, 0, last, 0);
    chart_series_set_values(s, w.name().c_str(), first, col, last, col);
    chart_series_set_name(s, name); // fixed text: never user input
    chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
    lxw_chart_line line{};
    line.color = col == 1 ? 0x4472C4 : 0xA5A5A5;
    line.width = 2.25;
    chart_series_set_line(s, &line);
  }
  chart_title_set_name(chart,
                       ("Показатель " + ind.code + " по периодам").c_str());
  if (ind.kind == model::IndicatorKind::count) {
    chart_axis_set_num_format(chart->y_axis, k_fmt_count);
  } else {
    chart_axis_set_num_format(chart->y_axis, k_fmt_percent_whole);
    if (largest <= 1.0)
      chart_axis_set_max(chart->y_axis, 1.0);
  }
  chart_axis_set_min(chart->y_axis, 0);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  lxw_chart_options options{};
  options.x_scale = k_chart_width_px / 480.0;
  options.y_scale = k_chart_height_px / 288.0;
  options.x_offset = 10;
  w.check(
      worksheet_insert_chart_opt(w.raw(), header, k_chart_col, chart, &options),
      header, k_chart_col, "диаграмму");
  const lxw_row_t chart_last =
      rows_covering(w, header, k_chart_height_px / k_px_per_pt);
  const lxw_row_t end = std::max(last + 1, chart_last + 1) + 1;
  plan.keep_together(first_row, end - 1);
  return end;
}

} // namespace

bool has_trends(const ReportInput &in) {
  return in.trends != nullptr && in.trends->shown();
}

model::Expected<void> write_trends_sheet(const BookContext &ctx) {
  if (!has_trends(ctx.in))
    return {};
  auto added = add_sheet(ctx.book, k_trends_sheet);
  if (!added)
    return std::unexpected(added.error());
  SheetWriter &w = *added;
  w.column_width(0, 0, 22);
  w.column_width(1, 2, 15);
  w.column_width(3, 3, 2);
  const auto &t = *ctx.in.trends;
  write_title_block(w, "Тренды: показатели по периодам", subtitle(ctx.in),
                    ctx.f);
  const std::string lead =
      "Муниципальное значение и медиана по ОО за " +
      std::to_string(t.periods.size()) + " периодов из истории запусков, от " +
      period_name(t.periods.front()) + " до " + period_name(t.periods.back()) +
      ". Пропуск на линии — значения за период нет.";
  lxw_row_t row =
      write_paragraph(w, 2, 0, 2, lead, k_table_width, ctx.f.note) + 1;
  PagePlan plan(page_height_pt(k_sheet_width));
  for (const auto &ind : ctx.in.definition.indicators) {
    if (const analysis::Trend *trend = t.find(ind.id)) {
      row = write_indicator(w, ctx, plan, ind, *trend, row);
    }
  }
  plan.apply(w, row);

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Тренды · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

} // namespace report
