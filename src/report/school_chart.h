// The chart on a school's sheet: for each share indicator, the school's
// value beside the median across schools and the year's target. Its data
// is written as a small visible table (charts need contiguous ranges, and a
// reader can check every bar against a number). Internal to src/report.
#pragma once

#include <string>

#include "report/book_context.h"
#include "report/sheet_writer.h"

namespace report {

// Writes the data table from `first_row` (columns A..E) and the chart to
// its right. Returns the first row after the table. Does nothing (returns
// `first_row`) when the definition has no share indicators.
lxw_row_t write_school_chart(SheetWriter& w, const BookContext& ctx, const std::string& school_id,
                             lxw_row_t first_row);

}  // namespace report
