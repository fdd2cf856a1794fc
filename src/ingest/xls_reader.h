// Legacy .xls (BIFF2-BIFF8 in an OLE2 compound file) through FreeXL.
//
// What FreeXL gives and does not: sheet names and cell values (numbers,
// text, dates as text we turn back into 1900-system serials). It exposes no
// defined names, no sheet visibility, no percent formats and no formula
// flag, so those stay empty/false; the form reader falls back to the _meta
// sheet. It reads the whole file at open, so the time limit is checked only
// between sheets and rows.
#pragma once

#include <filesystem>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"

namespace ingest {

// Refuses encrypted (FILEPASS) workbooks, OLE2 files without a workbook
// stream, and corrupt files, mapping FreeXL's error codes to Russian.
Status read_xls(const std::filesystem::path& path, ReadBudget& budget, Workbook& out);

}  // namespace ingest
