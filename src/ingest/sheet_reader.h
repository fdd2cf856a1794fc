// Streams one worksheet part (xl/worksheets/sheetN.xml) into Sheet::cells.
// Reads cached values only: formulas (shared ones included) contribute their
// cached <v>. Cells without r="…" follow the previous cell of the row, rows
// without r="…" follow the previous row. Empty cells and empty strings are
// not stored. Memory: the sheet's cells plus one cell's text being read;
// read_sheet_rows keeps one row.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/styles.h"
#include "ingest/workbook_model.h"
#include "ingest/zip_archive.h"

namespace ingest {

struct SheetContext {
  const std::vector<std::string>& shared_strings;
  const CellStyles& styles;
  bool date1904 = false;  // date serials get +1462 to land in the 1900 system
};

// Appends the cells of part `entry` to `sheet.cells`, sorted by (row, col)
// with later duplicates winning. Errors carry sheet.name and, where known, the cell.
Status read_sheet(const ZipArchive& zip, const std::string& entry, const SheetContext& context,
                  ReadBudget& budget, Sheet& sheet);

// Gets each row's cells (sorted by column, none empty) as soon as the row is
// read; an error it returns stops the reading. Rows without a cell are not
// given; `row` is 0-based.
using RowSink = std::function<Status(std::uint32_t row, std::span<const Cell> cells)>;

// The same cells as read_sheet, a row at a time, none kept: for sheets of any
// length (questionnaire exports). Cells are not counted against the budget's
// max_cells (nothing is stored); its time, size and text limits hold.
Status read_sheet_rows(const ZipArchive& zip, const std::string& entry, const SheetContext& context,
                       ReadBudget& budget, const std::string& sheet_name, const RowSink& sink);

}  // namespace ingest
