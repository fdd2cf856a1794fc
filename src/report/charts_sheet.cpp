#include "report/charts_sheet.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/cell_text.h"
#include "report/chart_blocks.h"
#include "report/conditional.h"
#include "report/text_rows.h"

namespace report {

namespace {

// The chart beside the table, in characters of column width (7 px each),
// with its 10 px offset: the printed width of the sheet is both.
constexpr double k_sheet_width = k_table_width + (k_chart_width_px + 10) / 7;
constexpr std::size_t k_max_named_bars = 40;
constexpr lxw_color_t k_bar_met = 0x70AD47;
constexpr lxw_color_t k_bar_near = 0xFFC000;
constexpr lxw_color_t k_bar_not_met = 0xE06666;
constexpr lxw_color_t k_bar_neutral = 0x4472C4;
constexpr lxw_color_t k_bar_target = 0xA5A5A5;

std::string percent_text(double percent) { return format_decimal(percent, 1) + " %"; }

lxw_row_t write_plan_fact(SheetWriter& w, const BookContext& ctx, PagePlan& plan, lxw_row_t row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  const int year = in.summary.period.year;
  const lxw_row_t first_row = row;
  row = chart_section(w, row, "План и факт: муниципальное значение и цель " + std::to_string(year) + " года", f);
  std::vector<const model::IndicatorDef*> rows;
  for (const auto& ind : in.definition.indicators) {
    if (ind.kind != model::IndicatorKind::count && ind.target_for(year)) rows.push_back(&ind);
  }
  if (rows.empty()) {
    w.merged(row, 0, row, 3, "Целевых значений на " + std::to_string(year) + " год нет.",
             f.plain_wrap);
    return row + 2;
  }
  row = chart_note(w, row, "Синий столбец — муниципальное значение (Σ числителей / Σ знаменателей), "
                     "серый — цель года.", f);
  w.text(row, 0, "Код", f.header);
  w.text(row, 1, "Показатель", f.header);
  w.text(row, 2, "Муниципалитет", f.header);
  w.text(row, 3, "Цель", f.header);
  const lxw_row_t header = row;
  const lxw_row_t first = row + 1;
  double largest = 0;
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
      largest = std::max(largest, *s->municipal / 100.0);
    } else {
      w.blank(row, 2, f.percent);
    }
    w.number(row, 3, *ind->target_for(year) / 100.0, f.percent);
    largest = std::max(largest, *ind->target_for(year) / 100.0);
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
    // Labels on the municipal bars only: two labels side by side over
    // narrow bars run into each other («12%12%»); the targets are in the table.
    if (col == 2) {
      chart_series_set_labels(s);
      chart_series_set_labels_num_format(s, k_fmt_percent_whole);
    }
  }
  chart_title_set_name(chart, ("План и факт, " + std::to_string(year) + " год").c_str());
  percent_axis(chart->y_axis, largest);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
  const double height = 300;
  insert_chart(w, header, chart, height);
  return finish_block(w, plan, first_row, last + 1, header, height).end;
}

struct Entry {
  std::string name;
  double value;
  lxw_color_t colour;
  int place;
};

// The same colours as the summary's traffic light (conditional.h).
lxw_color_t bar_colour(const aggregate::SchoolValue& v) {
  switch (v.status) {
    case aggregate::TargetStatus::met: return k_bar_met;
    case aggregate::TargetStatus::not_met:
      return v.gap && std::abs(*v.gap) < k_near_pp ? k_bar_near : k_bar_not_met;
    default: return k_bar_neutral;
  }
}

constexpr int k_band_pp = 5;
constexpr int k_bands = 100 / k_band_pp;

// The band of a share in %: [0, 5), [5, 10), ..., [95, 100] (the last one
// closed; a value past 100 % counts there too).
std::size_t band_of(double percent) {
  const int band = static_cast<int>(std::floor(percent / k_band_pp));
  return static_cast<std::size_t>(std::clamp(band, 0, k_bands - 1));
}

// The schools' values as counts per 5-point band: a table of the bands and
// a column chart of the counts.
lxw_row_t write_bands(SheetWriter& w, const BookContext& ctx, PagePlan& plan, const model::IndicatorDef& ind,
                      lxw_row_t first_row, lxw_row_t row, const std::vector<Entry>& entries) {
  const auto& f = ctx.f;
  std::vector<int> counts(k_bands, 0);
  for (const auto& e : entries) ++counts[band_of(e.value)];
  w.text(row, 1, "Значение", f.header);
  w.text(row, 2, "Число ОО", f.header);
  const lxw_row_t header = row;
  const lxw_row_t first = row + 1;
  for (int i = 0; i < k_bands; ++i) {
    ++row;
    const int lo = i * k_band_pp;
    const bool closed = i == k_bands - 1;
    w.text(row, 1, "от " + std::to_string(lo) + " % до " + std::to_string(lo + k_band_pp) + " %" +
                       (closed ? " включительно" : ""),
           f.text_wrap);
    w.number(row, 2, counts[static_cast<std::size_t>(i)], f.integer);
  }
  const lxw_row_t last = row;
  const auto [chart, series] = chart_of_table(w, ctx, LXW_CHART_COLUMN, first, last, "Число ОО");
  if (chart == nullptr) return row + 2;
  lxw_chart_fill fill{};
  fill.color = k_bar_neutral;
  chart_series_set_fill(series, &fill);
  chart_series_set_labels(series);
  chart_title_set_name(chart, ("Показатель " + ind.code + ": число ОО по значению").c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_num_format(chart->y_axis, k_fmt_count);
  chart_set_series_gap(chart, 20);
  const double height = 320;
  insert_chart(w, header, chart, height);
  return finish_block(w, plan, first_row, last + 1, header, height).end;
}

lxw_row_t write_distribution(SheetWriter& w, const BookContext& ctx, PagePlan& plan,
                             const model::IndicatorDef& ind, lxw_row_t row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  std::vector<Entry> entries;
  for (const auto& id : in.summary.school_ids) {
    const aggregate::SchoolValue* v = in.summary.value(id, ind.id);
    if (v && v->value && v->missing == aggregate::Missing::none) {
      entries.push_back({school_name(in.registry, id), *v->value, bar_colour(*v), v->rank.value_or(0)});
    }
  }
  const bool lower = ind.better == model::Better::lower;
  std::stable_sort(entries.begin(), entries.end(), [lower](const Entry& a, const Entry& b) {
    return lower ? a.value < b.value : a.value > b.value;
  });
  const std::size_t absent = in.summary.school_ids.size() - entries.size();

  const lxw_row_t first_row = row;
  row = chart_section(w, row, "Показатель " + indicator_title(ind), f);
  const aggregate::IndicatorStats* s = in.summary.stats(ind.id);
  const auto target = ind.target_for(in.summary.period.year);
  std::string facts = std::string(lower ? "Лучше меньше." : "Лучше больше.");
  if (s && s->median) facts += " Медиана " + percent_text(*s->median) + ".";
  facts += target ? " Цель " + percent_text(*target) + "." : " Цель не задана.";
  if (absent > 0) facts += " Нет значения у " + std::to_string(absent) + " ОО (не показаны).";
  const bool banded = entries.size() > k_max_listed_schools;
  // The caption names exactly the colours this chart uses.
  if (banded) {
    facts += " ОО со значением — " + std::to_string(entries.size()) + ", больше " +
             std::to_string(k_max_listed_schools) +
             ", поэтому столбец показывает, у скольких ОО значение в интервале шириной 5 п.п. "
             "(значение на границе — в верхнем интервале); значение каждой ОО — на листе «Сводка».";
  } else {
    facts += target ? " Цвет столбца: зелёный — цель достигнута, жёлтый — до цели меньше 5 п.п., "
                      "красный — цель не достигнута."
                    : " Все столбцы синие: без цели цвет не сравнивает с ней.";
  }
  row = chart_note(w, row, facts, f);
  if (entries.empty()) {
    w.merged(row, 0, row, 3, "Нет ни одного значения.", f.plain_wrap);
    return row + 2;
  }
  if (banded) return write_bands(w, ctx, plan, ind, first_row, row, entries);
  // The place as on the schools' sheets: equal values share it (1, 2, 2, 4).
  w.text(row, 0, "Место", f.header);
  w.text(row, 1, "ОО", f.header);
  w.text(row, 2, "Значение", f.header);
  const lxw_row_t header = row;
  const lxw_row_t first = row + 1;
  std::vector<lxw_chart_fill> fills(entries.size());
  std::vector<lxw_chart_point> points(entries.size());
  std::vector<lxw_chart_point*> point_list;
  double largest = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    ++row;
    if (entries[i].place > 0) {
      w.number(row, 0, entries[i].place, f.integer);
    } else {
      w.dash(row, 0, "", f.dash);
    }
    w.text(row, 1, entries[i].name, f.text_wrap);
    if (const int lines = wrapped_lines(entries[i].name, k_name_width); lines > 1) {
      w.row_height(row, 15.0 * lines);
    }
    w.number(row, 2, entries[i].value / 100.0, f.percent);
    largest = std::max(largest, entries[i].value / 100.0);
    fills[i].color = target ? entries[i].colour : k_bar_neutral;
    points[i].fill = &fills[i];
    point_list.push_back(&points[i]);
  }
  point_list.push_back(nullptr);
  const lxw_row_t last = row;

  // Up to k_max_named_bars schools: horizontal bars with names and values.
  // More: vertical columns without labels, the shape of the distribution.
  const bool named = entries.size() <= k_max_named_bars;
  const auto [chart, series] =
      chart_of_table(w, ctx, named ? LXW_CHART_BAR : LXW_CHART_COLUMN, first, last, "Значение ОО");
  if (chart == nullptr) return row + 2;
  w.check(chart_series_set_points(series, point_list.data()), first, k_chart_col, "цвета столбцов");
  // Fixed prefix: a title starting with '=' would be read as a formula.
  chart_title_set_name(chart, ("Показатель " + ind.code + ": значения ОО").c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  double height = 320;
  if (named) {
    chart_series_set_labels(series);
    chart_series_set_labels_num_format(series, k_fmt_percent);
    // In a bar chart y_axis is the category axis and x_axis the value axis.
    chart_axis_set_reverse(chart->y_axis);  // best first, at the top
    // Every school named: LibreOffice skips every other name when crowded.
    chart_axis_set_interval_unit(chart->y_axis, 1);
    percent_axis(chart->x_axis, largest);
    chart_set_series_gap(chart, 50);
    height = std::max(240.0, 70.0 + 22.0 * static_cast<double>(entries.size()));
  } else {
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_NONE);
    percent_axis(chart->y_axis, largest);
    chart_set_series_gap(chart, 10);
  }
  insert_chart(w, header, chart, height);
  return finish_block(w, plan, first_row, last + 1, header, height).end;
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
  PagePlan plan(page_height_pt(k_sheet_width));
  lxw_row_t row = write_plan_fact(w, ctx, plan, 3);
  for (const auto& ind : ctx.in.definition.indicators) {
    if (ind.kind != model::IndicatorKind::share) continue;
    row = write_distribution(w, ctx, plan, ind, row);
  }
  plan.apply(w, row);

  worksheet_freeze_panes(w.raw(), k_title_rows, 0);
  PageSetup page;
  page.footer_left = "Диаграммы · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
