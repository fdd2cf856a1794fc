#include "definition/method_book_cells.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "definition/naming.h"
#include "ingest/value_parse.h"
#include "util/text_case.h"
#include "model/form_fields.h"

namespace definition::book {

namespace {

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

// Header text as it is compared: case and spaces at the ends ignored.
std::string header_key(std::string_view text) { return util::lower_text(ingest::trim_spaces(text)); }

bool is_empty(const ingest::Cell* cell) {
  if (cell == nullptr) return true;
  return cell->type == ingest::CellType::string && ingest::trim_spaces(cell->text).empty();
}

std::string cell_text(const ingest::Cell& cell) {
  if (cell.type == ingest::CellType::number && !cell.is_date && !cell.is_percent) {
    return model::form::plain_number(cell.number);
  }
  return std::string(ingest::trim_spaces(ingest::cell_display(cell)));
}

std::optional<double> cell_number(const ingest::Cell& cell) {
  if (cell.type == ingest::CellType::number) return cell.is_percent ? cell.number * 100 : cell.number;
  if (cell.type != ingest::CellType::string) return std::nullopt;
  auto text = ingest::trim_spaces(cell.text);
  if (text.ends_with("%")) text = ingest::trim_spaces(text.substr(0, text.size() - 1));
  return ingest::parse_decimal_text(text);
}

std::string choices_list(std::span<const Choice> choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : ", ") + q(c.shown);
  return out;
}

}  // namespace

model::Location location_of(const std::string& file, const Place& place) {
  model::Location where;
  where.file = file;
  where.sheet = std::string(place.sheet);
  where.cell = model::CellRef{place.row, place.col};
  where.column = std::string(place.column);
  return where;
}

std::string shown(const ingest::Cell* cell) {
  return cell == nullptr ? std::string() : std::string(ingest::trim_spaces(ingest::cell_display(*cell)));
}

CellRead read_value(const ingest::Cell* cell, CellKind kind, std::span<const Choice> choices) {
  CellRead out;
  if (is_empty(cell)) return out;
  if (cell->type == ingest::CellType::error) {
    out.problem = "в ячейке ошибка формулы " + cell->text;
    out.hint = "введите значение вручную";
    return out;
  }
  switch (kind) {
    case CellKind::text:
      out.value = cell_text(*cell);
      break;
    case CellKind::field_id: {
      auto id = cell_text(*cell);
      if (is_valid_field_id(id)) {
        out.value = std::move(id);
      } else {
        out.problem = "недопустимый код";
        out.hint = "код пишется строчными латинскими буквами, цифрами и «_», начинается с буквы: teachers_total";
      }
      break;
    }
    case CellKind::plain_id: {
      auto id = cell_text(*cell);
      if (is_valid_plain_id(id)) {
        out.value = std::move(id);
      } else {
        out.problem = "недопустимый код";
        out.hint = "код пишется латинскими буквами и цифрами, можно «-» и «_», без пробелов (не длиннее 64 "
                   "символов): D1, M2";
      }
      break;
    }
    case CellKind::number:
      if (const auto v = cell_number(*cell)) {
        out.value = *v;
      } else {
        out.problem = "ожидалось число";
        out.hint = "введите число цифрами, дробную часть — через запятую: 12,5";
      }
      break;
    case CellKind::whole: {
      const auto v = cell_number(*cell);
      if (v && std::floor(*v) == *v && std::abs(*v) < 1e15) {
        out.value = static_cast<std::int64_t>(*v);
      } else {
        out.problem = "ожидалось целое число";
        out.hint = "введите целое число цифрами, без дробной части";
      }
      break;
    }
    case CellKind::yesno: {
      const auto parsed = ingest::parse_yesno(*cell);
      if (parsed.value) {
        out.value = *parsed.value;
      } else {
        out.problem = "ожидалось «Да» или «Нет»";
        out.hint = "выберите «Да» или «Нет» из списка в ячейке";
      }
      break;
    }
    case CellKind::choice:
      if (const auto code = choice_code(choices, cell_text(*cell))) {
        out.value = std::string(*code);
      } else {
        out.problem = "значения " + q(cell_text(*cell)) + " нет в списке";
        out.hint = "выберите из списка в ячейке: " + choices_list(choices);
      }
      break;
    case CellKind::month: {
      const auto v = cell->type == ingest::CellType::number ? std::optional(cell->number) : std::nullopt;
      if (v && std::floor(*v) == *v && *v >= 1 && *v <= 12) {
        out.value = static_cast<std::int64_t>(*v);
      } else if (const auto code = choice_code(month_choices(), cell_text(*cell))) {
        out.value = static_cast<std::int64_t>(std::stoi(std::string(*code)));
      } else {
        out.problem = "ожидался месяц";
        out.hint = "выберите месяц из списка в ячейке: январь … декабрь";
      }
      break;
    }
  }
  return out;
}

// ------------------------------------------------------------- TableSheet

TableSheet::TableSheet(const SheetSpec& spec, const ingest::Sheet* sheet, const std::string& file,
                       std::vector<model::Diagnostic>& out)
    : m_spec(spec), m_sheet(sheet), m_file(file), m_out(out), m_col_of(spec.columns.size()) {
  if (sheet == nullptr) {
    if (!spec.optional) {
      model::Location where;
      where.file = file;
      out.push_back(model::Diagnostic::error(
          where, "в книге нет листа " + q(spec.name),
          "добавьте лист " + q(spec.name) + " (его заголовки — как в книге, которую пишет "
                                             "«metodmon method new»)"));
    }
    return;
  }
  for (const auto& cell : sheet->cells) {
    if (cell.ref.row != 0) break;
    const std::string key = header_key(cell_text(cell));
    bool known = false;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (header_key(spec.columns[c].header) == key && !m_col_of[c]) {
        m_col_of[c] = cell.ref.col;
        known = true;
        break;
      }
    }
    if (!known && !key.empty()) m_other.emplace_back(cell.ref.col, &cell);
  }
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    const auto& col = spec.columns[c];
    if (m_col_of[c] || !col.required) continue;
    out.push_back(model::Diagnostic::error(
        location_of(file, {spec.name, 0, static_cast<std::uint32_t>(c), col.header}),
        "на листе " + q(spec.name) + " нет столбца " + q(col.header),
        "верните заголовок " + q(col.header) + " в первую строку листа"));
  }
  // Read columns: the spec's with a key, and (on «Цели») the years.
  std::set<std::uint32_t> read;
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    if (m_col_of[c] && !spec.columns[c].key.empty()) read.insert(*m_col_of[c]);
  }
  if (spec.id == SheetId::targets) {
    for (const auto& [col, _] : m_other) read.insert(col);
  }
  for (const auto& cell : sheet->cells) {
    if (cell.ref.row == 0 || !read.contains(cell.ref.col) || is_empty(&cell)) continue;
    if (m_rows.empty() || m_rows.back() != cell.ref.row) m_rows.push_back(cell.ref.row);
  }
}

const ingest::Cell* TableSheet::cell(std::uint32_t row, std::size_t c) const {
  if (m_sheet == nullptr || !m_col_of[c]) return nullptr;
  const auto* found = m_sheet->find({row, *m_col_of[c]});
  return is_empty(found) ? nullptr : found;
}

Place TableSheet::place(std::uint32_t row, std::size_t c) const {
  const std::uint32_t col = m_col_of[c] ? *m_col_of[c] : static_cast<std::uint32_t>(c);
  return {m_spec.name, row, col, m_spec.columns[c].header};
}

std::optional<Value> TableSheet::value(std::uint32_t row, std::size_t c) {
  const auto& col = m_spec.columns[c];
  const auto* found = cell(row, c);
  if (found == nullptr) {
    if (col.required) error(place(row, c), "не заполнено", std::string(col.note));
    return std::nullopt;
  }
  auto read = read_value(found, col.kind, col.choices);
  if (!read.problem.empty()) {
    const bool named = col.kind == CellKind::choice;  // the message names the value
    error(place(row, c), std::move(read.problem), std::move(read.hint), named ? std::string() : shown(found));
    return std::nullopt;
  }
  return std::move(read.value);
}

std::optional<std::string> TableSheet::text(std::uint32_t row, std::size_t c) {
  auto v = value(row, c);
  if (!v || !std::holds_alternative<std::string>(*v)) return std::nullopt;
  return std::get<std::string>(std::move(*v));
}

void TableSheet::error(const Place& at, std::string message, std::string hint, std::string found) {
  m_out.push_back(model::Diagnostic::error(location_of(m_file, at), std::move(message), std::move(hint),
                                           std::move(found)));
}

// ---------------------------------------------------------- SettingsSheet

SettingsSheet::SettingsSheet(const SheetSpec& spec, const ingest::Sheet* sheet, const std::string& file,
                             std::vector<model::Diagnostic>& out)
    : m_spec(spec) {
  const auto settings_list = settings(spec.id);
  if (sheet == nullptr) {
    if (!spec.optional) {
      model::Location where;
      where.file = file;
      out.push_back(model::Diagnostic::error(where, "в книге нет листа " + q(spec.name),
                                             "добавьте лист " + q(spec.name) + " со столбцами «Что» и «Значение»"));
    }
    return;
  }
  std::uint32_t what_col = 0;
  std::uint32_t value_col = 1;
  for (const auto& cell : sheet->cells) {
    if (cell.ref.row != 0) break;
    const auto key = header_key(cell_text(cell));
    if (key == header_key(k_what)) what_col = cell.ref.col;
    if (key == header_key(k_value)) value_col = cell.ref.col;
  }
  std::vector<std::string> labels;
  for (const auto& s : settings_list) labels.emplace_back(s.label);
  const auto error = [&](const Place& at, std::string message, std::string hint, std::string found) {
    out.push_back(model::Diagnostic::error(location_of(file, at), std::move(message), std::move(hint),
                                           std::move(found)));
  };
  for (const auto& cell : sheet->cells) {
    if (cell.ref.row == 0 || cell.ref.col != what_col || is_empty(&cell)) continue;
    const std::string label = cell_text(cell);
    const auto* value = sheet->find({cell.ref.row, value_col});
    const Setting* setting = nullptr;
    for (const auto& s : settings_list) {
      if (same_text(s.label, label)) setting = &s;
    }
    if (setting == nullptr) {
      if (!is_empty(value)) {
        error({spec.name, cell.ref.row, cell.ref.col, k_what}, "неизвестная строка " + q(label),
              choose_hint(label, labels, "строки листа"), label);
      }
      continue;
    }
    const Place at{spec.name, cell.ref.row, value_col, setting->label};
    const bool seen = std::any_of(m_rows.begin(), m_rows.end(),
                                  [&](const auto& r) { return r.first == setting->key; });
    if (!seen) m_rows.emplace_back(setting->key, at);
    auto read = read_value(value, setting->kind, setting->choices);
    if (!read.problem.empty()) {
      const bool named = setting->kind == CellKind::choice;  // the message names the value
      error(at, std::move(read.problem), std::move(read.hint), named ? std::string() : shown(value));
      continue;
    }
    if (!read.value) continue;
    const bool filled = std::any_of(m_entries.begin(), m_entries.end(),
                                    [&](const Entry& e) { return e.setting == setting; });
    if (filled && !setting->repeated) {
      error(at, "строка " + q(setting->label) + " уже заполнена выше", "оставьте одну такую строку",
            shown(value));
      continue;
    }
    m_entries.push_back({setting, std::move(*read.value), at});
  }
  for (const auto& s : settings_list) {
    if (!s.required) continue;
    const bool filled =
        std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.setting == &s; });
    const bool failed = std::any_of(out.begin(), out.end(), [&](const model::Diagnostic& d) {
      return d.where.sheet == spec.name && d.where.column == s.label;
    });
    if (filled || failed) continue;
    const bool has_row = std::any_of(m_rows.begin(), m_rows.end(), [&](const auto& r) { return r.first == s.key; });
    if (has_row) {
      error(place_of(s.key), "не заполнено", std::string(s.note), {});
    } else {
      model::Location where;
      where.file = file;
      out.push_back(model::Diagnostic::error(where, "на листе " + q(spec.name) + " нет строки " + q(s.label),
                                             "добавьте строку " + q(s.label) + ": " + std::string(s.note)));
    }
  }
}

Place SettingsSheet::place_of(std::string_view key) const {
  for (const auto& [k, at] : m_rows) {
    if (k == key) return at;
  }
  for (const auto& s : settings(m_spec.id)) {
    if (s.key == key) return {m_spec.name, 0, 1, s.label};
  }
  return {m_spec.name, 0, 1, k_value};
}

}  // namespace definition::book
