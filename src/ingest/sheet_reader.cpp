#include "ingest/sheet_reader.h"

#include <algorithm>

#include "ingest/xml_reader.h"
#include "ingest/xml_text.h"

namespace ingest {

namespace {

// Days between the 1904 and 1900 systems' day zero.
constexpr double k_1904_offset = 1462;

enum class ValueType { number, shared, inline_string, formula_string, boolean, error, date };

ValueType value_type(std::string_view t) {
  if (t == "s") return ValueType::shared;
  if (t == "inlineStr") return ValueType::inline_string;
  if (t == "str") return ValueType::formula_string;
  if (t == "b") return ValueType::boolean;
  if (t == "e") return ValueType::error;
  if (t == "d") return ValueType::date;
  return ValueType::number;
}

// Cells arrive in file order, which Excel keeps sorted; other writers may
// not. Sort stably and keep the last of duplicates, as Excel would show it.
void sort_cells(std::vector<Cell>& cells) {
  std::stable_sort(cells.begin(), cells.end(),
                   [](const Cell& a, const Cell& b) { return a.ref < b.ref; });
  std::vector<Cell> unique;
  unique.reserve(cells.size());
  for (auto& cell : cells) {
    if (!unique.empty() && unique.back().ref == cell.ref)
      unique.back() = std::move(cell);
    else
      unique.push_back(std::move(cell));
  }
  cells = std::move(unique);
}

// Where the handler puts what it reads: a whole sheet's cells (read_sheet)
// or one row at a time (read_sheet_rows).
class CellSink {
 public:
  virtual ~CellSink() = default;
  virtual Status cell(Cell&& cell) = 0;
  virtual Status unsaved_formula(model::CellRef ref) = 0;
  // After </row>, and before a cell of another row arrives without one.
  virtual Status row_end() { return std::nullopt; }
};

class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(const SheetContext& context, ReadBudget& budget, const std::string& sheet_name, CellSink& sink)
      : m_context(context), m_budget(budget), m_sheet_name(sheet_name), m_sink(sink) {}

  Status start(std::string_view name, const XmlAttrs& attrs) override {
    if (name == "sheetData") {
      m_in_data = true;
    } else if (!m_in_data) {
      return std::nullopt;
    } else if (name == "row") {
      return start_row(attrs);
    } else if (name == "c") {
      return start_cell(attrs);
    } else if (!m_in_cell) {
      return std::nullopt;
    } else if (name == "v") {
      m_capture = true;
      m_has_v = true;
    } else if (name == "f") {
      m_formula = true;
    } else if (name == "is") {
      m_in_is = true;
    } else if (name == "rPh") {
      ++m_phonetic;
    } else if (name == "t" && m_in_is && m_phonetic == 0) {
      m_capture = true;
    }
    return std::nullopt;
  }

  Status end(std::string_view name) override {
    if (name == "sheetData") {
      m_in_data = false;
      m_data_done = true;
    } else if (name == "row" && m_in_data) {
      return m_sink.row_end();
    } else if (name == "c" && m_in_cell) {
      m_in_cell = false;
      return finish_cell();
    } else if (name == "v" || name == "t") {
      m_capture = false;
    } else if (name == "is") {
      m_in_is = false;
    } else if (name == "rPh" && m_phonetic > 0) {
      --m_phonetic;
    }
    return std::nullopt;
  }

  // Cells live in <sheetData> only: what follows (merged cells, data
  // validations, protection, page setup) is not parsed.
  bool finished() const override { return m_data_done; }

  Status text(std::string_view chunk) override {
    if (!m_capture) return std::nullopt;
    if (m_value.size() + chunk.size() > m_budget.limits().max_text_bytes)
      return located(make_error("в ячейке слишком длинный текст (больше " +
                                    std::to_string(m_budget.limits().max_text_bytes >> 20) + " МБ)",
                                "Сократите текст в ячейке и отправьте файл снова"));
    m_value.append(chunk);
    return std::nullopt;
  }

 private:
  ReadError located(ReadError e) const {
    e.sheet = m_sheet_name;
    e.cell = model::CellRef{m_row, m_col};
    return e;
  }

  ReadError out_of_sheet(std::string_view what) const {
    ReadError e = make_error("адрес ячейки вне листа Excel (больше XFD1048576)", k_hint_resave,
                             std::string(what));
    e.sheet = m_sheet_name;
    return e;
  }

  Status start_row(const XmlAttrs& attrs) {
    if (const auto r = attrs.get("r")) {
      const auto row = parse_index(*r);
      if (!row || *row == 0 || *row > model::k_max_rows) return out_of_sheet(*r);
      m_row = *row - 1;
    } else {
      m_row = m_seen_row ? m_row + 1 : 0;
      if (m_row >= model::k_max_rows) return out_of_sheet("строка " + std::to_string(m_row + 1));
    }
    m_seen_row = true;
    m_next_col = 0;
    return std::nullopt;
  }

  Status start_cell(const XmlAttrs& attrs) {
    if (const auto r = attrs.get("r")) {
      const auto ref = model::parse_cell_ref(*r);
      if (!ref) return out_of_sheet(*r);
      m_row = ref->row;
      m_col = ref->col;
      m_seen_row = true;
    } else {
      m_col = m_next_col;
      if (m_col >= model::k_max_columns) return out_of_sheet("столбец " + std::to_string(m_col + 1));
    }
    m_next_col = m_col + 1;
    m_in_cell = true;
    m_type = value_type(attrs.get("t").value_or("n"));
    m_style = parse_index(attrs.get("s").value_or("0")).value_or(0);
    m_value.clear();
    m_has_v = m_formula = m_in_is = m_capture = false;
    m_phonetic = 0;
    return std::nullopt;
  }

  Status finish_cell() {
    if (m_formula && !m_has_v && m_type != ValueType::inline_string) {
      if (auto err = m_sink.unsaved_formula({m_row, m_col})) return located(std::move(*err));
      return std::nullopt;
    }
    Cell cell;
    cell.ref = {m_row, m_col};
    cell.from_formula = m_formula;
    switch (m_type) {
      case ValueType::shared: {
        const auto index = parse_index(m_value);
        if (!index) return std::nullopt;  // no cached value
        if (*index >= m_context.shared_strings.size())
          return located(make_error("ячейка ссылается на несуществующую общую строку №" +
                                        std::to_string(*index),
                                    k_hint_resave));
        cell.text = m_context.shared_strings[*index];
        break;
      }
      case ValueType::inline_string:
      case ValueType::formula_string:
        decode_ooxml_escapes(m_value);
        cell.text = std::move(m_value);
        break;
      case ValueType::boolean:
        if (!m_has_v || m_value.empty()) return std::nullopt;
        cell.type = CellType::boolean;
        cell.number = (m_value == "1" || m_value == "true") ? 1 : 0;
        break;
      case ValueType::error:
        if (m_value.empty()) return std::nullopt;
        cell.type = CellType::error;
        cell.text = std::move(m_value);
        break;
      case ValueType::date:
        if (m_value.empty()) return std::nullopt;
        if (const auto serial = parse_iso_datetime(m_value)) {
          cell.type = CellType::number;
          cell.number = *serial;
          cell.is_date = true;
        } else {
          cell.text = std::move(m_value);
        }
        break;
      case ValueType::number:
        if (m_value.empty()) return std::nullopt;
        if (const auto number = parse_xml_number(m_value)) {
          cell.type = CellType::number;
          cell.number = *number;
          const auto kind = m_context.styles.kind(m_style);
          cell.is_percent = kind == NumberKind::percent;
          cell.is_date = kind == NumberKind::date || kind == NumberKind::time;
          if (kind == NumberKind::date && m_context.date1904) cell.number += k_1904_offset;
        } else {
          cell.text = std::move(m_value);  // not a number: keep what was written
        }
        break;
    }
    if (cell.type == CellType::string && cell.text.empty()) return std::nullopt;
    if (auto err = m_sink.cell(std::move(cell))) return located(std::move(*err));
    return std::nullopt;
  }

  const SheetContext& m_context;
  ReadBudget& m_budget;
  const std::string& m_sheet_name;
  CellSink& m_sink;
  std::uint32_t m_row = 0;
  std::uint32_t m_col = 0;
  std::uint32_t m_next_col = 0;
  std::uint32_t m_style = 0;
  ValueType m_type = ValueType::number;
  std::string m_value;
  int m_phonetic = 0;
  bool m_in_data = false, m_in_cell = false, m_seen_row = false;
  bool m_has_v = false, m_formula = false, m_in_is = false, m_capture = false;
  bool m_data_done = false;
};

// The whole sheet into Sheet::cells, each cell counted against the budget.
class SheetCells final : public CellSink {
 public:
  SheetCells(ReadBudget& budget, Sheet& sheet) : m_budget(budget), m_sheet(sheet) {}

  Status cell(Cell&& cell) override {
    if (auto err = m_budget.add_cell(cell.text.size())) return err;
    if (!m_sheet.cells.empty() && !(m_sheet.cells.back().ref < cell.ref)) m_unsorted = true;
    m_sheet.cells.push_back(std::move(cell));
    return std::nullopt;
  }
  Status unsaved_formula(model::CellRef ref) override {
    if (auto err = m_budget.add_cell(0)) return err;
    m_sheet.unsaved_formulas.push_back(ref);
    return std::nullopt;
  }
  bool unsorted() const { return m_unsorted; }

 private:
  ReadBudget& m_budget;
  Sheet& m_sheet;
  bool m_unsorted = false;
};

// One row at a time to a RowSink; nothing is kept past the row.
class SheetRows final : public CellSink {
 public:
  explicit SheetRows(const RowSink& sink) : m_sink(sink) {}

  Status cell(Cell&& cell) override {
    if (!m_row.empty() && m_row.back().ref.row != cell.ref.row) {
      if (auto err = row_end()) return err;
    }
    m_row.push_back(std::move(cell));
    return std::nullopt;
  }
  Status unsaved_formula(model::CellRef) override { return std::nullopt; }  // an empty cell to a row reader
  Status row_end() override {
    if (m_row.empty()) return std::nullopt;
    // Cells of a row arrive in column order from every writer we know; a
    // row written out of order is put in order here, the last of a
    // duplicated cell winning, as for a whole sheet.
    if (!std::is_sorted(m_row.begin(), m_row.end(), [](const Cell& a, const Cell& b) { return a.ref < b.ref; })) {
      sort_cells(m_row);
    }
    auto err = m_sink(m_row.front().ref.row, m_row);
    m_row.clear();
    return err;
  }

 private:
  const RowSink& m_sink;
  std::vector<Cell> m_row;
};

}  // namespace

Status read_sheet(const ZipArchive& zip, const std::string& entry, const SheetContext& context,
                  ReadBudget& budget, Sheet& sheet) {
  SheetCells cells(budget, sheet);
  SheetHandler handler(context, budget, sheet.name, cells);
  if (auto err = parse_xml_entry(zip, entry, budget, handler)) {
    if (err->sheet.empty()) err->sheet = sheet.name;
    return err;
  }
  if (cells.unsorted()) sort_cells(sheet.cells);
  auto& formulas = sheet.unsaved_formulas;
  std::sort(formulas.begin(), formulas.end());
  formulas.erase(std::unique(formulas.begin(), formulas.end()), formulas.end());
  return std::nullopt;
}

Status read_sheet_rows(const ZipArchive& zip, const std::string& entry, const SheetContext& context,
                       ReadBudget& budget, const std::string& sheet_name, const RowSink& sink) {
  SheetRows rows(sink);
  SheetHandler handler(context, budget, sheet_name, rows);
  auto err = parse_xml_entry(zip, entry, budget, handler);
  if (!err) err = rows.row_end();  // a last row without </row> (a truncated writer)
  if (err && err->sheet.empty()) err->sheet = sheet_name;
  return err;
}

}  // namespace ingest
