#include "report/school_sheet.h"

#include <algorithm>

#include "report/cell_text.h"
#include "report/page_plan.h"
#include "report/school_analysis.h"
#include "report/school_chart.h"
#include "report/school_headline.h"
#include "report/school_layout.h"
#include "report/standing.h"
#include "report/text_rows.h"
#include "report/value_cells.h"

namespace report {

namespace {

std::string heading(SchoolCol id, const ReportInput& in) {
  switch (id) {
    case SchoolCol::code: return "Код";
    case SchoolCol::name: return "Показатель";
    case SchoolCol::numerator: return "Числитель";
    case SchoolCol::denominator: return "Знаменатель";
    case SchoolCol::value: return "Значение ОО";
    case SchoolCol::median: return "Медиана по ОО";
    case SchoolCol::standing: return "Положение среди ОО";
    case SchoolCol::municipal: return "Муниципалитет";
    case SchoolCol::target: return target_label(in);
    case SchoolCol::status: return "Статус";
    case SchoolCol::gap: return "Отклонение от цели";
    case SchoolCol::rank: return "Место среди ОО";
    case SchoolCol::deviation: return "Отклонение от медианы";
  }
  return {};
}

void write_header(SheetWriter& w, lxw_row_t row, const ReportInput& in, const SchoolLayout& layout,
                  const Formats& f) {
  for (lxw_col_t c = 0; c <= layout.last(); ++c) {
    w.text(row, c, heading(layout.columns()[c], in), f.header);
    w.column_width(c, c, layout.width(c));
  }
  w.row_height(row, 45);
}

// Gap to target or deviation from median: p.p. for shares, units for counts.
void write_difference(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                      const model::IndicatorDef& ind, const std::optional<double>& diff,
                      std::string_view reason, const Formats& f) {
  if (ind.kind == model::IndicatorKind::yesno) {
    w.dash(row, col, {}, f.dash);  // the notes under the table say why, once
  } else if (!diff) {
    w.dash(row, col, reason, f.dash);
  } else {
    w.number(row, col, *diff, ind.kind == model::IndicatorKind::share ? f.pp : f.signed_count);
  }
}

void write_indicator_row(SheetWriter& w, lxw_row_t row, const ReportInput& in,
                         const SchoolLayout& layout, const model::IndicatorDef& ind,
                         const std::string& school_id, const Formats& f) {
  const aggregate::SchoolValue* v = in.summary.value(school_id, ind.id);
  const aggregate::IndicatorStats* s = in.summary.stats(ind.id);
  const std::string no_value = missing_comment(v);
  const std::string no_stats = "Нет данных ни по одной ОО.";
  const bool has_value = v != nullptr && v->value && v->missing == aggregate::Missing::none;
  const auto target = ind.target_for(in.summary.period.year);
  for (lxw_col_t col = 0; col <= layout.last(); ++col) {
    switch (layout.columns()[col]) {
      case SchoolCol::code: w.text(row, col, ind.code, f.centre); break;
      case SchoolCol::name:
        w.text(row, col, ind.name, f.text_wrap);
        w.row_height(row, std::max(15.0, 13.0 * wrapped_lines(ind.name, layout.width(col)) + 3));
        break;
      case SchoolCol::numerator:
      case SchoolCol::denominator:
        if (ind.kind == model::IndicatorKind::share) {
          const bool num = layout.columns()[col] == SchoolCol::numerator;
          write_figure(w, row, col, model::IndicatorKind::count,
                       v ? (num ? v->numerator : v->denominator) : std::nullopt, f.count, f.dash,
                       no_value);
        } else {
          w.blank(row, col, f.text);
        }
        break;
      case SchoolCol::value: write_school_value(w, row, col, ind, v, f); break;
      case SchoolCol::median:
        if (ind.kind == model::IndicatorKind::yesno) {
          w.dash(row, col, {}, f.dash);
        } else {
          write_figure(w, row, col, ind.kind, s ? s->median : std::nullopt,
                       ind.kind == model::IndicatorKind::count ? f.decimal : f.percent, f.dash,
                       no_stats);
        }
        break;
      case SchoolCol::standing: {
        const auto st = has_value && s ? standing_of(ind, *v->value, *s) : std::nullopt;
        if (st) {
          w.text(row, col, standing_text(*st), f.centre_wrap);
        } else {
          // Counts and yes/no: the notes under the table say why, once.
          w.dash(row, col,
                 ind.kind != model::IndicatorKind::share ? std::string()
                 : !has_value                             ? no_value
                                                          : "Меньше 4 ОО со значением: четверти не выделяются.",
                 f.dash);
        }
        break;
      }
      case SchoolCol::municipal:
        write_figure(w, row, col, ind.kind, s ? s->municipal : std::nullopt,
                     value_format(f, ind.kind), f.dash, no_stats);
        break;
      case SchoolCol::target:
        write_figure(w, row, col, ind.kind, target, value_format(f, ind.kind), f.dash, {});
        break;
      case SchoolCol::status: {
        const auto status = v ? v->status : aggregate::TargetStatus::no_data;
        w.text(row, col, aggregate::status_name(status), status_format(f, status));
        break;
      }
      case SchoolCol::gap:
        write_difference(w, row, col, ind, v ? v->gap : std::nullopt, target ? no_value : std::string(),
                         f);
        break;
      case SchoolCol::rank:
        if (!ranked_indicator(ind)) {
          w.dash(row, col, {}, f.dash);  // the notes under the table say why, once
        } else if (v && v->rank && s) {
          w.text(row, col, std::to_string(*v->rank) + " из " + std::to_string(s->schools_with_value),
                 f.centre);
        } else {
          w.dash(row, col, no_value, f.dash);
        }
        break;
      case SchoolCol::deviation:
        write_difference(w, row, col, ind, v ? v->deviation : std::nullopt, no_value, f);
        break;
    }
  }
}

// The notes under the table. A «—» the same for every school (a yes/no
// indicator has no median, a count no place, a target is not set) is
// explained here, once and in print; a cell note says why only where the
// reason is the school's own (no value, a zero denominator).
lxw_row_t write_notes(SheetWriter& w, lxw_row_t row, const ReportInput& in, const SchoolLayout& layout,
                      const Formats& f) {
  const auto year = in.summary.period.year;
  bool has_count = false;
  bool has_yesno = false;
  bool count_target = false;
  bool target_missing = false;
  for (const auto& ind : in.definition.indicators) {
    const bool has_target = ind.target_for(year).has_value();
    has_count = has_count || ind.kind == model::IndicatorKind::count;
    has_yesno = has_yesno || ind.kind == model::IndicatorKind::yesno;
    count_target = count_target || (has_target && ind.kind == model::IndicatorKind::count);
    target_missing = target_missing || !has_target;
  }
  std::vector<std::string> notes;
  if (layout.has_targets()) {
    std::string note =
        "Статус — сравнение значения ОО с целевым значением года. Отклонение от цели и от медианы "
        "— в процентных пунктах (п.п.) для долей и в единицах показателя для количеств; знак «+» — "
        "выше, «−» — ниже. Для показателей «лучше меньше» хорошо, когда отклонение отрицательное.";
    if (target_missing) {
      note += " Где цели на " + std::to_string(year) + " год для показателя нет, в графах цели и "
              "отклонения от цели стоит «—».";
    }
    if (count_target) note += " Цель по количеству задана для муниципалитета в целом, а не для одной ОО.";
    notes.push_back(std::move(note));
  } else {
    notes.push_back(
        "Целевых значений на этот год в методике нет. Отклонение от медианы — в процентных пунктах "
        "(п.п.) для долей и в единицах показателя для количеств; знак «+» — выше, «−» — ниже.");
  }
  std::string places =
      "Положение среди ОО — по четвертям значений ОО: «в числе лучших 25 %», «лучше медианы», «на "
      "уровне медианы», «хуже медианы», «в нижней четверти» (с учётом того, что лучше — больше или "
      "меньше). Место: 1 — лучшее значение; ОО с одинаковым значением делят место.";
  if (has_count) places += " Количества зависят от размера ОО: места и положение по ним не определяются («—»).";
  if (has_yesno) {
    places += " Для показателей «да/нет» муниципальное значение — доля ОО, ответивших «Да»; медиана, "
              "положение, место и отклонения для них не вычисляются («—»).";
  }
  places += " В остальных случаях «—» — значения нет, причина — в примечании к ячейке.";
  notes.push_back(std::move(places));
  for (const auto& note : notes) row = write_paragraph(w, row, 0, layout.last(), note, layout.total_width(), f.plain_wrap);
  return row;
}

// The headline a director reads first (school_headline.h), over the full width.
lxw_row_t write_headline(SheetWriter& w, const BookContext& ctx, const std::string& school_id,
                         const SchoolLayout& layout, lxw_row_t row) {
  const auto lines = school_headline(ctx, school_id);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lxw_format* format = i == 0 && !ctx.in.summary.has_school(school_id) ? ctx.f.alert_wrap : ctx.f.label_wrap;
    row = write_paragraph(w, row, 0, layout.last(), lines[i], layout.total_width(), format);
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
  const SchoolLayout layout(in);
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
  const lxw_row_t header_row = write_headline(w, ctx, school_id, layout, 4) + 1;

  write_header(w, header_row, in, layout, f);
  lxw_row_t row = header_row + 1;
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
    // Between the header or an indicator row and the group's first indicator row.
    w.band(row, 0, layout.last(), direction_name(in.definition, group), f.group);
    ++row;
    for (const auto* ind : members) write_indicator_row(w, row++, in, layout, *ind, school_id, f);
  }
  // The notes print together; the chart with its data table prints on one
  // page; the analysis parts start on a new one.
  const bool repeat_header = in.analysis == nullptr;
  PagePlan plan(page_height_pt(layout.total_width()), repeat_header ? w.height_of(header_row) : 0);
  const lxw_row_t notes_row = row + 1;
  row = write_notes(w, notes_row, in, layout, f);
  plan.keep_together(notes_row, row - 1);
  const lxw_row_t chart_row = row + 1;
  const SchoolChart chart = write_school_chart(w, ctx, school_id, chart_row);
  row = chart.end;
  if (chart.drawn) {
    const lxw_row_t chart_last = rows_covering(w, chart.anchor_row, chart.height_px / k_px_per_pt);
    row = std::max(row, chart_last + 1);
    // From the blank row above: LibreOffice may place a chart a pixel or two
    // above its anchor row. The chart with its whole data table when they
    // fit on a page; else (a long table, Krymsk) at least the chart itself.
    plan.keep_together(chart_row - 1, row - 1);
    plan.keep_together(chart_row - 1, chart_last);
  }
  if (in.analysis != nullptr) {
    row += 1;
    plan.start_page(row);
    row = write_school_analysis(w, ctx, layout, school_id, row, plan);
  }
  plan.apply(w, row);

  // With the analysis parts the sheet holds several tables, each with its
  // own header: the indicator table's header would be wrong above them.
  finish_table_sheet(w, header_row, 2, name + " · " + model::display_name(in.summary.period),
                     repeat_header);
  return w.status();
}

}  // namespace report
