// «Методика»: what the figures were made from and how. The definition
// (title, id, version, source, file), the period and run, the source's gaps
// and the warnings of loading it, how each figure is computed, every
// indicator's formula and targets, and every input file with its SHA-256.
// Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Lists the files of ctx.files.
model::Expected<void> write_method_sheet(const BookContext& ctx);

}  // namespace report
