#include "definition/method_book_writer.h"

#include <algorithm>
#include <array>
#include <set>
#include <variant>
#include <vector>

#include <xlsxwriter.h>

#include "definition/method_book_layout.h"
#include "definition/method_book_text.h"
#include "model/form_fields.h"
#include "model/periodicity_code.h"
#include "util/text_wrap.h"
#include "util/xlsx_file.h"

namespace definition {

namespace {

namespace fs = std::filesystem;
using book::CellKind;
using book::ListOf;
using book::SheetId;

// Rows the drop-downs and the lists of codes cover.
constexpr lxw_row_t k_last_row = 1000;
// Spare year columns «Цели» leaves open after the last year written.
constexpr lxw_col_t k_spare_years = 3;

using Cell = std::variant<std::monostate, std::string, double>;
using Row = std::vector<Cell>;

Cell text_or_empty(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }
Cell number_or_empty(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }
Cell yes_no(bool v) { return Cell{std::string(v ? "Да" : "Нет")}; }
Cell shown(std::span<const book::Choice> choices, std::string_view code) {
  return Cell{std::string(book::choice_shown(choices, code))};
}

std::string list_name(ListOf list) {
  switch (list) {
    case ListOf::fields: return "method_fields";
    case ListOf::indicators: return "method_indicators";
    case ListOf::directions: return "method_directions";
    case ListOf::blocks: return "method_blocks";
    case ListOf::sources: return "method_sources";
    case ListOf::none: break;
  }
  return {};
}

SheetId list_sheet(ListOf list) {
  switch (list) {
    case ListOf::fields: return SheetId::fields;
    case ListOf::indicators: return SheetId::indicators;
    case ListOf::directions: return SheetId::directions;
    case ListOf::blocks: return SheetId::blocks;
    case ListOf::sources: return SheetId::sources;
    case ListOf::none: break;
  }
  return SheetId::fields;
}

bool is_text_kind(CellKind k) { return k != CellKind::number && k != CellKind::whole; }

struct Formats {
  lxw_format* header = nullptr;       // locked, bold, filled
  lxw_format* header_open = nullptr;  // the same, unlocked (spare years of «Цели»)
  lxw_format* text = nullptr;         // unlocked, stored as text ("@"), wrapped
  lxw_format* number = nullptr;       // unlocked
  lxw_format* label = nullptr;        // what / value: the label, unlocked
  lxw_format* explain = nullptr;      // what / value: the explanation, locked, grey
  lxw_format* computed = nullptr;     // «Цели»: the name shown by a formula, locked, grey
  lxw_format* title = nullptr;        // «Как заполнять»
  lxw_format* paragraph = nullptr;
  lxw_format* heading = nullptr;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  const auto base = [&](bool locked) {
    lxw_format* x = workbook_add_format(wb);
    format_set_font_name(x, "Arial");
    format_set_font_size(x, 10);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    if (!locked) format_set_unlocked(x);
    return x;
  };
  const auto header = [&](bool locked) {
    lxw_format* x = base(locked);
    format_set_bold(x);
    format_set_text_wrap(x);
    format_set_bg_color(x, 0xDDEBF7);
    format_set_border(x, LXW_BORDER_THIN);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
    return x;
  };
  f.header = header(true);
  f.header_open = header(false);
  f.text = base(false);
  format_set_num_format(f.text, "@");
  format_set_text_wrap(f.text);
  f.number = base(false);
  f.label = base(false);
  format_set_bold(f.label);
  format_set_text_wrap(f.label);
  f.explain = base(true);
  format_set_font_color(f.explain, 0x595959);
  format_set_font_size(f.explain, 9);
  format_set_text_wrap(f.explain);
  f.computed = base(true);
  format_set_font_color(f.computed, 0x595959);
  format_set_text_wrap(f.computed);
  f.title = base(true);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.heading = base(true);
  format_set_bold(f.heading);
  f.paragraph = base(true);
  format_set_text_wrap(f.paragraph);
  return f;
}

// util::wrapped_lines counts characters of the default 11 pt font; the
// workbook is set in 10 pt Arial, which holds about 1.3 times as many (as
// the forms measure it, forms/form_writer.cpp).
constexpr double k_arial10 = 1.3;

int lines_for(std::string_view text, double width) { return util::wrapped_lines(text, width * k_arial10); }

class BookWriter {
 public:
  BookWriter(lxw_workbook* wb, const model::Definition& def, const fs::path& out_file)
      : m_wb(wb), m_def(def), m_out(out_file), m_f(make_formats(wb)) {}

  model::Expected<void> write() {
    define_lists();
    write_settings(SheetId::general, general_values());
    write_table(SheetId::directions, directions());
    write_table(SheetId::fields, fields());
    write_table(SheetId::indicators, indicators());
    write_targets();
    write_table(SheetId::blocks, blocks());
    write_table(SheetId::rubric, rubric_rows());
    write_table(SheetId::recommendations, recommendations());
    write_settings(SheetId::calendar, calendar_values());
    if (!m_def.sources.empty()) write_table(SheetId::sources, sources());
    write_instructions();
    if (m_error != LXW_NO_ERROR) {
      model::Location where;
      where.file = m_out.filename().string();
      return std::unexpected(model::Diagnostic::error(
          where, "не удалось записать книгу методики: " + util::lxw_error_text(m_error) + " (" + m_what + ")"));
    }
    return {};
  }

 private:
  void check(lxw_error e, std::string_view what) {
    if (e != LXW_NO_ERROR && m_error == LXW_NO_ERROR) {
      m_error = e;
      m_what = what;
    }
  }

  void define_lists() {
    for (const auto list : {ListOf::fields, ListOf::indicators, ListOf::directions, ListOf::blocks, ListOf::sources}) {
      const std::string formula = "='" + std::string(book::sheet(list_sheet(list)).name) + "'!$A$2:$A$" +
                                  std::to_string(k_last_row + 1);
      if (list == ListOf::sources && m_def.sources.empty()) continue;
      check(workbook_define_name(m_wb, list_name(list).c_str(), formula.c_str()), "имя списка");
    }
  }

  // A sheet printed as it reads: landscape, A4, as wide as the page, the
  // header row on every page.
  lxw_worksheet* add_sheet(SheetId id) {
    const std::string name(book::sheet(id).name);
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, name.c_str());
    worksheet_set_paper(ws, 9);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    if (id != SheetId::instructions) check(worksheet_repeat_rows(ws, 0, 0), "печать");
    return ws;
  }

  void note(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text) {
    if (text.empty()) return;
    const std::string t(text);
    lxw_comment_options opt{};
    std::string author = "metodmon";
    opt.author = author.data();
    opt.width = 340;
    opt.height = static_cast<uint16_t>(std::min(400, 16 * (lines_for(text, 52) + 1)));
    check(worksheet_write_comment_opt(ws, row, col, t.c_str(), &opt), "примечание");
  }

  void protect(lxw_worksheet* ws) {
    lxw_protection options{};
    // A set flag means "allowed while protected": rows are the data.
    options.insert_rows = LXW_TRUE;
    options.delete_rows = LXW_TRUE;
    options.format_columns = LXW_TRUE;
    options.format_rows = LXW_TRUE;
    options.sort = LXW_TRUE;
    options.autofilter = LXW_TRUE;
    worksheet_protect(ws, nullptr, &options);
  }

  void list_validation(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                       std::span<const book::Choice> choices, ListOf list) {
    lxw_data_validation dv{};
    std::vector<std::string> shown;
    std::vector<char*> items;
    std::string formula;
    if (list != ListOf::none) {
      formula = "=" + list_name(list);
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = formula.data();
    } else {
      for (const auto& c : choices) shown.emplace_back(c.shown);
      for (auto& s : shown) items.push_back(s.data());
      items.push_back(nullptr);
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = items.data();
    }
    std::string title = "Значение не из списка";
    std::string message = "Выберите значение из списка в ячейке.";
    dv.error_title = title.data();
    dv.error_message = message.data();
    check(worksheet_data_validation_range(ws, first, col, last, col, &dv), "список значений");
  }

  void header(lxw_worksheet* ws, lxw_col_t col, std::string_view text, std::string_view tip,
              lxw_format* format = nullptr) {
    const std::string t(text);
    check(worksheet_write_string(ws, 0, col, t.c_str(), format != nullptr ? format : m_f.header), "заголовок");
    note(ws, 0, col, tip);
  }

  void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& value, lxw_format* text_format,
            lxw_format* number_format) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      check(worksheet_write_string(ws, row, col, s->c_str(), text_format), "ячейка");
    } else if (const auto* v = std::get_if<double>(&value)) {
      check(worksheet_write_number(ws, row, col, *v, number_format), "ячейка");
    }
  }

  // ------------------------------------------------------------ table sheets

  lxw_worksheet* write_table(SheetId id, const std::vector<Row>& rows) {
    const auto& spec = book::sheet(id);
    lxw_worksheet* ws = add_sheet(id);
    double header_lines = 1;
    for (lxw_col_t c = 0; c < spec.columns.size(); ++c) {
      const auto& col = spec.columns[c];
      lxw_format* f = col.key.empty() ? m_f.computed : is_text_kind(col.kind) ? m_f.text : m_f.number;
      check(worksheet_set_column(ws, c, c, col.width, f), "ширина столбца");
      header(ws, c, col.header, col.note);
      header_lines = std::max(header_lines, static_cast<double>(lines_for(col.header, col.width - 1)));
      if (col.kind == CellKind::choice || col.kind == CellKind::yesno || col.list != ListOf::none) {
        list_validation(ws, 1, k_last_row, c, col.kind == CellKind::yesno ? book::yes_no() : col.choices,
                        col.list);
      }
    }
    worksheet_set_row(ws, 0, 14 * header_lines + 4, nullptr);
    worksheet_freeze_panes(ws, 1, id == SheetId::targets ? 2 : 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      int lines = 1;
      for (lxw_col_t c = 0; c < rows[r].size() && c < spec.columns.size(); ++c) {
        const auto& col = spec.columns[c];
        cell(ws, static_cast<lxw_row_t>(r + 1), c, rows[r][c], is_text_kind(col.kind) ? m_f.text : m_f.number,
             m_f.number);
        if (const auto* s = std::get_if<std::string>(&rows[r][c])) {
          lines = std::max(lines, lines_for(*s, col.width - 1));
        }
      }
      // Wrapped cells show whole: neither Excel nor LibreOffice sizes a row
      // written without a height when the file is opened.
      if (lines > 1) worksheet_set_row(ws, static_cast<lxw_row_t>(r + 1), 12.75 * lines + 2, nullptr);
    }
    protect(ws);
    return ws;
  }

  std::vector<Row> directions() const {
    std::vector<Row> rows;
    for (const auto& d : m_def.directions) rows.push_back({d.id, d.name});
    return rows;
  }

  std::vector<Row> fields() const {
    std::vector<Row> rows;
    const auto kinds = book::sheet(SheetId::fields).columns[2].choices;
    for (const auto& in : m_def.inputs) {
      const bool count = in.kind == model::InputKind::count;
      rows.push_back({in.id, in.label, shown(kinds, model::to_string(in.kind)), yes_no(in.required),
                      count && in.min && *in.min != 0 ? Cell{*in.min} : Cell{}, number_or_empty(in.max),
                      text_or_empty(in.not_more_than), text_or_empty(in.direction), text_or_empty(in.hint)});
    }
    return rows;
  }

  std::vector<Row> indicators() const {
    std::vector<Row> rows;
    const auto& spec = book::sheet(SheetId::indicators);
    const auto kinds = book::column_by_key(spec, "kind")->choices;
    const auto better = book::column_by_key(spec, "better")->choices;
    for (const auto& ind : m_def.indicators) {
      const bool share = ind.kind == model::IndicatorKind::share;
      rows.push_back({ind.id, text_or_empty(ind.code), ind.name, shown(kinds, model::to_string(ind.kind)),
                      share ? text_or_empty(ind.numerator) : Cell{}, share ? text_or_empty(ind.denominator) : Cell{},
                      share ? Cell{} : text_or_empty(ind.input),
                      shown(better, ind.better == model::Better::lower ? "lower" : "higher"),
                      text_or_empty(ind.direction), text_or_empty(ind.position), yes_no(ind.matches_goal),
                      yes_no(ind.bad), text_or_empty(ind.short_name)});
    }
    return rows;
  }

  std::vector<Row> blocks() const {
    std::vector<Row> rows;
    if (!m_def.rubric) return rows;
    const auto kinds = book::column_by_key(book::sheet(SheetId::blocks), "kind")->choices;
    for (const auto& b : m_def.rubric->blocks) {
      Row row{b.id, b.title, shown(kinds, model::to_string(b.kind)), number_or_empty(b.declared_max),
              Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}};
      if (b.kind == model::RubricKind::checklist) {
        row[4] = text_or_empty(b.gate_param);
        row[5] = yes_no(b.bad_gate);
      } else if (b.kind == model::RubricKind::indicator_set) {
        row[6] = b.match_points;
        row[7] = b.nomatch_points;
        row[8] = b.bad_deduction;
        row[9] = yes_no(b.lone_bad_counts_presence);
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::vector<Row> rubric_rows() const {
    std::vector<Row> rows;
    if (!m_def.rubric) return rows;
    const auto tests = book::column_by_key(book::sheet(SheetId::rubric), "test")->choices;
    for (const auto& b : m_def.rubric->blocks) {
      for (const auto& pos : b.positions) {
        if (b.params.empty()) {
          rows.push_back({b.id, pos.id, pos.name, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}, Cell{}});
          continue;
        }
        for (const auto& p : b.params) {
          Row row{b.id, pos.id, pos.name, p.id, p.title, p.points, Cell{}, Cell{}, Cell{}, Cell{}};
          if (const auto* ev = b.find_evidence(pos.id, p.id)) {
            row[6] = text_or_empty(ev->input);
            row[7] = text_or_empty(ev->indicator);
            row[8] = text_or_empty(ev->monitoring);
            if (!ev->indicator.empty()) row[9] = shown(tests, model::to_string(ev->test));
          }
          rows.push_back(std::move(row));
        }
      }
    }
    return rows;
  }

  std::vector<Row> recommendations() const {
    std::vector<Row> rows;
    if (!m_def.rubric) return rows;
    const auto whens = book::column_by_key(book::sheet(SheetId::recommendations), "when")->choices;
    for (const auto& r : m_def.rubric->recommendations) {
      rows.push_back({shown(whens, model::to_string(r.when)), text_or_empty(r.indicator), text_or_empty(r.input),
                      number_or_empty(r.min_gap), r.text});
    }
    return rows;
  }

  std::vector<Row> sources() const {
    std::vector<Row> rows;
    std::error_code ec;
    const fs::path folder = fs::absolute(m_out, ec).parent_path();
    for (const auto& s : m_def.sources) {
      const fs::path file = fs::absolute(m_def.file.parent_path() / s.file, ec).lexically_normal();
      auto relative = file.lexically_relative(folder);
      rows.push_back({s.id, (relative.empty() ? file : relative).generic_string()});
    }
    return rows;
  }

  // «Цели»: indicator × year; the name beside the code by a formula.
  void write_targets() {
    const auto& spec = book::sheet(SheetId::targets);
    std::set<int> years;
    for (const auto& ind : m_def.indicators) {
      for (const auto& [year, _] : ind.targets) years.insert(year);
    }
    std::vector<Row> rows;
    for (const auto& ind : m_def.indicators) rows.push_back({ind.id, ind.name});
    lxw_worksheet* ws = write_table(SheetId::targets, rows);
    lxw_col_t col = static_cast<lxw_col_t>(spec.columns.size());
    for (const int year : years) {
      check(worksheet_set_column(ws, col, col, 9, m_f.number), "ширина столбца");
      // A year is a number, as a methodist types the next one.
      check(worksheet_write_number(ws, 0, col, year, m_f.header_open), "заголовок");
      note(ws, 0, col, k_year_note);
      for (std::size_t r = 0; r < m_def.indicators.size(); ++r) {
        if (const auto v = m_def.indicators[r].target_for(year)) {
          check(worksheet_write_number(ws, static_cast<lxw_row_t>(r + 1), col, *v, m_f.number), "цель");
        }
      }
      ++col;
    }
    for (lxw_col_t spare = 0; spare < k_spare_years; ++spare, ++col) {
      check(worksheet_set_column(ws, col, col, 9, m_f.number), "ширина столбца");
      check(worksheet_write_blank(ws, 0, col, m_f.header_open), "заголовок");
      note(ws, 0, col, k_spare_year_note);
    }
    const std::string name_col = "'" + std::string(book::sheet(SheetId::indicators).name) + "'!$C$2:$C$" +
                                 std::to_string(k_last_row + 1);
    const std::string id_col = "'" + std::string(book::sheet(SheetId::indicators).name) + "'!$A$2:$A$" +
                               std::to_string(k_last_row + 1);
    const auto last = static_cast<lxw_row_t>(rows.size() + 50);
    for (lxw_row_t r = 1; r <= last; ++r) {
      const std::string formula = "=IFERROR(INDEX(" + name_col + ",MATCH($A" + std::to_string(r + 1) + "," +
                                  id_col + ",0)),\"\")";
      const std::string value = r <= m_def.indicators.size() ? m_def.indicators[r - 1].name : std::string();
      check(worksheet_write_formula_str(ws, r, 1, formula.c_str(), m_f.computed, value.c_str()), "формула");
    }
  }

  // ------------------------------------------------------- what / value sheets

  using Values = std::vector<std::pair<std::string_view, Cell>>;  // key -> value, in order

  void write_settings(SheetId id, const Values& values) {
    lxw_worksheet* ws = add_sheet(id);
    check(worksheet_set_column(ws, 0, 0, 44, m_f.label), "ширина столбца");
    check(worksheet_set_column(ws, 1, 1, 60, m_f.text), "ширина столбца");
    check(worksheet_set_column(ws, 2, 2, 70, m_f.explain), "ширина столбца");
    header(ws, 0, book::k_what, "Что указывается в строке. Не меняйте эти слова: по ним программа узнаёт строку.");
    header(ws, 1, book::k_value, "Значение, которое вы задаёте. Пустая необязательная строка — значение по умолчанию.");
    header(ws, 2, book::k_explain, "Что писать в строке и как программа это использует.");
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& setting : book::settings(id)) {
      std::vector<const Cell*> own;
      for (const auto& [key, value] : values) {
        if (key == setting.key) own.push_back(&value);
      }
      const Cell empty;
      if (own.empty()) own.push_back(&empty);
      if (setting.repeated && own.size() < 2) own.push_back(&empty);
      for (const auto* value : own) {
        const std::string label(setting.label);
        check(worksheet_write_string(ws, row, 0, label.c_str(), m_f.label), "строка");
        cell(ws, row, 1, *value, m_f.text, m_f.number);
        const std::string explain(setting.note);
        check(worksheet_write_string(ws, row, 2, explain.c_str(), m_f.explain), "пояснение");
        worksheet_set_row(ws, row, 13.0 * std::max(lines_for(setting.note, 80), lines_for(setting.label, 42)) + 3,
                          nullptr);
        if (setting.kind == CellKind::choice || setting.kind == CellKind::month) {
          list_validation(ws, row, row, 1,
                          setting.kind == CellKind::month ? book::month_choices() : setting.choices, ListOf::none);
        }
        ++row;
      }
    }
    protect(ws);
  }

  Values general_values() const {
    const auto& d = m_def;
    const auto settings = book::settings(SheetId::general);
    const auto periodicity = std::find_if(settings.begin(), settings.end(), [](const book::Setting& s) {
                               return s.key == "definition.periodicity";
                             })->choices;
    const std::string_view p = model::periodicity_code(d.periodicity);
    Values v = {{"definition.id", d.id},
                {"definition.version", d.version},
                {"definition.title", d.title},
                {"definition.municipality", text_or_empty(d.municipality)},
                {"definition.organisation", text_or_empty(d.organisation)},
                {"definition.source", text_or_empty(d.source)},
                {"definition.periodicity", shown(periodicity, p)},
                {"definition.goal", text_or_empty(d.goal)}};
    for (const auto& b : d.basis) v.emplace_back("definition.basis", b);
    for (const auto& n : d.notes) v.emplace_back("definition.notes", n);
    if (!d.rubric) return v;
    const auto& r = *d.rubric;
    if (!r.id.empty() || !r.title.empty()) {
      v.emplace_back("rubric.id", text_or_empty(r.id));
      v.emplace_back("rubric.title", text_or_empty(r.title));
      v.emplace_back("rubric.source", text_or_empty(r.source));
      v.emplace_back("rubric.declared_total", number_or_empty(r.declared_total));
      v.emplace_back("rubric.levels.high", r.levels.high);
      v.emplace_back("rubric.levels.medium", r.levels.medium);
      v.emplace_back("rubric.municipal_yes_share", r.municipal_yes_share);
    }
    v.emplace_back("clusters.k", static_cast<double>(r.clusters.k));
    v.emplace_back("clusters.min_values", r.clusters.min_values);
    v.emplace_back("recommendations.min_gap", r.recommendation_settings.min_gap);
    v.emplace_back("recommendations.per_school", static_cast<double>(r.recommendation_settings.per_school));
    v.emplace_back("recommendations.min_denominator", r.recommendation_settings.min_denominator);
    return v;
  }

  Values calendar_values() const {
    Values v;
    if (!m_def.schedule) return v;
    for (const int m : m_def.schedule->months) {
      v.emplace_back("schedule.months", shown(book::month_choices(), std::to_string(m)));
    }
    if (m_def.schedule->open_day) v.emplace_back("schedule.open_day", static_cast<double>(*m_def.schedule->open_day));
    if (m_def.schedule->deadline_day) {
      v.emplace_back("schedule.deadline_day", static_cast<double>(*m_def.schedule->deadline_day));
    }
    if (m_def.schedule->previous_school_year) {
      const auto settings = book::settings(SheetId::calendar);
      const auto which = std::find_if(settings.begin(), settings.end(), [](const book::Setting& s) {
                           return s.key == "schedule.school_year";
                         })->choices;
      v.emplace_back("schedule.school_year", shown(which, "previous"));
    }
    return v;
  }

  // ------------------------------------------------------------ «Как заполнять»

  void write_instructions() {
    lxw_worksheet* ws = add_sheet(SheetId::instructions);
    check(worksheet_set_column(ws, 0, 0, 110, nullptr), "ширина столбца");
    lxw_row_t row = 0;
    for (const auto& line : book::instructions()) {
      const std::string text(line.text);
      lxw_format* f = line.kind == book::InstructionLine::title     ? m_f.title
                      : line.kind == book::InstructionLine::heading ? m_f.heading
                                                                    : m_f.paragraph;
      check(worksheet_write_string(ws, row, 0, text.c_str(), f), "инструкция");
      const double per_line = line.kind == book::InstructionLine::title ? 18 : 13.5;
      worksheet_set_row(ws, row, per_line * lines_for(line.text, 118) + 4, nullptr);
      ++row;
    }
    worksheet_protect(ws, nullptr, nullptr);
  }

  static constexpr std::string_view k_year_note =
      "Год цели. Значение в строке показателя — цель на этот год: доля и да/нет — в процентах (70, не 70 % "
      "и не 0,7), количество — сумма по ОО. Пустая ячейка — на этот год цели нет. Новый год впишите в "
      "свободный заголовок правее.";

  static constexpr std::string_view k_spare_year_note =
      "Свободный столбец: впишите в заголовок следующий год дорожной карты (например 2030), а в строки — цели "
      "на этот год.";

  lxw_workbook* m_wb;
  const model::Definition& m_def;
  fs::path m_out;
  Formats m_f;
  lxw_error m_error = LXW_NO_ERROR;
  std::string m_what;
};

}  // namespace

model::Expected<void> write_method_book(const model::Definition& definition, const fs::path& out_file) {
  if (!definition.surveys.empty()) {
    // The workbook has no sheets for questionnaires: written without them,
    // the method would read its survey counts as form fields.
    model::Location where;
    where.file = out_file.filename().string();
    return std::unexpected(model::Diagnostic::error(
        where,
        "методика «" + definition.title + "» собирает данные анкетой ([[survey]]), а в книге методики листов для "
        "анкет нет: книга не записана",
        "меняйте эту методику в её файле TOML (раздел [[survey]] описан в templates/README.md)"));
  }
  auto file = util::XlsxFile::create(out_file);
  if (!file) return std::unexpected(file.error());
  lxw_doc_properties props{};
  const std::string title = "Методика: " + definition.title;
  props.title = const_cast<char*>(title.c_str());
  props.company = const_cast<char*>(definition.organisation.c_str());
  workbook_set_properties(file->book(), &props);
  BookWriter writer(file->book(), definition, out_file);
  if (auto done = writer.write(); !done) return done;
  return file->commit();
}

}  // namespace definition
