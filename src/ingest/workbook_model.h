// The cell model every reader (.xlsx, .xls) produces, without the reading
// entry point. Kept free of std::expected on purpose: the libFuzzer build uses
// clang 14, whose C++ mode cannot compile libstdc++ 12's <expected>, and the
// reader's core (everything but workbook.cpp) includes only this header.
//
// Sparse: only cells that carry a value are stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/cell_ref.h"

namespace ingest {

enum class CellType { number, string, boolean, error };

struct Cell {
  model::CellRef ref;
  CellType type = CellType::string;
  double number = 0;      // number, or boolean as 0/1
  std::string text;       // string value, or error code such as "#DIV/0!"
  bool is_percent = false;  // number format shows a percentage ("0%", "0.0%")
  // Number format is a date and/or time; `number` is the serial day number in
  // the 1900 system (1 = 1900-01-01, Excel's fictitious 1900-02-29 included),
  // also for workbooks saved in the 1904 system: the readers convert dates.
  // Time-only formats ("hh:mm", "[h]:mm") keep their day fraction/duration.
  bool is_date = false;
  bool from_formula = false;  // value is the cached result of a formula
};

enum class SheetState { visible, hidden, very_hidden };

struct Sheet {
  std::string name;
  SheetState state = SheetState::visible;
  std::vector<Cell> cells;  // sorted by (row, col), no duplicates
  // Cells holding a formula whose value was never saved (a file written by a
  // program that does not calculate): empty to `find`, but not left blank by
  // the school. Sorted, no duplicates.
  std::vector<model::CellRef> unsaved_formulas;

  const Cell* find(model::CellRef ref) const;  // nullptr when the cell is empty
  bool has_unsaved_formula(model::CellRef ref) const;
};

struct DefinedName {
  std::string name;                       // as written: "in_teachers_total"
  std::optional<std::size_t> local_sheet;  // sheet index for sheet-scoped names
  std::string formula;                    // "'Форма'!$C$7" as stored
};

struct Workbook {
  std::string format;  // "xlsx" or "xls"
  bool date1904 = false;  // the file used the 1904 date system (cells are converted)
  std::vector<Sheet> sheets;  // in workbook order
  std::vector<DefinedName> names;  // built-in "_xlnm." names are left out

  // Exact name first, then case-insensitive (ASCII and Cyrillic); nullptr if none.
  const Sheet* sheet(std::string_view sheet_name) const;
  // Resolves a workbook-scoped (or, failing that, any-scoped) name that
  // refers to a single cell: "'Форма'!$C$7" -> (sheet, C7). Case-insensitive
  // on the name, as Excel is. nullopt for ranges, several areas, "#REF!",
  // constants, and sheets the workbook does not have.
  std::optional<std::pair<const Sheet*, model::CellRef>> resolve_name(std::string_view name) const;
};

// Limits against hostile or absurd files; defaults are sane for school forms.
struct ReadLimits {
  std::uintmax_t max_file_bytes = 50ull << 20;          // 50 MiB on disk
  std::uintmax_t max_uncompressed_bytes = 200ull << 20;  // sum of entries read
  double max_compression_ratio = 200.0;                 // per entry (entries over 1 MiB)
  std::size_t max_cells = 2'000'000;                   // per workbook
  std::size_t max_sheets = 256;
  double max_seconds = 20.0;                           // per file
  // Sum of the text held in cells. Cells copy their text, so a sheet that
  // references one huge shared string thousands of times would otherwise
  // multiply it in memory; past this budget the file is refused.
  std::uintmax_t max_text_bytes = 64ull << 20;
};

}  // namespace ingest
