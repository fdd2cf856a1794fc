#include "report/charts_sheet.h"

#include <algorithm>
#include <cmath>

#include "report/cell_text.h"

namespace report {

namespace {

constexpr lxw_col_t k_chart_col = 5;
constexpr double k_row_px = 20;
constexpr double k_chart_width_px = 620;
constexpr double k_name_width = 38;  // column B
constexpr std::size_t k_max_named_bars = 40;
// Estimated height of a sheet row in pixels, a little above the default 20.
constexpr double k_row_estimate_px = 22;
constexpr lxw_color_t k_bar_met = 0x70AD47;
constexpr lxw_color_t k_bar_not_met = 0xE06666;
constexpr lxw_color_t k_bar_neutral = 0x4472C4;
constexpr lxw_color_t k_bar_target = 0xA5A5A5;

// Where pages break: a block (table + chart) starts on a new page when it
// would not fit on the current one. Heights are estimates in pixels at 100 %;
// the page holds about this much at the fit-to-width scale of the sheet.
class PageBreaker {
 public:
  void place(lxw_row_t first_row, double height_px) {
    if (m_used > 0 && m_used + height_px > k_page_px) {
      m_breaks.push_back(first_row);
      m_used = 0;
    }
    m_used += height_px;
    while (m_used > k_page_px) m_used -= k_page_px;
  }
  void apply(SheetWriter& w) {
    if (m_breaks.empty()) return;
    if (m_breaks.size() > 1000) m_breaks.resize(1000);  // Excel's limit is 1,026
    m_breaks.push_back(0);  // libxlsxwriter wants a zero-terminated list
    w.check(worksheet_set_h_pagebreaks(w.raw(), m_breaks.data()), m_breaks.front(), 0,
            "разрывы страниц");
  }

 private:
  static constexpr double k_page_px = 700;
  double m_used = 90;  // the title block
  std::vector<lxw_row_t> m_breaks;
};

std::string percent_text(double percent) { return format_decimal(percent, 1) + " %"; }

void insert_chart(SheetWriter& w, lxw_row_t row, lxw_chart* chart, double height_px) {
  lxw_chart_options options{};
  options.x_scale = k_chart_width_px / 480.0;
  options.y_scale = height_px / 288.0;
  options.x_offset = 10;
  w.check(worksheet_insert_chart_opt(w.raw(), row, k_chart_col, chart, &options), row,
          k_chart_col, "диаграмму");
}

// Rows a chart of `height_px` covers at the default row height.
lxw_row_t chart_rows(double height_px) {
  return static_cast<lxw_row_t>(std::ceil(height_px / k_row_px)) + 1;
}

lxw_row_t write_plan_fact(SheetWriter& w, const BookContext& ctx, lxw_row_t row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  const int year = in.summary.period.year;
  w.merged(row, 0, row, 3, "План и факт: муниципальное значение и цель " + std::to_string(year) +
                               " года", f.section);
  ++row;
  std::vector<const model::IndicatorDef*> rows;
  for (const auto& ind : in.definition.indicators) {
    if (ind.kind != model::IndicatorKind::count && ind.target_for(year)) rows.push_back(&ind);
  }
  if (rows.empty()) {
    w.merged(row, 0, row, 3, "Целевых значений на " + std::to_string(year) + " год нет.",
             f.plain_wrap);
    return row + 2;
  }
  w.text(row, 0, "Код", f.header);
  w.text(row, 1, "Показатель", f.header);
  w.text(row, 2, "Муниципалитет", f.header);
  w.text(row, 3, "Цель", f.header);
  const lxw_row_t first = row + 1;
  for (const auto* ind : rows) {
    ++row;
    const aggregate::IndicatorStats* s = in.summary.stats(ind->id);
    w.text(row, 0, ind->code, f.centre);
    w.text(row, 1, ind->name, f.text_wrap);
    if (const int lines = wrapped_lines(ind->name, k_name_width); lines > 1) {
      w.row_height(row, 15.0 * lines);
    }
    if (s && s->municipal) {
      w.number(row, 2, *s->municipal / 100.0, f.percent);
    } else {
      w.blank(row, 2, f.percent);
    }
    w.number(row, 3, *ind->target_for(year) / 100.0, f.percent);
  }
  const lxw_row_t last = row;

  lxw_chart* chart = workbook_add_chart(ctx.book, LXW_CHART_COLUMN);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, first, k_chart_col, "диаграмму");
    return row + 2;
  }
  const std::pair<lxw_col_t, const char*> series[] = {{2, "Муниципалитет"}, {3, "Цель"}};
  for (const auto& [col, name] : series) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, w.name().c_str(), first, 0, last, 0);
    chart_series_set_values(s, w.name().c_str(), first, col, last, col);
    chart_series_set_name(s, name);
    lxw_chart_fill fill{};
    fill.color = col == 2 ? k_bar_neutral : k_bar_target;
    chart_series_set_fill(s, &fill);
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "0%");
  }
  chart_title_set_name(chart, ("План и факт, " + std::to_string(year) + " год").c_str());
  chart_axis_set_num_format(chart->y_axis, "0%");
  chart_axis_set_min(chart->y_axis, 0);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  const double height = 300;
  insert_chart(w, first - 1, chart, height);
  return std::max(last + 2, first - 1 + chart_rows(height));
}

struct Entry {
  std::string name;
  double value;
  aggregate::TargetStatus status;
};

lxw_row_t write_distribution(SheetWriter& w, const BookContext& ctx,
                             const model::IndicatorDef& ind, lxw_row_t row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  std::vector<Entry> entries;
  for (const auto& id : in.summary.school_ids) {
    const aggregate::SchoolValue* v = in.summary.value(id, ind.id);
    if (v && v->value && v->missing == aggregate::Missing::none) {
      entries.push_back({school_name(in.registry, id), *v->value, v->status});
    }
  }
  const bool lower = ind.better == model::Better::lower;
  std::stable_sort(entries.begin(), entries.end(), [lower](const Entry& a, const Entry& b) {
    return lower ? a.value < b.value : a.value > b.value;
  });
  const std::size_t absent = in.summary.school_ids.size() - entries.size();

  w.merged(row, 0, row, 3, "Показатель " + indicator_title(ind), f.section);
  w.row_height(row, 15.0 * wrapped_lines(indicator_title(ind), 70) + 3);
  ++row;
  const aggregate::IndicatorStats* s = in.summary.stats(ind.id);
  const auto target = ind.target_for(in.summary.period.year);
  std::string facts = std::string(lower ? "Лучше меньше." : "Лучше больше.");
  if (s && s->median) facts += " Медиана " + percent_text(*s->median) + ".";
  facts += target ? " Цель " + percent_text(*target) + "." : " Цель не задана.";
  if (absent > 0) facts += " Нет значения у " + std::to_string(absent) + " ОО (не показаны).";
  w.merged(row, 0, row, 3, facts, f.note);
  w.row_height(row, 15.0 * wrapped_lines(facts, 70));
  ++row;
  if (entries.empty()) {
    w.merged(row, 0, row, 3, "Нет ни одного значения.", f.plain_wrap);
    return row + 2;
  }
  w.text(row, 0, "№", f.header);
  w.text(row, 1, "ОО", f.header);
  w.text(row, 2, "Значение", f.header);
  const lxw_row_t first = row + 1;
  std::vector<lxw_chart_fill> fills(entries.size());
  std::vector<lxw_chart_point> points(entries.size());
  std::vector<lxw_chart_point*> point_list;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    ++row;
    w.number(row, 0, static_cast<double>(i + 1), f.integer);
    w.text(row, 1, entries[i].name, f.text_wrap);
    if (const int lines = wrapped_lines(entries[i].name, k_name_width); lines > 1) {
      w.row_height(row, 15.0 * lines);
    }
    w.number(row, 2, entries[i].value / 100.0, f.percent);
    fills[i].color = entries[i].status == aggregate::TargetStatus::met       ? k_bar_met
                     : entries[i].status == aggregate::TargetStatus::not_met ? k_bar_not_met
                                                                             : k_bar_neutral;
    points[i].fill = &fills[i];
    point_list.push_back(&points[i]);
  }
  point_list.push_back(nullptr);
  const lxw_row_t last = row;

  // Up to k_max_named_bars schools: horizontal bars with names and values.
  // More: vertical columns without labels, the shape of the distribution.
  const bool named = entries.size() <= k_max_named_bars;
  lxw_chart* chart = workbook_add_chart(ctx.book, named ? LXW_CHART_BAR : LXW_CHART_COLUMN);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, first, k_chart_col, "диаграмму");
    return row + 2;
  }
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, w.name().c_str(), first, 1, last, 1);
  chart_series_set_values(series, w.name().c_str(), first, 2, last, 2);
  chart_series_set_name(series, "Значение ОО");
  w.check(chart_series_set_points(series, point_list.data()), first, k_chart_col, "цвета столбцов");
  // Fixed prefix: a title starting with '=' would be read as a formula.
  chart_title_set_name(chart, ("Показатель " + ind.code + ": значения ОО").c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  double height = 320;
  if (named) {
    chart_series_set_labels(series);
    chart_series_set_labels_num_format(series, "0.0%");
    // In a bar chart y_axis is the category axis and x_axis the value axis.
    chart_axis_set_reverse(chart->y_axis);  // best first, at the top
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_axis_set_min(chart->x_axis, 0);
    chart_set_series_gap(chart, 50);
    height = std::max(220.0, 70.0 + 18.0 * static_cast<double>(entries.size()));
  } else {
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_NONE);
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_min(chart->y_axis, 0);
    chart_set_series_gap(chart, 10);
  }
  insert_chart(w, first - 1, chart, height);
  return std::max(last + 2, first - 1 + chart_rows(height));
}

}  // namespace

model::Expected<void> write_charts_sheet(const BookContext& ctx) {
  auto added = add_sheet(ctx.book, k_charts_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  w.column_width(0, 0, 7);
  w.column_width(1, 1, k_name_width);
  w.column_width(2, 3, 15);
  w.column_width(4, 4, 2);
  write_title_block(w, "Диаграммы: " + (ctx.in.definition.title.empty()
                                            ? std::string("результаты мониторинга")
                                            : ctx.in.definition.title),
                    subtitle(ctx.in), ctx.f);
  w.merged(2, 0, 2, 3,
           "Цвет столбцов: зелёный — цель достигнута, красный — не достигнута, синий — цель не "
           "задана.",
           ctx.f.note);
  PageBreaker pages;
  lxw_row_t row = 4;
  lxw_row_t next = write_plan_fact(w, ctx, row);
  pages.place(row, k_row_estimate_px * (next - row));
  for (const auto& ind : ctx.in.definition.indicators) {
    if (ind.kind != model::IndicatorKind::share) continue;
    row = next;
    next = write_distribution(w, ctx, ind, row);
    pages.place(row, k_row_estimate_px * (next - row));
  }
  pages.apply(w);

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Диаграммы · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
