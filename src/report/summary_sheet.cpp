#include "report/summary_sheet.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "report/cell_text.h"
#include "report/conditional.h"
#include "report/page_plan.h"
#include "report/text_rows.h"
#include "report/value_cells.h"

namespace report {

namespace {

constexpr lxw_row_t k_legend_row = 2;
constexpr lxw_row_t k_direction_row = 3;
constexpr lxw_row_t k_header_row = 4;
constexpr lxw_row_t k_unit_row = 5;
constexpr lxw_row_t k_first_school_row = 6;
constexpr double k_value_width = 14;
constexpr lxw_col_t k_link_col = 1;   // "лист ОО →": LibreOffice does not wrap link cells
constexpr lxw_col_t k_first_value_col = 2;

struct Column {
  const model::IndicatorDef* indicator;
  const aggregate::IndicatorStats* stats;  // may be null
  lxw_col_t col;
  double width;  // wide enough for the longest word of the heading
};

// A bold heading needs a little more room than util::width_for_longest_word
// gives plain text; a heading narrower than its longest word breaks the word
// in the middle («профессиональ ных»).
double heading_width(std::string_view text) {
  return std::max(k_value_width, util::width_for_longest_word(text) + 1);
}

std::vector<Column> columns_of(const ReportInput& in) {
  std::vector<Column> out;
  lxw_col_t col = k_first_value_col;
  for (const auto& ind : in.definition.indicators) {
    const double width =
        std::max(heading_width(indicator_title(ind)), heading_width(unit_label(ind)));
    out.push_back({&ind, in.summary.stats(ind.id), col++, width});
  }
  return out;
}

bool has_targets(const ReportInput& in) {
  return std::any_of(in.definition.indicators.begin(), in.definition.indicators.end(),
                     [&](const auto& ind) { return ind.target_for(in.summary.period.year).has_value(); });
}

// A school's place among the schools for one indicator, written into the
// number format of its value cell («49,3 % (2)»), so the table keeps one
// column per indicator and sorts and colours by the value. Counts depend on
// the size of a school and are not ranked; yes/no has no order.
class RankFormats {
 public:
  explicit RankFormats(lxw_workbook* book) : m_book(book) {}
  lxw_format* share(int rank) {
    auto& f = m_formats[rank];
    if (f == nullptr) {
      f = bordered_cell_format(m_book);
      const std::string code = std::string(k_fmt_percent) + "\" (" + std::to_string(rank) + ")\"";
      format_set_num_format(f, code.c_str());
    }
    return f;
  }

 private:
  lxw_workbook* m_book;
  std::map<int, lxw_format*> m_formats;
};

void write_legend(SheetWriter& w, const std::vector<Column>& cols, bool targets, const Formats& f) {
  w.merged(k_legend_row, 0, k_legend_row, k_link_col, "Условные обозначения:", f.label);
  std::vector<std::pair<const char*, lxw_format*>> items;
  if (targets) {
    items = {{"цель достигнута", f.status_met},
             {"до цели меньше 5 п.п.", f.status_near},
             {"цель не достигнута", f.status_not_met}};
  }
  items.push_back({"«—» нет данных (причина в примечании)", f.status_no_data});
  items.push_back({targets ? "без цели: цвет по медиане" : "цвет: лучше или хуже медианы",
                   f.status_no_target});
  items.push_back({"(3) — место ОО по показателю", f.status_no_target});
  int lines = 1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double width = i < cols.size() ? cols[i].width : k_value_width;
    w.text(k_legend_row, static_cast<lxw_col_t>(k_first_value_col + i), items[i].first, items[i].second);
    lines = std::max(lines, wrapped_lines(items[i].first, width));
  }
  w.row_height(k_legend_row, 13.0 * lines + 4);
}

void write_headers(SheetWriter& w, const ReportInput& in, const std::vector<Column>& cols,
                   const Formats& f) {
  w.merged(k_direction_row, 0, k_unit_row, 0, "Образовательная организация", f.header);
  w.merged(k_direction_row, k_link_col, k_unit_row, k_link_col, "Подробно", f.header);
  // Consecutive indicators of one direction share a merged heading.
  int direction_lines = 2;
  std::size_t i = 0;
  while (i < cols.size()) {
    std::size_t j = i;
    double width = cols[i].width;
    while (j + 1 < cols.size() && cols[j + 1].indicator->direction == cols[i].indicator->direction) {
      ++j;
      width += cols[j].width;
    }
    const std::string name = direction_name(in.definition, cols[i].indicator->direction);
    w.merged(k_direction_row, cols[i].col, k_direction_row, cols[j].col, name, f.header);
    direction_lines = std::max(direction_lines, wrapped_lines(name, width - 1));
    i = j + 1;
  }
  int lines = 3;
  int unit_lines = 2;
  for (const auto& c : cols) {
    const std::string title = indicator_title(*c.indicator);
    w.text(k_header_row, c.col, title, f.header);
    w.text(k_unit_row, c.col, unit_label(*c.indicator), f.header);
    lines = std::max(lines, wrapped_lines(title, c.width - 1));
    unit_lines = std::max(unit_lines, wrapped_lines(unit_label(*c.indicator), c.width - 1));
  }
  w.row_height(k_direction_row, 13.0 * direction_lines + 4);
  w.row_height(k_header_row, std::min(k_max_row_pt, 13.0 * lines + 6));
  w.row_height(k_unit_row, 13.0 * unit_lines + 2);
}

void write_school_rows(SheetWriter& w, const BookContext& ctx, const std::vector<Column>& cols,
                       double name_width) {
  const auto& in = ctx.in;
  RankFormats ranked(ctx.book);
  lxw_row_t row = k_first_school_row;
  for (const auto& id : in.summary.school_ids) {
    const std::string name = school_name(in.registry, id);
    w.text(row, 0, name, ctx.f.text_wrap);
    const auto link = ctx.school_links.find(id);
    if (link != ctx.school_links.end() && !link->second.sheet.empty()) {
      w.link_to_sheet(row, k_link_col, link->second.sheet, "лист ОО →", ctx.f.link);
    } else if (link != ctx.school_links.end() && !link->second.file.empty()) {
      w.link_to_file(row, k_link_col, link->second.file, "файл ОО →", ctx.f.link);
    } else {
      w.blank(row, k_link_col, ctx.f.text);
    }
    const int lines = wrapped_lines(name, name_width);
    if (lines > 1) w.row_height(row, 15.0 * lines);
    for (const auto& c : cols) {
      const aggregate::SchoolValue* v = in.summary.value(id, c.indicator->id);
      if (c.indicator->kind == model::IndicatorKind::share && v != nullptr && v->value &&
          v->missing == aggregate::Missing::none && v->rank) {
        w.number(row, c.col, *v->value / 100.0, ranked.share(*v->rank));
      } else {
        write_school_value(w, row, c.col, *c.indicator, v, ctx.f);
      }
    }
    ++row;
  }
}

void add_colours(SheetWriter& w, const ReportInput& in, const std::vector<Column>& cols,
                 lxw_row_t last_school_row, const Formats& f) {
  if (in.summary.school_ids.empty()) return;
  for (const auto& c : cols) {
    const auto target = c.indicator->target_for(in.summary.period.year);
    // A count's target is the municipal total, not a per-school bar.
    if (target && c.indicator->kind != model::IndicatorKind::count) {
      add_traffic_light(w, k_first_school_row, last_school_row, c.col, *c.indicator, *target, f);
    } else if (c.stats != nullptr && c.stats->median && c.stats->min != c.stats->max) {
      add_median_scale(w, k_first_school_row, last_school_row, c.col, *c.indicator,
                       *c.stats->median);
    }
  }
}

// One statistic row: `label`, then per column the figure `get` returns.
using StatGetter = std::function<std::optional<double>(const aggregate::IndicatorStats&)>;

constexpr std::string_view k_yesno_stat_reason =
    "Для показателя «да/нет» не вычисляется: смотрите строку «Муниципалитет» — долю ОО, "
    "ответивших «Да».";

lxw_row_t write_stats(SheetWriter& w, const ReportInput& in, const std::vector<Column>& cols,
                      lxw_row_t row, double label_width, const Formats& f) {
  const int year = in.summary.period.year;
  const auto stat_row = [&](std::string_view label, const StatGetter& get, bool fractional,
                            bool yesno_applies) {
    w.merged(row, 0, row, k_link_col, label, f.stat_label);
    if (const int lines = wrapped_lines(label, label_width); lines > 1) w.row_height(row, 15.0 * lines);
    for (const auto& c : cols) {
      const auto kind = c.indicator->kind;
      if (kind == model::IndicatorKind::yesno && !yesno_applies) {
        w.dash(row, c.col, k_yesno_stat_reason, f.stat_dash);
      } else if (c.stats == nullptr) {
        w.dash(row, c.col, "Нет данных ни по одной ОО.", f.stat_dash);
      } else {
        write_figure(w, row, c.col, kind, get(*c.stats), stat_format(f, kind, fractional),
                     f.stat_dash, "Нет данных ни по одной ОО.");
      }
    }
    ++row;
  };

  const lxw_row_t municipal_row = row;
  stat_row("Муниципалитет (Σ числителей / Σ знаменателей)",
           [](const auto& s) { return s.municipal; }, false, true);
  stat_row("Медиана", [](const auto& s) { return s.median; }, true, false);
  stat_row("Нижний квартиль", [](const auto& s) { return s.q1; }, true, false);
  stat_row("Верхний квартиль", [](const auto& s) { return s.q3; }, true, false);
  stat_row("Минимум", [](const auto& s) { return s.min; }, false, false);
  stat_row("Максимум", [](const auto& s) { return s.max; }, false, false);

  // The municipal value against the target: same colours as the schools.
  for (const auto& c : cols) {
    const auto target = c.indicator->target_for(year);
    if (!target) continue;
    // A yes/no's municipal figure is a percentage of «Да»: compare it like a share.
    model::IndicatorDef as_figure = *c.indicator;
    if (as_figure.kind == model::IndicatorKind::yesno) as_figure.kind = model::IndicatorKind::share;
    add_traffic_light(w, municipal_row, municipal_row, c.col, as_figure, *target, f);
  }

  // A method without targets for the year (Krymsk) gets no rows of «—».
  if (!has_targets(in)) {
    w.merged(row, 0, row, k_link_col, "Число ОО с данными", f.stat_label);
    for (const auto& c : cols) {
      w.number(row, c.col, c.stats != nullptr ? c.stats->schools_with_value : 0, f.stat_integer);
    }
    return row + 1;
  }
  w.merged(row, 0, row, k_link_col, target_label(in), f.stat_label);
  for (const auto& c : cols) {
    const auto target = c.indicator->target_for(year);
    write_figure(w, row, c.col, c.indicator->kind, target, stat_format(f, c.indicator->kind),
                 f.stat_dash, "Целевое значение на " + std::to_string(year) + " год не задано.");
    if (target && c.indicator->kind == model::IndicatorKind::count) {
      w.comment(row, c.col, "Цель задана для муниципалитета в целом (сумма по всем ОО).");
    } else if (target && c.indicator->kind == model::IndicatorKind::yesno) {
      w.comment(row, c.col, "Цель — доля ОО, ответивших «Да».");
    }
  }
  ++row;

  w.merged(row, 0, row, k_link_col, "Число ОО, достигших цели", f.stat_label);
  for (const auto& c : cols) {
    const bool per_school = c.indicator->target_for(year) &&
                            c.indicator->kind != model::IndicatorKind::count;
    if (per_school && c.stats != nullptr) {
      w.number(row, c.col, c.stats->schools_meeting_target, f.stat_integer);
    } else {
      w.dash(row, c.col,
             c.indicator->kind == model::IndicatorKind::count
                 ? "Цель задана для муниципалитета в целом, а не для каждой ОО."
                 : "Целевое значение не задано.",
             f.stat_dash);
    }
  }
  ++row;

  w.merged(row, 0, row, k_link_col, "Число ОО с данными", f.stat_label);
  for (const auto& c : cols) {
    w.number(row, c.col, c.stats != nullptr ? c.stats->schools_with_value : 0, f.stat_integer);
  }
  return row + 1;
}

// Schools without an accepted form, with what became of their files.
lxw_row_t write_missing(SheetWriter& w, const BookContext& ctx, lxw_row_t row, lxw_col_t last_col) {
  const auto& in = ctx.in;
  const auto& missing = in.summary.without_form();
  // A yearly rubric over monitorings lists every school with data of the year.
  const bool year = !in.definition.sources.empty();
  const std::string heading =
      missing.empty() ? (year ? "Данные за год есть у всех ОО реестра." : "Формы сдали все ОО реестра.")
      : year ? "Нет ни данных мониторингов года, ни принятой годовой формы (" + std::to_string(missing.size()) + " ОО):"
             : "Не сдали форму или форма отклонена (" + std::to_string(missing.size()) + " ОО):";
  w.merged(row, 0, row, last_col, heading, ctx.f.section);
  ++row;
  std::set<std::string_view> rejected_ids;  // gathered once, not per missing school
  for (const auto& file : in.run.files) {
    if (file.outcome == model::Outcome::rejected) rejected_ids.insert(file.school_id);
  }
  for (const auto& id : missing) {
    const bool rejected = rejected_ids.contains(id);
    w.merged(row, 0, row, k_link_col, school_name(in.registry, id), ctx.f.text_wrap);
    const std::string reason = rejected ? "форма отклонена из-за ошибок — см. лист «Ошибки»"
                                        : year ? "годовая форма не поступила, данных мониторингов года нет"
                                               : "форма не поступила";
    if (rejected) {
      w.link_to_sheet(row, k_first_value_col, k_errors_sheet, reason, ctx.f.link_plain);
    } else {
      w.text(row, k_first_value_col, reason, nullptr);
    }
    ++row;
  }
  return row;
}

// Returns the row after the notes.
lxw_row_t write_notes(SheetWriter& w, const ReportInput& in, lxw_row_t row, lxw_col_t last_col,
                      double width, const Formats& f) {
  const std::string year = std::to_string(in.summary.period.year);
  std::vector<std::string> notes;
  if (has_targets(in)) {
    notes = {
      "Цвет значения ОО — сравнение с целевым значением " + year +
          " года: зелёный — цель достигнута; жёлтый — не достигнута, но до цели меньше 5 п.п. "
          "(для количеств — меньше 5 % цели); красный — до цели 5 п.п. и больше. Для показателей "
          "«↓ лучше меньше» сравнение обратное.",
      "Показатели без цели (и количества, цель которых задана для муниципалитета в целом) "
      "окрашены по отношению к медиане: от красного (хуже медианы) через белый (медиана) к "
      "зелёному (лучше медианы)."};
  } else {
    notes = {"Целевых значений на " + year + " год в методике нет: значения ОО окрашены по "
             "отношению к медиане — от красного (хуже медианы) через белый (медиана) к зелёному "
             "(лучше медианы)."};
  }
  const std::vector<std::string> common = {
      "В скобках после доли — место ОО по показателю среди ОО с данными: 1 — лучшее значение, ОО с "
      "равными значениями делят место. Количества зависят от размера ОО и мест не получают.",
      "«—» — значения нет; причина указана в примечании к ячейке. Отсутствующее значение не "
      "считается нулём и не входит в медиану и муниципальное значение.",
      "Муниципальное значение доли = сумма числителей / сумма знаменателей по всем ОО с данными "
      "(а не среднее долей ОО). Для показателей «да/нет» — доля ОО, ответивших «Да». Подробнее — "
      "на листе «Методика».",
      "«лист ОО →» — ссылка на страницу ОО с подробными результатами.",
  };
  notes.insert(notes.end(), common.begin(), common.end());
  w.merged(row, 0, row, last_col, "Как читать таблицу", f.section);
  ++row;
  for (const auto& note : notes) {
    w.merged(row, 0, row, last_col, note, f.plain_wrap);
    w.row_height(row, 15.0 * wrapped_lines(note, width));
    ++row;
  }
  return row;
}

}  // namespace

model::Expected<void> write_summary_sheet(const BookContext& ctx) {
  auto added = add_sheet(ctx.book, k_summary_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  const auto cols = columns_of(in);
  const lxw_col_t last_col =
      k_first_value_col + std::max<lxw_col_t>(5, static_cast<lxw_col_t>(cols.size())) - 1;

  std::string title = in.definition.title.empty() ? "Результаты мониторинга" : in.definition.title;
  write_title_block(w, title,
                    subtitle(in) + " · сдали форму " +
                        std::to_string(in.registry.schools.size() - in.summary.without_form().size()) + " из " +
                        std::to_string(in.registry.schools.size()) + " ОО",
                    f);
  write_legend(w, cols, has_targets(in), f);

  double name_width = 24;
  for (const auto& id : in.summary.school_ids) {
    const auto len = static_cast<double>(utf16_length(school_name(in.registry, id)));
    name_width = std::max(name_width, 1.1 * len);
  }
  name_width = std::min(name_width, 40.0);
  w.column_width(0, 0, name_width);
  w.column_width(k_link_col, k_link_col, 10);
  w.column_width(k_first_value_col, last_col, k_value_width);
  for (const auto& c : cols) w.column_width(c.col, c.col, c.width);

  write_headers(w, in, cols, f);
  write_school_rows(w, ctx, cols, name_width);
  const lxw_row_t n = static_cast<lxw_row_t>(in.summary.school_ids.size());
  lxw_row_t row = k_first_school_row + n;
  if (n == 0) {
    w.merged(row, 0, row, last_col, "Ни одна ОО не сдала форму, принятую к обработке.", f.text);
    ++row;
  } else {
    add_colours(w, in, cols, row - 1, f);
    w.check(worksheet_autofilter(w.raw(), k_unit_row, 0, row - 1,
                                 k_first_value_col + static_cast<lxw_col_t>(cols.size()) - 1),
            k_unit_row, 0, "автофильтр");
  }
  // The statistics, the missing schools and the notes print together, so
  // that no page holds only the repeated header and the notes.
  const lxw_row_t stats_row = row + 1;
  row = write_stats(w, in, cols, stats_row, name_width + 10, f);
  row = write_missing(w, ctx, row + 1, last_col);
  const double width = w.width_of(0, last_col);
  row = write_notes(w, in, row + 1, last_col, width, f);

  worksheet_freeze_panes(w.raw(), k_first_school_row, k_first_value_col);
  PageSetup page;
  page.repeat = true;
  page.repeat_first = k_direction_row;
  page.repeat_last = k_unit_row;
  page.footer_left = title + " · " + model::display_name(in.summary.period);
  // One page across stays readable up to about 14 indicators; a method with
  // fifty (Krymsk) is spread over several pages, school names on each.
  constexpr std::size_t k_columns_per_page = 14;
  page.pages_wide = static_cast<int>((cols.size() + k_columns_per_page - 1) / k_columns_per_page);
  if (page.pages_wide > 1) page.repeat_columns = k_first_value_col;
  set_page(w, page);
  double repeated_pt = 0;
  for (lxw_row_t r = k_direction_row; r <= k_unit_row; ++r) repeated_pt += w.height_of(r);
  PagePlan plan(page_height_pt(width / page.pages_wide), repeated_pt);
  plan.keep_together(stats_row, row - 1);
  plan.apply(w, row);
  protect_sheet(w);
  worksheet_activate(w.raw());
  return w.status();
}

}  // namespace report
