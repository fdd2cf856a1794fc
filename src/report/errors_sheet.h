// «Ошибки»: one row per problem found in an input file (file, school,
// sheet, cell, severity, what is wrong, value found, how to fix), plus a row
// for each file set aside without a problem of its own (superseded,
// duplicate, skipped). Accepted files without problems are listed on
// «Методика» only. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Lists the files of ctx.files.
model::Expected<void> write_errors_sheet(const BookContext& ctx);

}  // namespace report
