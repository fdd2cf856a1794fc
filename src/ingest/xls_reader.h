// Legacy .xls (BIFF2-BIFF8 in an OLE2 compound file) through FreeXL.
//
// What FreeXL gives and does not: sheet names and cell values (numbers,
// text, dates as text we turn back into 1900-system serials, 1904 files
// included). It exposes no defined names, no sheet visibility and no percent
// formats, so those stay empty/false; the form reader falls back to the
// _meta sheet. It skips FORMULA records, so cells holding formulas are
// absent (a form's input cells are plain values). Times drop whole days
// (a 10.5-day duration reads as 0.5). It parses the whole file inside
// freexl_open(), where no time limit can reach it: read_workbook() therefore
// runs read_xls() in a child process (child_process.h).
#pragma once

#include <filesystem>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"

namespace ingest {

// Refuses encrypted (FILEPASS) workbooks, OLE2 files without a workbook
// stream, and corrupt files, mapping FreeXL's error codes to Russian.
Status read_xls(const std::filesystem::path& path, ReadBudget& budget, Workbook& out);

}  // namespace ingest
