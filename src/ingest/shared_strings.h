// The shared strings table (xl/sharedStrings.xml): one string per <si>, the
// <t> texts of its rich-text runs concatenated, phonetic runs (<rPh>) left
// out, "_xHHHH_" escapes decoded. Empty <si/> entries are kept as "" so that
// indices stay aligned.
#pragma once

#include <string>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/zip_archive.h"

namespace ingest {

// Reads the part `entry` of `zip` into `out` (cleared first). Refuses more
// than budget.limits().max_cells strings and any one string longer than
// max_text_bytes.
Status read_shared_strings(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                           std::vector<std::string>& out);

}  // namespace ingest
