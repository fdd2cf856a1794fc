// «Диаграммы»: the municipality at a glance. Plan and fact (municipal value
// against the year's target for every percentage indicator with a target),
// then, for each share indicator, the schools' values sorted best first,
// with bars coloured by status. Each chart's data sits beside it as a table.
// Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

model::Expected<void> write_charts_sheet(const BookContext& ctx);

}  // namespace report
