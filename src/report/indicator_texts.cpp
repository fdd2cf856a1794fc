#include "report/indicator_texts.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/russian_words.h"
#include "util/text_case.h"

namespace report {

namespace {

constexpr double k_eps = 1e-9;
constexpr const char* k_dash = "—";

const analysis::Change* change_of(const ReportInput& in, const std::string& indicator_id,
                                  analysis::Comparison kind) {
  const auto* row = in.analysis->dynamics.find("", indicator_id);
  if (row == nullptr) return nullptr;
  for (const auto& c : row->changes) {
    if (c.kind == kind) return &c;
  }
  return nullptr;
}

bool is_yesno(const model::IndicatorDef& ind) { return ind.kind == model::IndicatorKind::yesno; }

std::string value_cell(const model::IndicatorDef& ind, const aggregate::IndicatorStats& st) {
  if (!st.municipal) return "нет данных";
  if (is_yesno(ind)) {
    return std::to_string(static_cast<int>(std::lround(st.numerator_sum.value_or(0)))) + " из " +
           analysis::count_of_schools(st.schools_with_value);
  }
  return analysis::format_value(ind, *st.municipal);
}

std::string target_cell(const model::IndicatorDef& ind, const aggregate::IndicatorStats& st) {
  if (!st.target) return k_dash;
  return analysis::format_target(ind, *st.target) + (is_yesno(ind) ? " ОО" : "");
}

std::string reached_cell(const model::IndicatorDef& ind, const aggregate::IndicatorStats& st) {
  if (!st.target || ind.kind != model::IndicatorKind::share) return k_dash;
  return std::to_string(st.schools_meeting_target) + " из " + std::to_string(st.schools_with_value);
}

std::string change_cell(const model::IndicatorDef& ind, const analysis::Change* c, bool& marked) {
  if (c == nullptr) return k_dash;
  std::string text = analysis::change_amount_text(ind, *c);
  if (text.empty()) return k_dash;
  if (c->schools && !c->schools->same()) {
    text += "*";
    marked = true;
  }
  return text;
}

}  // namespace

namespace {

// A column of a table of indicators: its title and what it says of one indicator.
struct Column {
  std::string title;
  std::function<std::string(const model::IndicatorDef&, const aggregate::IndicatorStats&)> cell;
};

// №, name (full, or a few words when `full_names` is false), then `columns`;
// a heading row per direction when there are several.
docx::Table table_of(const ReportInput& in, const std::vector<Column>& columns, bool full_names) {
  const auto& def = in.definition;
  constexpr double k_text_cm = 16.5;
  constexpr double k_code_cm = 1.5;
  const double value_cm = columns.size() >= 4 ? 2.3 : 2.6;
  docx::Table t;
  t.widths_cm = {k_code_cm, k_text_cm - k_code_cm - value_cm * static_cast<double>(columns.size())};
  std::vector<std::string> titles = {"№", "Показатель"};
  for (const auto& c : columns) {
    t.widths_cm.push_back(value_cm);
    titles.push_back(c.title);
  }
  t.rows.push_back(docx::header_row(titles));
  for (const auto& dir : analysis::direction_ids(def)) {
    bool first = true;
    for (const auto& ind : def.indicators) {
      const auto* st = in.summary.stats(ind.id);
      if (ind.direction != dir || st == nullptr) continue;
      if (first && def.directions.size() > 1) {
        const auto* d = def.find_direction(dir);
        t.rows.push_back(docx::group_row(d ? d->name : dir, static_cast<int>(titles.size())));
      }
      first = false;
      docx::TableRow row;
      row.cells.push_back(docx::cell(ind.code, docx::Align::center));
      row.cells.push_back(docx::cell(full_names ? ind.name : util::upper_first(analysis::indicator_words(ind))));
      for (const auto& c : columns) row.cells.push_back(docx::cell(c.cell(ind, *st), docx::Align::center));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

}  // namespace

IndicatorTable indicator_table(const ReportInput& in) {
  const auto& def = in.definition;
  const auto where = analysis::municipality_words(def);
  bool any_median = false;
  bool any_target = false;
  bool any_yesno = false;
  const analysis::Change* prev_example = nullptr;
  const analysis::Change* year_example = nullptr;
  for (const auto& ind : def.indicators) {
    const auto* st = in.summary.stats(ind.id);
    if (st == nullptr) continue;
    any_median = any_median || st->median.has_value();
    any_target = any_target || st->target.has_value();
    any_yesno = any_yesno || is_yesno(ind);
    if (prev_example == nullptr) prev_example = change_of(in, ind.id, analysis::Comparison::previous_period);
    if (year_example == nullptr) {
      year_example = change_of(in, ind.id, analysis::Comparison::same_period_earlier_year);
    }
  }
  const Column value{"Значение по " + where.dative, value_cell};
  std::vector<Column> values = {value};
  if (any_median) {
    values.push_back({"Медиана по ОО", [](const model::IndicatorDef& ind, const aggregate::IndicatorStats& st) {
                        return st.median ? analysis::format_value(ind, *st.median) : std::string(k_dash);
                      }});
  }
  if (any_target) {
    values.push_back({"Цель на " + std::to_string(in.summary.period.year) + " год", target_cell});
    values.push_back({"Цели достигли, ОО", reached_cell});
  }
  IndicatorTable out;
  out.tables.push_back(table_of(in, values, true));
  // Dynamics in a table of their own: the values table stays readable on A4.
  bool marked = false;
  if (prev_example || year_example) {
    std::vector<Column> changes = {{"Значение сейчас", value_cell}};
    for (const auto* example : {prev_example, year_example}) {
      if (example == nullptr) continue;
      const auto kind = example->kind;
      changes.push_back({"Изменение " + analysis::comparison_text(*example),
                         [&in, kind, &marked](const model::IndicatorDef& ind, const aggregate::IndicatorStats&) {
                           return change_cell(ind, change_of(in, ind.id, kind), marked);
                         }});
    }
    out.tables.push_back(table_of(in, changes, false));
  }
  if (marked) {
    out.notes.push_back(
        "* Состав ОО, представивших данные, в сравниваемом периоде был другим: изменение отчасти "
        "объясняется составом ОО.");
  }
  std::vector<std::string> how;
  if (any_median) {
    how.push_back("значение по " + where.dative +
                  " для долей — сумма числителей, делённая на сумму знаменателей по всем ОО, для "
                  "количеств — сумма по ОО; медиана — по значениям ОО");
  }
  if (any_yesno) how.push_back("для показателей «да/нет» — число ОО, ответивших «Да»");
  if (prev_example || year_example) how.push_back("изменения долей — в процентных пунктах (п.п.)");
  if (!how.empty()) {
    std::string note;
    for (const auto& h : how) note += (note.empty() ? "" : "; ") + h;
    out.notes.push_back(util::upper_first(note) + ".");
  }
  return out;
}

}  // namespace report
