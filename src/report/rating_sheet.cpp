#include "report/rating_sheet.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "aggregate/statistics.h"
#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "report/analysis_view.h"
#include "report/cell_text.h"
#include "report/text_rows.h"
#include "util/text_case.h"

namespace report {

namespace {

constexpr lxw_row_t k_header_row = 4;
constexpr lxw_col_t k_rank_col = 0;
constexpr lxw_col_t k_name_col = 1;
constexpr lxw_col_t k_first_block_col = 2;
constexpr double k_block_width = 12;
// Named bars (36 px each) while the chart fits on one printed page; beyond,
// columns without names show the shape (the table has the names).
constexpr std::size_t k_max_named_bars = 18;
constexpr lxw_color_t k_bar_colour = 0x4472C4;

struct Columns {
  lxw_col_t total, share, level, group, last;
};

Columns columns_for(std::size_t blocks) {
  const auto total = static_cast<lxw_col_t>(k_first_block_col + blocks);
  return {total, static_cast<lxw_col_t>(total + 1), static_cast<lxw_col_t>(total + 2),
          static_cast<lxw_col_t>(total + 3), static_cast<lxw_col_t>(total + 3)};
}

std::string max_text(double computed, const std::optional<double>& declared) {
  std::string out = "макс. " + analysis::format_points(computed);
  if (declared && *declared != computed) {
    out += "; в методике " + analysis::format_points(*declared);
  }
  return out;
}

// Returns the header row's height in points.
double write_header(SheetWriter& w, const model::Rubric& rubric, const analysis::RubricResults& r,
                    const Columns& c, const Formats& f) {
  w.text(k_header_row, k_rank_col, "Место", f.header);
  w.text(k_header_row, k_name_col, "Образовательная организация", f.header);
  int lines = 3;
  for (std::size_t i = 0; i < rubric.blocks.size(); ++i) {
    const auto& b = rubric.blocks[i];
    std::string head = b.title + " (" + max_text(b.computed_max, b.declared_max);
    if (r.municipal.block_max(i) < b.computed_max) {
      head += "; оценивается " + analysis::format_points(r.municipal.block_max(i));
    }
    if (i < r.uniform_blocks.size() && r.uniform_blocks[i]) head += "; одинаково у всех ОО";
    head += ")";
    w.text(k_header_row, static_cast<lxw_col_t>(k_first_block_col + i), head, f.header);
    lines = std::max(lines, wrapped_lines(head, k_block_width));
  }
  w.text(k_header_row, c.total,
         "Итого баллов (" + max_text(rubric.computed_total, rubric.declared_total) + ")", f.header);
  w.text(k_header_row, c.share, "Доля максимума", f.header);
  w.text(k_header_row, c.level, "Уровень", f.header);
  w.text(k_header_row, c.group, "Группа по профилю показателей", f.header);
  const double height = std::min(200.0, 13.0 * lines + 6);
  w.row_height(k_header_row, height);
  return height;
}

void write_score_cells(SheetWriter& w, lxw_row_t row, const analysis::RubricScore& s,
                       const Columns& c, bool bold, const BookContext& ctx) {
  for (std::size_t i = 0; i < s.block_count(); ++i) {
    const double points = s.block_points(i);
    w.number(row, static_cast<lxw_col_t>(k_first_block_col + i), points, points_format(ctx.af, points, bold));
  }
  w.number(row, c.total, s.total, points_format(ctx.af, s.total, true));
  w.number(row, c.share, s.share / 100.0, bold ? ctx.af.percent_bold : ctx.f.percent);
  w.text(row, c.level, analysis::level_name(s.level), level_format(ctx.f, s.level));
}

// Median of the schools' points per block and in total.
void write_median_row(SheetWriter& w, lxw_row_t row, const analysis::RubricResults& r,
                      std::size_t blocks, const Columns& c, const BookContext& ctx) {
  const auto& f = ctx.f;
  w.merged(row, k_rank_col, row, k_name_col, "Медиана баллов ОО", f.stat_label);
  for (std::size_t i = 0; i < blocks; ++i) {
    std::vector<double> points;
    for (const auto& s : r.schools) {
      if (i < s.block_count()) points.push_back(s.block_points(i));
    }
    const auto median = aggregate::quantile_inc(points, 0.5);
    const auto col = static_cast<lxw_col_t>(k_first_block_col + i);
    if (median) {
      w.number(row, col, *median, points_format(ctx.af, *median, true));
    } else {
      w.dash(row, col, "Нет ОО с баллами.", f.stat_dash);
    }
  }
  if (r.school_median_total) {
    w.number(row, c.total, *r.school_median_total,
             points_format(ctx.af, *r.school_median_total, true));
    if (r.municipal.max > 0) {
      w.number(row, c.share, *r.school_median_total / r.municipal.max, ctx.af.percent_bold);
    } else {
      w.dash(row, c.share, "Максимум рубрики равен 0.", f.stat_dash);
    }
  } else {
    w.dash(row, c.total, "Нет ОО с баллами.", f.stat_dash);
    w.dash(row, c.share, "Нет ОО с баллами.", f.stat_dash);
  }
  w.dash(row, c.level, "Уровень медианы не определяется.", f.stat_dash);
  w.dash(row, c.group, "", f.stat_dash);
}

// Height in pixels of the chart for `n` schools: bars with room for
// two-line names, or a fixed-size column chart beyond k_max_named_bars.
double points_chart_height(std::size_t n) {
  if (n > k_max_named_bars) return 320;
  return std::max(240.0, 80.0 + 36.0 * static_cast<double>(n));
}

// «Баллы по ОО»: the totals of the table rows [first, last] as bars.
lxw_row_t write_points_chart(SheetWriter& w, const BookContext& ctx, lxw_row_t first,
                             lxw_row_t last, lxw_col_t total_col, lxw_row_t at, double min,
                             double max) {
  const std::size_t n = last - first + 1;
  const bool named = n <= k_max_named_bars;
  lxw_chart* chart = workbook_add_chart(ctx.book, named ? LXW_CHART_BAR : LXW_CHART_COLUMN);
  if (chart == nullptr) {
    w.check(LXW_ERROR_MEMORY_MALLOC_FAILED, at, 0, "диаграмму");
    return at;
  }
  lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(s, w.name().c_str(), first, k_name_col, last, k_name_col);
  chart_series_set_values(s, w.name().c_str(), first, total_col, last, total_col);
  chart_series_set_name(s, "Баллы");  // fixed text: a school name could start with '='
  lxw_chart_fill fill{};
  fill.color = k_bar_colour;
  chart_series_set_fill(s, &fill);
  chart_title_set_name(chart, "Баллы по ОО");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  const double height = points_chart_height(n);
  if (named) {
    chart_series_set_labels(s);
    chart_axis_set_reverse(chart->y_axis);  // the table's order: most points at the top
    // Every bar labelled: LibreOffice skips category labels that crowd.
    chart_axis_set_interval_unit(chart->y_axis, 1);
    chart_set_series_gap(chart, 50);
  } else {
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_NONE);
    chart_set_series_gap(chart, 10);
  }
  // The value axis runs from 0 (or the lowest total, «Показатели» may deduct)
  // to the rubric's maximum, in whole points when the maximum is small.
  lxw_chart_axis* values = named ? chart->x_axis : chart->y_axis;
  chart_axis_set_min(values, std::min(0.0, std::floor(min)));
  if (max > 0) chart_axis_set_max(values, max);
  if (max > 0 && max <= 20) chart_axis_set_major_unit(values, 1);
  chart_axis_set_num_format(values, "0");
  lxw_chart_options options{};
  options.x_scale = 760.0 / 480.0;
  options.y_scale = height / 288.0;
  options.x_offset = 5;
  options.y_offset = 5;
  w.check(worksheet_insert_chart_opt(w.raw(), at, k_name_col, chart, &options), at, k_name_col,
          "диаграмму");
  return at + static_cast<lxw_row_t>(height / 20.0) + 2;
}

}  // namespace

model::Expected<void> write_rating_sheet(const BookContext& ctx) {
  const auto& in = ctx.in;
  if (in.analysis == nullptr || !in.analysis->rubric || !in.definition.rubric) return {};
  const auto& r = *in.analysis->rubric;
  const auto& rubric = *in.definition.rubric;
  auto added = add_sheet(ctx.book, k_rating_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const Columns c = columns_for(rubric.blocks.size());

  double name_width = 26;
  for (const auto& s : r.schools) {
    name_width = std::max(name_width,
                          1.1 * static_cast<double>(utf16_length(school_name(in.registry, s.school_id))));
  }
  name_width = std::min(name_width, 40.0);
  w.column_width(k_rank_col, k_rank_col, 7);
  w.column_width(k_name_col, k_name_col, name_width);
  w.column_width(k_first_block_col, c.total - 1, k_block_width);
  w.column_width(c.total, c.total, 12);
  w.column_width(c.share, c.level, 11);
  w.column_width(c.group, c.group, 20);
  const double table_width = 7 + name_width + k_block_width * rubric.blocks.size() + 12 + 22 + 20;

  write_title_block(w, "Рейтинг ОО по баллам: " + (r.title.empty() ? "рубрика" : r.title),
                    subtitle(in), f);
  const std::string lead =
      "ОО — по убыванию суммы баллов; при равной сумме место общее. Уровень: высокий — не менее " +
      analysis::format_compact(rubric.levels.high, 1) + " % максимума, средний — не менее " +
      analysis::format_compact(rubric.levels.medium, 1) + " %, низкий — ниже. Высокий уровень — " +
      analysis::count_of_schools(r.schools_high) + ", средний — " +
      analysis::count_of_schools(r.schools_medium) + ", низкий — " +
      analysis::count_of_schools(r.schools_low) + ". Подробно по каждой ОО — на её листе.";
  write_paragraph(w, 2, 0, c.last, lead, table_width, f.note);
  const double header_pt = write_header(w, rubric, r, c, f);
  // Printed height so far, in points, to keep the chart off a page break.
  double used_pt = 21 + 15 + text_height(lead, table_width) + 15 + header_pt;

  std::vector<const analysis::RubricScore*> order;
  for (const auto& s : r.schools) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->total > b->total + 1e-9; });
  lxw_row_t row = k_header_row + 1;
  const lxw_row_t first = row;
  for (const auto* s : order) {
    const std::string name = school_name(in.registry, s->school_id);
    if (s->rank) {
      w.number(row, k_rank_col, *s->rank, f.integer);
    } else {
      w.dash(row, k_rank_col, "", f.dash);
    }
    w.text(row, k_name_col, name, f.text_wrap);
    const int lines = wrapped_lines(name, name_width);
    if (lines > 1) w.row_height(row, 15.0 * lines);
    used_pt += 15.0 * lines;
    write_score_cells(w, row, *s, c, false, ctx);
    const std::string group = cluster_name(*in.analysis, s->school_id);
    if (group.empty()) {
      w.dash(row, c.group, "ОО не вошла в группы: недостаточно данных (см. лист «Группы ОО»).",
             f.dash);
    } else {
      w.text(row, c.group, group, f.centre);
    }
    ++row;
  }
  const lxw_row_t last = row - 1;
  if (order.empty()) {
    w.merged(row, 0, row, c.last, "Ни одна ОО не сдала форму, принятую к обработке.", f.text);
    ++row;
  } else {
    w.check(worksheet_autofilter(w.raw(), k_header_row, 0, last, c.last), k_header_row, 0,
            "автофильтр");
  }

  ++row;
  w.merged(row, k_rank_col, row, k_name_col,
           util::upper_first(analysis::municipality_words(in.definition).nominative) +
               " (по муниципальным значениям)",
           f.stat_label);
  write_score_cells(w, row, r.municipal, c, true, ctx);
  w.dash(row, c.group, "", f.stat_dash);
  w.row_height(row, 30);
  ++row;
  write_median_row(w, row, r, rubric.blocks.size(), c, ctx);
  row += 2;
  const auto where = analysis::municipality_words(in.definition);
  std::string how =
      "Баллы " + where.genitive +
      " считаются по муниципальным значениям показателей и по доле ОО, ответивших "
      "«Да» (правила — на листе «Методика»); это не сумма и не среднее баллов ОО.";
  if (!r.level_note.empty()) how += " Уровень " + where.genitive + " — средний: " + r.level_note + ".";
  for (std::size_t i = 0; i < rubric.blocks.size() && i < r.uniform_blocks.size(); ++i) {
    if (r.uniform_blocks[i]) {
      how += " Блок «" + rubric.blocks[i].title + "» у всех ОО одинаков: он оценивает методику " + where.genitive +
             " (её показатели), а не работу ОО.";
    }
  }
  if (r.municipal.not_assessed > 0) {
    how += " Параметры, которым нужны данные предыдущего периода, пока не оцениваются: в баллы и максимум они не "
           "входят, доля максимума считается без них.";
  }
  row = write_paragraph(w, row, 0, c.last, how, table_width, f.note);
  used_pt += 15 + 30 + 15 + 30 + text_height(how, table_width) + 15;
  if (!order.empty()) {
    // The chart starts a new page when it would not fit on the current one
    // (pages after the first repeat the header row).
    const double page_pt = page_height_pt(table_width);
    double on_page = used_pt;
    while (on_page > page_pt) on_page -= page_pt - header_pt;
    if (on_page + points_chart_height(order.size()) * 0.75 > page_pt) {
      std::array<lxw_row_t, 2> breaks = {row + 1, 0};
      w.check(worksheet_set_h_pagebreaks(w.raw(), breaks.data()), row + 1, 0, "разрыв страницы");
    }
    write_points_chart(w, ctx, first, last, c.total, row + 1, order.back()->total,
                       r.municipal.max);
  }

  finish_table_sheet(w, k_header_row, k_first_block_col, "Рейтинг · " + model::display_name(in.summary.period));
  return w.status();
}

}  // namespace report
