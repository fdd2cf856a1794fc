// Reading the cells of one sheet of a method workbook (method_book_layout.h)
// as a person filled them in: columns found by their headers, empty rows
// skipped, each value read by its column's kind with the tolerance a saved
// workbook needs (numbers stored as text, "12,5", percent cells, TRUE/FALSE,
// shared or inline strings alike: ingest has already read those). Every
// unreadable cell is a located Russian error: workbook, sheet, row, column
// header. Internal to src/definition/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "definition/method_book_layout.h"
#include "ingest/workbook_model.h"
#include "model/diagnostic.h"

namespace definition::book {

// A value as the TOML document of the definition holds it: text (ids, choice
// codes, texts), a number, a whole number, yes/no.
using Value = std::variant<std::string, double, std::int64_t, bool>;

// A cell of the workbook, for messages.
struct Place {
  std::string_view sheet;  // the format's sheet name
  std::uint32_t row = 0;   // 0-based
  std::uint32_t col = 0;   // 0-based
  std::string_view column; // its header
};

model::Location location_of(const std::string& file, const Place& place);

// Reads `cell` by `kind`; on failure sets `problem` (message, hint). An empty
// cell (or only spaces) reads as nullopt without a problem.
struct CellRead {
  std::optional<Value> value;
  std::string problem;
  std::string hint;
};
CellRead read_value(const ingest::Cell* cell, CellKind kind, std::span<const Choice> choices);

// What the cell shows, for "найдено «…»".
std::string shown(const ingest::Cell* cell);

// One table sheet: header on row 1, data from row 2.
class TableSheet {
 public:
  // `sheet` null: the workbook has no such sheet (an error unless the spec
  // says it is optional). Problems are appended to `out`.
  TableSheet(const SheetSpec& spec, const ingest::Sheet* sheet, const std::string& file,
             std::vector<model::Diagnostic>& out);

  const SheetSpec& spec() const { return m_spec; }
  const ingest::Sheet* sheet() const { return m_sheet; }
  // Data rows (0-based) with a value in at least one read column, in order.
  const std::vector<std::uint32_t>& rows() const { return m_rows; }
  // Whether the spec's column `c` was found among the headers.
  bool has_column(std::size_t c) const { return m_col_of[c].has_value(); }

  const ingest::Cell* cell(std::uint32_t row, std::size_t c) const;
  Place place(std::uint32_t row, std::size_t c) const;
  // Reads the spec's column `c` of `row` by its kind. Empty: nullopt, and an
  // error when the column is required. Unreadable: nullopt and an error.
  std::optional<Value> value(std::uint32_t row, std::size_t c);
  // The same as text (ids, codes, texts); nullopt when empty or not text.
  std::optional<std::string> text(std::uint32_t row, std::size_t c);

  // Columns the spec does not name, with their header cells (0-based
  // column, header text): the years of «Цели».
  const std::vector<std::pair<std::uint32_t, const ingest::Cell*>>& other_columns() const {
    return m_other;
  }

  void error(const Place& at, std::string message, std::string hint = {}, std::string found = {});

 private:
  const SheetSpec& m_spec;
  const ingest::Sheet* m_sheet;
  const std::string& m_file;
  std::vector<model::Diagnostic>& m_out;
  std::vector<std::optional<std::uint32_t>> m_col_of;
  std::vector<std::pair<std::uint32_t, const ingest::Cell*>> m_other;
  std::vector<std::uint32_t> m_rows;
};

// One what / value sheet («Общее», «Календарь»): rows matched to the
// settings by their label in the first column.
class SettingsSheet {
 public:
  SettingsSheet(const SheetSpec& spec, const ingest::Sheet* sheet, const std::string& file,
                std::vector<model::Diagnostic>& out);

  struct Entry {
    const Setting* setting;
    Value value;
    Place place;
  };
  // The values read, in row order (a repeated setting: one entry per row).
  const std::vector<Entry>& entries() const { return m_entries; }
  // Where a setting's value is, or would be written: its (first) row, or
  // the sheet's first row when the label is missing.
  Place place_of(std::string_view key) const;

 private:
  const SheetSpec& m_spec;
  std::vector<Entry> m_entries;
  std::vector<std::pair<std::string_view, Place>> m_rows;  // key -> its first row
};

}  // namespace definition::book
