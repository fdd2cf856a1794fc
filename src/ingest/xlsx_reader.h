// The .xlsx/.xlsm reader proper: a zip package in memory -> Workbook, the
// core entry point the fuzz target drives (no std::expected, no files); and
// the rows of a large workbook's sheet streamed from its file.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/sheet_reader.h"
#include "ingest/workbook_model.h"

namespace ingest {

// Reads the package in `bytes` into `out`. Refuses packages that are not
// workbooks (Word, OpenDocument, .xlsb), broken packages, and files past the
// budget's limits. On error `out` holds whatever was read so far.
Status read_xlsx(std::span<const unsigned char> bytes, ReadBudget& budget, Workbook& out);

// The first visible worksheet of the workbook in the file at `path`, a row at
// a time (ingest/sheet_reader.h), the file read only as far as needed: for
// questionnaire exports of any length. Sets `sheet_name`. The shared strings
// of the package are held (the cells refer to them); cells are not.
Status read_xlsx_rows(const std::string& path, ReadBudget& budget, std::string& sheet_name, const RowSink& sink);

// The names of the sheets of the workbook in the file at `path`, in workbook
// order, hidden ones included; only the package's sheet list is read.
Status read_xlsx_sheet_names(const std::string& path, ReadBudget& budget, std::vector<std::string>& names);

}  // namespace ingest
