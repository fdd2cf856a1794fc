// The .xlsx/.xlsm reader proper: a zip package in memory -> Workbook. This is
// the core entry point the fuzz target drives (no std::expected, no files).
#pragma once

#include <span>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"

namespace ingest {

// Reads the package in `bytes` into `out`. Refuses packages that are not
// workbooks (Word, OpenDocument, .xlsb), broken packages, and files past the
// budget's limits. On error `out` holds whatever was read so far.
Status read_xlsx(std::span<const unsigned char> bytes, ReadBudget& budget, Workbook& out);

}  // namespace ingest
