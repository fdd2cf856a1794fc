// «Ошибки»: one row per problem found in an input file (file, school,
// sheet, cell, severity, what is wrong, value found, how to fix), plus a row
// for each file set aside without a problem of its own (superseded,
// duplicate, skipped). Accepted files without problems are listed on
// «Методика» only. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// With ctx.only_school_ids set, only those schools' files are listed.
model::Expected<void> write_errors_sheet(const BookContext& ctx);

// Whether a file is listed in a workbook built for ctx (director filter).
bool file_in_scope(const BookContext& ctx, const model::FileOutcome& file);

}  // namespace report
