#include "report/school_analysis.h"

#include <algorithm>

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "report/analysis_view.h"
#include "report/dynamics_table.h"
#include "report/text_rows.h"
#include "util/text_case.h"

namespace report {

namespace {

// Column widths of the school sheet (school_sheet.cpp): A 6, B 46, C..F
// 11.5, G 14, H 11, I 14, J..L 11.5.
constexpr lxw_col_t k_last_col = 11;
constexpr double k_name_width = 46;
constexpr double k_sheet_width = 6 + 46 + 4 * 11.5 + 14 + 11 + 14 + 3 * 11.5;
constexpr lxw_col_t k_note_first = 5;  // F..L: explanations of points
constexpr double k_note_width = 11.5 + 14 + 11 + 14 + 3 * 11.5;
constexpr lxw_col_t k_text_last = 5;   // recommendation text: B..F
constexpr double k_text_width = 46 + 4 * 11.5;

lxw_row_t section(SheetWriter& w, lxw_row_t row, std::string_view title, const Formats& f) {
  w.merged(row, 0, row, k_last_col, title, f.section);
  w.row_height(row, 20);
  return row + 1;
}

std::string rubric_summary(const BookContext& ctx, const analysis::RubricScore& s,
                           const std::string& school_id) {
  const auto& a = *ctx.in.analysis;
  const auto& r = *a.rubric;
  std::string out = "Итого: " + analysis::format_points(s.total) + " из " +
                    analysis::format_points(s.max) + " баллов (" +
                    analysis::format_percent(s.share) + "), уровень «" +
                    analysis::level_name(s.level) + "».";
  const auto ranks = rubric_ranks(r);
  if (const auto it = ranks.find(school_id); it != ranks.end()) {
    out += " Место по баллам: " + std::to_string(it->second) + " из " +
           std::to_string(r.schools.size()) + ".";
  }
  const std::string group = cluster_name(a, school_id);
  out += group.empty() ? " Группа по показателям: не определена (недостаточно данных)."
                       : " Группа по показателям: «" + group + "».";
  out += " " + util::upper_first(analysis::municipality_words(ctx.in.definition).nominative) +
         ": " + analysis::format_points(r.municipal.total) + " из " +
         analysis::format_points(r.municipal.max);
  if (r.school_median_total) {
    out += "; медиана баллов ОО: " + analysis::format_points(*r.school_median_total);
  }
  return out + ".";
}

void fit(SheetWriter& w, lxw_row_t row, std::string_view name, std::string_view note) {
  const double h = std::max(text_height(name, k_name_width), text_height(note, k_note_width));
  if (h > k_line_pt) w.row_height(row, h);
}

lxw_row_t write_rubric(SheetWriter& w, const BookContext& ctx, const std::string& school_id,
                       lxw_row_t row) {
  const auto& f = ctx.f;
  const auto& af = ctx.af;
  const auto& r = *ctx.in.analysis->rubric;
  row = section(w, row, "Оценка по рубрике «" + r.title + "»", f);
  const analysis::RubricScore* s = r.of(school_id);
  if (s == nullptr) {
    return write_paragraph(w, row, 0, k_last_col,
                           "Баллы не начислялись: форма ОО за этот период не принята.",
                           k_sheet_width, f.plain_wrap);
  }
  row = write_paragraph(w, row, 0, k_last_col, rubric_summary(ctx, *s, school_id), k_sheet_width,
                        f.label);
  const lxw_row_t header = row;
  w.text(row, 0, "Код", f.header);
  w.text(row, 1, "Блок / позиция / параметр", f.header);
  w.text(row, 2, "Баллы", f.header);
  w.text(row, 3, "Максимум", f.header);
  w.text(row, 4, "Доля максимума", f.header);
  w.merged(row, k_note_first, row, k_last_col, "Пояснение", f.header);
  w.row_height(header, 30);
  ++row;
  for (const auto& b : s->blocks) {
    w.blank(row, 0, af.text_bold_grey);
    w.text(row, 1, b.title, af.text_bold_grey);
    w.number(row, 2, b.points, points_format(af, b.points, true));
    w.number(row, 3, b.max, points_format(af, b.max, true));
    if (b.max > 0) {
      w.number(row, 4, b.points / b.max, af.percent_bold);
    } else {
      w.dash(row, 4, "Максимум блока равен 0.", f.stat_dash);
    }
    const std::string declared =
        b.declared_max && *b.declared_max != b.max
            ? "В методике заявлен максимум " + analysis::format_points(*b.declared_max) +
                  ", по строкам блока — " + analysis::format_points(b.max) +
                  "; используется сумма по строкам."
            : std::string();
    w.merged(row, k_note_first, row, k_last_col, declared, af.text_bold_grey);
    fit(w, row, b.title, declared);
    ++row;
    for (const auto& p : b.positions) {
      w.text(row, 0, p.position_id, af.position_code);
      w.text(row, 1, p.name, af.indent1);
      w.number(row, 2, p.points, points_format(af, p.points));
      w.number(row, 3, p.max, points_format(af, p.max));
      w.blank(row, 4, f.text);
      w.merged(row, k_note_first, row, k_last_col, p.note, af.note_cell);
      fit(w, row, p.name, p.note);
      ++row;
      for (const auto& param : p.params) {
        w.blank(row, 0, f.text);
        w.text(row, 1, param.title, af.indent2);
        w.number(row, 2, param.points, points_format(af, param.points));
        w.number(row, 3, param.max, points_format(af, param.max));
        w.blank(row, 4, f.text);
        w.merged(row, k_note_first, row, k_last_col, param.note, af.note_cell);
        fit(w, row, param.title, param.note);
        ++row;
      }
    }
  }
  w.blank(row, 0, af.text_bold_grey);
  w.text(row, 1, "Итого", af.text_bold_grey);
  w.number(row, 2, s->total, points_format(af, s->total, true));
  w.number(row, 3, s->max, points_format(af, s->max, true));
  w.number(row, 4, s->share / 100.0, af.percent_bold);
  w.merged(row, k_note_first, row, k_last_col, "уровень «" + analysis::level_name(s->level) + "»",
           level_format(f, s->level));
  return row + 1;
}

lxw_row_t write_recommendations(SheetWriter& w, const BookContext& ctx,
                                const std::string& school_id, lxw_row_t row) {
  const auto& f = ctx.f;
  const auto& a = *ctx.in.analysis;
  const analysis::SchoolRecommendations* mine = nullptr;
  for (const auto& s : a.recommendations) {
    if (s.school_id == school_id) mine = &s;
  }
  const std::size_t count = mine ? mine->count() : 0;
  row = section(w, row, "Адресные рекомендации" + (count ? " (" + std::to_string(count) + ")"
                                                          : std::string()),
                f);
  if (count == 0) {
    return write_paragraph(w, row, 0, k_last_col,
                           mine ? "Рекомендаций нет: ни одно правило методики не сработало."
                                : "Рекомендаций нет: форма ОО за этот период не принята.",
                           k_sheet_width, f.plain_wrap);
  }
  w.text(row, 0, "№", f.header);
  w.merged(row, 1, row, k_text_last, "Рекомендация", f.header);
  w.text(row, 6, "Основание", f.header);
  w.text(row, 7, "Значение ОО", f.header);
  w.text(row, 8, "Ориентир", f.header);
  w.text(row, 9, "Отклонение", f.header);
  w.row_height(row, 30);
  ++row;
  int n = 0;
  for (const auto& d : mine->directions) {
    w.merged(row, 0, row, 9, d.direction_name, f.group);
    ++row;
    for (const auto& item : d.items) {
      const TriggerFigures figures = trigger_figures(ctx.in, a, school_id, item);
      const std::string trigger = trigger_label(ctx.in, item, figures);
      w.number(row, 0, ++n, f.integer);
      w.merged(row, 1, row, k_text_last, item.text, f.text_wrap);
      w.text(row, 6, trigger, f.text_wrap);
      write_trigger_figures(w, row, 7, figures, f);
      w.row_height(row, std::max(text_height(item.text, k_text_width), text_height(trigger, 14)));
      ++row;
    }
  }
  return row;
}

}  // namespace

lxw_row_t write_school_analysis(SheetWriter& w, const BookContext& ctx,
                                const std::string& school_id, lxw_row_t row) {
  if (ctx.in.analysis == nullptr) return row;
  if (has_rating(ctx.in)) row = write_rubric(w, ctx, school_id, row) + 1;
  row = write_recommendations(w, ctx, school_id, row) + 1;
  if (has_dynamics(ctx.in)) {
    row = section(w, row, "Динамика показателей ОО", ctx.f);
    row = write_dynamics_table(w, ctx, school_id, row, k_name_width) + 1;
  }
  return row;
}

}  // namespace report
