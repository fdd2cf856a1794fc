// «Сводка»: schools (rows) by indicators (columns), then the municipality's
// figures (municipal value, median, quartiles, target, schools meeting it),
// the schools that sent nothing, and a legend. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

model::Expected<void> write_summary_sheet(const BookContext& ctx);

}  // namespace report
