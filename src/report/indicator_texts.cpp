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

// №, name, then `columns`; a heading row per direction when there are several.
docx::Table table_of(const ReportInput& in, const std::vector<Column>& columns) {
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
      row.cells.push_back(docx::cell(ind.name));
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
  out.tables.push_back(table_of(in, values));
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
    out.tables.push_back(table_of(in, changes));
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

std::string indicator_sentence(const ReportInput& in, const model::IndicatorDef& ind) {
  const auto* st = in.summary.stats(ind.id);
  const auto where = analysis::municipality_words(in.definition);
  std::string s = analysis::indicator_label(ind) +
                  (ind.better == model::Better::lower ? " (меньше — лучше): " : ": ");
  if (st == nullptr || !st->municipal) return s + "данных нет.";
  if (is_yesno(ind)) {
    s += analysis::municipal_value_text(ind, *st);
  } else {
    s += "по " + where.dative + " — " + analysis::format_value(ind, *st->municipal);
  }
  if (st->target && st->municipal_gap) {
    s += "; цель " + std::to_string(in.summary.period.year) + " года — ";
    if (st->municipal_status == aggregate::TargetStatus::met) {
      s += target_cell(ind, *st) + ", достигнута";
    } else {
      s += analysis::target_gap_text(ind, *st, *st->target, *st->municipal_gap);
    }
  }
  if (!is_yesno(ind) && st->median) s += "; медиана по ОО — " + analysis::format_value(ind, *st->median);
  if (st->target && ind.kind == model::IndicatorKind::share) {
    s += "; цели достигли " + std::to_string(st->schools_meeting_target) + " из " +
         analysis::count_of_schools(st->schools_with_value);
  }
  // A changed set of schools is said once for the section (set_change_note), not here.
  for (const auto kind : {analysis::Comparison::previous_period, analysis::Comparison::same_period_earlier_year}) {
    if (const auto* c = change_of(in, ind.id, kind)) {
      const std::string amount = analysis::change_amount_text(ind, *c);
      if (!amount.empty()) s += "; " + amount + " " + analysis::comparison_text(*c);
    }
  }
  return s + ".";
}

std::string set_change_note(const ReportInput& in) {
  const auto f = analysis::find_findings(in.definition, in.summary, *in.analysis);
  if (f.set_changed == nullptr || !f.set_changed->schools) return "";
  const auto& set = *f.set_changed->schools;
  return "Изменения " + analysis::comparison_text(*f.set_changed) +
         " сравнивают разный состав ОО (" + std::to_string(set.then) + " ОО в " +
         analysis::period_prepositional(f.set_changed->period) + ", " + std::to_string(set.now) +
         " ОО сейчас): часть изменений объясняется составом, а не работой ОО.";
}

std::string direction_conclusion(const ReportInput& in, const std::string& direction_id) {
  const auto& def = in.definition;
  const auto findings = analysis::find_findings(def, in.summary, *in.analysis);
  const bool satisfactory = std::find(findings.satisfactory.begin(), findings.satisfactory.end(),
                                      direction_id) != findings.satisfactory.end();
  const bool stalled =
      std::find(findings.stalled.begin(), findings.stalled.end(), direction_id) != findings.stalled.end();
  std::vector<std::string> behind;
  for (const auto* row : findings.behind_target) {
    const auto* ind = def.find_indicator(row->indicator_id);
    if (ind != nullptr && ind->direction == direction_id) behind.push_back(analysis::short_label(*ind));
  }
  std::vector<std::string> below_median;
  std::vector<std::string> schools_with_no;  // answered «Нет» to some yes/no of the direction
  const double tolerance = analysis::recommendation_settings(def).min_gap;
  for (const auto& ind : def.indicators) {
    if (ind.direction != direction_id) continue;
    const auto* st = in.summary.stats(ind.id);
    if (st == nullptr || !st->municipal) continue;
    if (is_yesno(ind)) {
      for (const auto& id : in.summary.school_ids) {
        const auto* v = in.summary.value(id, ind.id);
        if (v != nullptr && v->value && *v->value < 50 &&
            std::find(schools_with_no.begin(), schools_with_no.end(), id) == schools_with_no.end()) {
          schools_with_no.push_back(id);
        }
      }
    } else if (ind.kind == model::IndicatorKind::share && !st->target &&
               analysis::worse_than_median(ind, *st, tolerance)) {
      below_median.push_back(analysis::short_label(ind));
    }
  }
  std::vector<std::string> issues;
  if (!behind.empty()) {
    issues.push_back("не достигнуты целевые значения " + std::string(behind.size() == 1 ? "показателя " : "показателей ") +
                     analysis::join_and(behind));
  }
  if (!below_median.empty()) {
    issues.push_back("значение по " + analysis::municipality_words(def).dative + " заметно хуже медианы по ОО " +
                     std::string(below_median.size() == 1 ? "по показателю " : "по показателям ") +
                     analysis::join_and(below_median));
  }
  if (!schools_with_no.empty()) {
    issues.push_back("ответ «Нет» по показателям наличия есть у " +
                     std::to_string(schools_with_no.size()) + " из " +
                     analysis::count_of_schools(static_cast<int>(in.summary.school_ids.size())));
  }
  if (stalled) issues.push_back("положительной динамики нет");
  if (satisfactory && issues.empty()) {
    return "Вывод: результаты по направлению удовлетворительные.";
  }
  if (issues.empty()) return "Вывод: существенных отклонений по направлению нет.";
  std::string out = std::string("Вывод: ") + (satisfactory ? "результаты по направлению в целом удовлетворительные, однако " : "результаты по направлению требуют внимания: ");
  for (std::size_t i = 0; i < issues.size(); ++i) out += (i ? "; " : "") + issues[i];
  return out + ".";
}

}  // namespace report
