#include "report/school_analysis.h"

#include <algorithm>

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "report/analysis_view.h"
#include "report/dynamics_table.h"
#include "report/school_layout.h"
#include "report/text_rows.h"
#include "util/text_case.h"

namespace report {

namespace {

// The school sheet's columns (school_layout.h): at least A..J. The rubric
// table is B..H: its names in B (the indicators' names column), points,
// maximum and share in C..E, explanations over F..H (about 40 characters;
// longer ones wrap). Nothing bordered stands in A or right of H: an empty
// bordered column and padding merged to the sheet's right edge were a third
// of a director sheet's cells. A recommendation B..F, then its trigger and
// figures G..J.
constexpr lxw_col_t k_note_first = 5;
constexpr lxw_col_t k_note_last = 7;
constexpr lxw_col_t k_text_last = 5;
// A part's title, notes, table header and first rows stay on one page.
constexpr lxw_row_t k_title_rows_kept = 5;

lxw_row_t section(SheetWriter& w, const SchoolLayout& layout, lxw_row_t row, std::string_view title,
                  const Formats& f) {
  w.merged(row, 0, row, layout.last(), title, f.section);
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
  if (s.rank) {
    out += " Место по баллам: " + std::to_string(*s.rank) + " из " +
           std::to_string(r.schools.size()) + ".";
  }
  if (const auto* g = a.clusters.cluster_of(school_id)) {
    out += " Группа по профилю показателей: " + g->name + " (" + g->profile + ").";
  } else if (const auto* single = a.clusters.single_of(school_id)) {
    out += " Профиль показателей особый, ни на одну группу не похож (" + single->profile + ").";
  } else {
    out += " Группа по профилю показателей: не определена (недостаточно данных).";
  }
  out += " " + util::upper_first(analysis::municipality_words(ctx.in.definition).nominative) +
         ": " + analysis::format_points(r.municipal.total) + " из " +
         analysis::format_points(r.municipal.max);
  if (r.school_median_total) {
    out += "; медиана баллов ОО: " + analysis::format_points(*r.school_median_total);
  }
  return out + ".";
}

void fit(SheetWriter& w, const SchoolLayout& layout, lxw_row_t row, std::string_view name,
         std::string_view note) {
  const double h = std::max(text_height(name, layout.width(1)),
                            text_height(note, layout.width(k_note_first, k_note_last)));
  if (h > k_line_pt) w.row_height(row, h);
}

lxw_row_t write_rubric(SheetWriter& w, const BookContext& ctx, const SchoolLayout& layout,
                       const std::string& school_id, lxw_row_t row) {
  const auto& f = ctx.f;
  const auto& af = ctx.af;
  const auto& r = *ctx.in.analysis->rubric;
  const lxw_col_t last = layout.last();
  const double width = layout.total_width();
  row = section(w, layout, row, "Оценка по рубрике «" + r.title + "»", f);
  const analysis::RubricScore* s = r.of(school_id);
  if (s == nullptr) {
    return write_paragraph(w, row, 0, last,
                           "Баллы не начислялись: форма ОО за этот период не принята.", width,
                           f.plain_wrap);
  }
  row = write_paragraph(w, row, 0, last, rubric_summary(ctx, *s, school_id), width, f.label);
  // A point for «Соответствие обоснованной цели» beside red values above is
  // not a contradiction: the rubric judges the design, not the figures.
  row = write_paragraph(
      w, row, 0, last,
      "Баллы рубрики оценивают, как устроена методическая работа ОО: есть ли показатели, "
      "мониторинг, анализ, рекомендации и меры и отвечают ли они цели, — а не достигнутые "
      "значения. Поэтому балл за «Соответствие обоснованной цели» ставится и тогда, когда "
      "значения показателей позиции ниже цели (красные в таблице выше).",
      width, f.note);
  const lxw_row_t header = row;
  w.text(row, 1, "Блок / позиция / параметр", f.header);
  w.text(row, 2, "Баллы", f.header);
  w.text(row, 3, "Максимум", f.header);
  w.text(row, 4, "Доля максимума", f.header);
  w.merged(row, k_note_first, row, k_note_last, "Пояснение", f.header);
  w.row_height(header, 30);
  ++row;
  const auto blocks = s->blocks();
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const auto& b = blocks[bi];
    w.text(row, 1, b.title, af.text_bold_grey);
    w.number(row, 2, b.points, points_format(af, b.points, true));
    w.number(row, 3, b.max, points_format(af, b.max, true));
    if (b.max > 0) {
      w.number(row, 4, b.points / b.max, af.percent_bold);
    } else {
      w.dash(row, 4, "Максимум блока равен 0.", f.stat_dash);
    }
    std::string declared =
        b.declared_max && *b.declared_max != b.full_max
            ? "В методике заявлен максимум " + analysis::format_points(*b.declared_max) +
                  ", по строкам блока — " + analysis::format_points(b.full_max) +
                  "; используется сумма по строкам."
            : std::string();
    if (bi < r.uniform_blocks.size() && r.uniform_blocks[bi]) {
      declared = (declared.empty() ? "" : declared + " ") + "Одинаково у всех ОО: блок оценивает методику " +
                 analysis::municipality_words(ctx.in.definition).genitive + ", а не работу ОО.";
    }
    w.merged(row, k_note_first, row, k_note_last, declared, af.text_bold_grey);
    fit(w, layout, row, b.title, declared);
    ++row;
    for (const auto& p : b.positions) {
      // Positions by their names: an id such as «ACT_DEF» means nothing to a reader.
      w.text(row, 1, p.name.empty() ? p.position_id : p.name, af.indent1);
      w.number(row, 2, p.points, points_format(af, p.points));
      w.number(row, 3, p.max, points_format(af, p.max));
      w.blank(row, 4, f.text);
      w.merged(row, k_note_first, row, k_note_last, p.note, af.note_cell);
      fit(w, layout, row, p.name, p.note);
      ++row;
      for (const auto& param : p.params) {
        w.text(row, 1, param.title, af.indent2);
        if (param.assessed) {
          w.number(row, 2, param.points, points_format(af, param.points));
          w.number(row, 3, param.max, points_format(af, param.max));
        } else {
          w.dash(row, 2, "Не оценивается.", f.stat_dash);
          w.dash(row, 3, "В максимум не входит.", f.stat_dash);
        }
        w.blank(row, 4, f.text);
        w.merged(row, k_note_first, row, k_note_last, param.note, af.note_cell);
        fit(w, layout, row, param.title, param.note);
        ++row;
      }
    }
  }
  w.text(row, 1, "Итого", af.text_bold_grey);
  w.number(row, 2, s->total, points_format(af, s->total, true));
  w.number(row, 3, s->max, points_format(af, s->max, true));
  w.number(row, 4, s->share / 100.0, af.percent_bold);
  w.merged(row, k_note_first, row, k_note_last, "уровень «" + analysis::level_name(s->level) + "»",
           level_format(f, s->level));
  return row + 1;
}

lxw_row_t write_recommendations(SheetWriter& w, const BookContext& ctx, const SchoolLayout& layout,
                                const std::string& school_id, lxw_row_t row) {
  const auto& f = ctx.f;
  const auto& a = *ctx.in.analysis;
  const analysis::SchoolRecommendations* mine = a.recommendations_of(school_id);
  const std::size_t count = mine ? mine->count() : 0;
  row = section(w, layout, row, "Адресные рекомендации" + (count ? " (" + std::to_string(count) + ")"
                                                          : std::string()),
                f);
  if (count == 0) {
    return write_paragraph(w, row, 0, layout.last(),
                           mine ? "Рекомендаций нет: недостатков по показателям не выявлено."
                                : "Рекомендаций нет: форма ОО за этот период не принята.",
                           layout.total_width(), f.plain_wrap);
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
    w.band(row, 0, 9, d.direction_name, f.group);  // between bordered rows
    ++row;
    for (const auto& item : d.items) {
      const TriggerFigures figures = trigger_figures(ctx.in, a, school_id, item);
      const std::string trigger = trigger_label(ctx.in, item, figures);
      const std::string text = recommendation_text(ctx.in, a, *mine, item);
      w.number(row, 0, ++n, f.integer);
      w.merged(row, 1, row, k_text_last, text, f.text_wrap);
      w.text(row, 6, trigger, f.text_wrap);
      write_trigger_figures(w, row, 7, figures, f);
      w.row_height(row, std::max(text_height(text, layout.width(1, k_text_last)),
                                 text_height(trigger, layout.width(6))));
      ++row;
    }
  }
  return row;
}

}  // namespace

lxw_row_t write_school_analysis(SheetWriter& w, const BookContext& ctx, const SchoolLayout& layout,
                                const std::string& school_id, lxw_row_t row, PagePlan& plan) {
  if (ctx.in.analysis == nullptr) return row;
  // Each part prints on one page when it fits; else at least its title with
  // the table header and first rows, never a title alone at a page's foot.
  const auto keep = [&](lxw_row_t first, lxw_row_t end) {
    plan.keep_together(first, end - 1);
    plan.keep_together(first, std::min<lxw_row_t>(end - 1, first + k_title_rows_kept));
  };
  if (has_rating(ctx.in)) {
    const lxw_row_t first = row;
    row = write_rubric(w, ctx, layout, school_id, row);
    keep(first, row);
    ++row;
  }
  const lxw_row_t recs = row;
  row = write_recommendations(w, ctx, layout, school_id, row);
  keep(recs, row);
  ++row;
  if (has_dynamics(ctx.in)) {
    const lxw_row_t first = row;
    row = section(w, layout, row, "Динамика показателей ОО", ctx.f);
    row = write_dynamics_table(w, ctx, school_id, row, layout.width(1));
    keep(first, row);
    ++row;
  }
  return row;
}

}  // namespace report
