// «Методика» of a director's workbook: what a director needs to know about
// the monitoring and nothing technical — the method's name, the
// municipality, the period, the date of the results and whom at the ИМЦ to
// ask. No file paths, no loading warnings, no file checksums: those stay on
// the methodist's «Методика» (method_sheet.h). Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

model::Expected<void> write_director_method_sheet(const BookContext &ctx);

} // namespace report
