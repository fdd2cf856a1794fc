#include "report/school_sheet.h"

#include <algorithm>
#include <array>

#include "report/cell_text.h"
#include "report/school_analysis.h"
#include "report/school_chart.h"
#include "report/value_cells.h"

namespace report {

namespace {

enum Col : lxw_col_t {
  c_code, c_name, c_num, c_den, c_value, c_median, c_municipal, c_target, c_status, c_gap,
  c_rank, c_deviation, c_count
};

constexpr lxw_row_t k_header_row = 4;
constexpr double k_name_width = 46;
constexpr lxw_row_t k_chart_rows = 18;  // school_chart.cpp: 1.15 × 288 px at 20 px a row

void write_header(SheetWriter& w, const ReportInput& in, const Formats& f) {
  const std::vector<std::pair<Col, std::string>> heads = {
      {c_code, "Код"},
      {c_name, "Показатель"},
      {c_num, "Числитель"},
      {c_den, "Знаменатель"},
      {c_value, "Значение ОО"},
      {c_median, "Медиана по ОО"},
      {c_municipal, "Муниципалитет"},
      {c_target, target_label(in)},
      {c_status, "Статус"},
      {c_gap, "Отклонение от цели"},
      {c_rank, "Место среди ОО"},
      {c_deviation, "Отклонение от медианы"},
  };
  for (const auto& [col, text] : heads) w.text(k_header_row, col, text, f.header);
  w.row_height(k_header_row, 45);
  w.column_width(c_code, c_code, 6);
  w.column_width(c_name, c_name, k_name_width);
  w.column_width(c_num, c_median, 11.5);
  w.column_width(c_municipal, c_municipal, 14);
  w.column_width(c_target, c_target, 11);
  w.column_width(c_status, c_status, 14);
  w.column_width(c_gap, c_deviation, 11.5);
}

// Gap to target or deviation from median: p.p. for shares, units for counts.
void write_difference(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                      const model::IndicatorDef& ind, const std::optional<double>& diff,
                      std::string_view reason, const Formats& f) {
  if (ind.kind == model::IndicatorKind::yesno) {
    w.dash(row, col, "Для показателя «да/нет» не вычисляется.", f.dash);
  } else if (!diff) {
    w.dash(row, col, reason, f.dash);
  } else {
    w.number(row, col, *diff, ind.kind == model::IndicatorKind::share ? f.pp : f.signed_count);
  }
}

void write_indicator_row(SheetWriter& w, lxw_row_t row, const ReportInput& in,
                         const model::IndicatorDef& ind, const std::string& school_id,
                         const Formats& f) {
  const aggregate::SchoolValue* v = in.summary.value(school_id, ind.id);
  const aggregate::IndicatorStats* s = in.summary.stats(ind.id);
  const std::string title = ind.name;
  w.text(row, c_code, ind.code, f.centre);
  w.text(row, c_name, title, f.text_wrap);
  w.row_height(row, std::max(15.0, 13.0 * wrapped_lines(title, k_name_width) + 3));

  const std::string no_value = missing_comment(v);
  if (ind.kind == model::IndicatorKind::share) {
    write_figure(w, row, c_num, model::IndicatorKind::count, v ? v->numerator : std::nullopt,
                 f.count, f.dash, no_value);
    write_figure(w, row, c_den, model::IndicatorKind::count, v ? v->denominator : std::nullopt,
                 f.count, f.dash, no_value);
  } else {
    w.blank(row, c_num, f.text);
    w.blank(row, c_den, f.text);
  }
  write_school_value(w, row, c_value, ind, v, f);

  const std::string no_stats = "Нет данных ни по одной ОО.";
  if (ind.kind == model::IndicatorKind::yesno) {
    w.dash(row, c_median, "Для показателя «да/нет» медиана не вычисляется.", f.dash);
  } else {
    write_figure(w, row, c_median, ind.kind, s ? s->median : std::nullopt,
                 ind.kind == model::IndicatorKind::count ? f.decimal : f.percent, f.dash, no_stats);
  }
  write_figure(w, row, c_municipal, ind.kind, s ? s->municipal : std::nullopt,
               value_format(f, ind.kind), f.dash, no_stats);
  if (ind.kind == model::IndicatorKind::yesno && s && s->municipal) {
    w.comment(row, c_municipal, "Доля ОО муниципалитета, ответивших «Да».");
  }
  const auto target = ind.target_for(in.summary.period.year);
  write_figure(w, row, c_target, ind.kind, target, value_format(f, ind.kind), f.dash,
               "Целевое значение на " + std::to_string(in.summary.period.year) +
                   " год не задано.");
  if (target && ind.kind == model::IndicatorKind::count) {
    w.comment(row, c_target, "Цель задана для муниципалитета в целом, а не для одной ОО.");
  }

  const auto status = v ? v->status : aggregate::TargetStatus::no_data;
  w.text(row, c_status, aggregate::status_name(status), status_format(f, status));
  write_difference(w, row, c_gap, ind, v ? v->gap : std::nullopt,
                   target ? no_value : "Целевое значение не задано.", f);
  if (v && v->rank && s) {
    w.text(row, c_rank,
           std::to_string(*v->rank) + " из " + std::to_string(s->schools_with_value), f.centre);
  } else {
    w.dash(row, c_rank, no_value, f.dash);
  }
  write_difference(w, row, c_deviation, ind, v ? v->deviation : std::nullopt, no_value, f);
}

lxw_row_t write_notes(SheetWriter& w, lxw_row_t row, const Formats& f) {
  const std::vector<std::string> notes = {
      "Статус — сравнение значения ОО с целевым значением года. Отклонение от цели и от медианы "
      "— в процентных пунктах (п.п.) для долей и в единицах показателя для количеств; знак «+» — "
      "выше, «−» — ниже. Для показателей «лучше меньше» хорошо, когда отклонение отрицательное.",
      "Место среди ОО: 1 — лучшее значение; ОО с одинаковым значением делят место. «—» — значения "
      "нет, причина — в примечании к ячейке.",
  };
  for (const auto& note : notes) {
    w.merged(row, c_code, row, c_deviation, note, f.plain_wrap);
    w.row_height(row, 15.0 * wrapped_lines(note, 150));
    ++row;
  }
  return row;
}

}  // namespace

model::Expected<void> write_school_sheet(const BookContext& ctx, const std::string& school_id,
                                         const std::string& sheet_name) {
  auto added = add_sheet(ctx.book, sheet_name);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  const model::School* school = in.registry.find(school_id);
  const std::string name = school_name(in.registry, school_id);

  write_title_block(w, "Результаты ОО: " + name, subtitle(in), f);
  if (school != nullptr && !school->full_name.empty() && school->full_name != name) {
    w.text(2, 0, school->full_name, f.subtitle);
  }
  if (ctx.has_summary) {
    w.link_to_sheet(3, 0, k_summary_sheet, "← К сводке по всем ОО", f.link_plain);
  } else if (!ctx.summary_file.empty()) {
    w.link_to_file(3, 0, ctx.summary_file, "← К сводке по всем ОО (книга результатов)",
                   f.link_plain);
  }
  const bool submitted =
      std::find(in.summary.school_ids.begin(), in.summary.school_ids.end(), school_id) !=
      in.summary.school_ids.end();
  if (!submitted) {
    w.text(3, c_name, "Форма ОО за этот период не принята: значений ОО нет.", f.status_not_met);
  }

  write_header(w, in, f);
  lxw_row_t row = k_header_row + 1;
  // Directions in definition order, then indicators without a known direction.
  std::vector<std::string> groups;
  for (const auto& d : in.definition.directions) groups.push_back(d.id);
  groups.push_back({});
  for (const auto& group : groups) {
    std::vector<const model::IndicatorDef*> members;
    for (const auto& ind : in.definition.indicators) {
      const bool known = in.definition.find_direction(ind.direction) != nullptr;
      if (group.empty() ? !known : ind.direction == group) members.push_back(&ind);
    }
    if (members.empty()) continue;
    w.merged(row, c_code, row, c_deviation, direction_name(in.definition, group), f.group);
    ++row;
    for (const auto* ind : members) write_indicator_row(w, row++, in, *ind, school_id, f);
  }
  row = write_notes(w, row + 1, f);
  const lxw_row_t chart_row = row + 1;
  row = write_school_chart(w, ctx, school_id, chart_row);
  if (in.analysis != nullptr) {
    // The chart (about 17 rows tall) may reach below its data table. The
    // analysis parts start on a new page.
    if (row != chart_row) row = std::max<lxw_row_t>(row, chart_row + k_chart_rows);
    row += 1;
    std::array<lxw_row_t, 2> breaks = {row, 0};
    w.check(worksheet_set_h_pagebreaks(w.raw(), breaks.data()), row, 0, "разрыв страницы");
    write_school_analysis(w, ctx, school_id, row);
  }

  // With the analysis parts the sheet holds several tables, each with its
  // own header: the indicator table's header would be wrong above them.
  finish_table_sheet(w, k_header_row, 2, name + " · " + model::display_name(in.summary.period), in.analysis == nullptr);
  return w.status();
}

}  // namespace report
