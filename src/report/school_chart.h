// The chart on a school's sheet: for each share indicator, the school's
// value beside the median across schools and the year's target. Its data
// is written as a small visible table (charts need contiguous ranges, and a
// reader can check every bar against a number). Internal to src/report.
#pragma once

#include <string>

#include "report/book_context.h"
#include "report/sheet_writer.h"

namespace report {

struct SchoolChart {
  lxw_row_t end = 0;        // the first row after the data table
  bool drawn = false;       // false: no share indicators, nothing written
  lxw_row_t anchor_row = 0;  // the chart's top edge
  double height_px = 0;
};

// Writes the data table from `first_row` (columns A..E) and the chart to
// its right. Does nothing (end = `first_row`) when the definition has no
// share indicators.
SchoolChart write_school_chart(SheetWriter& w, const BookContext& ctx, const std::string& school_id,
                               lxw_row_t first_row);

}  // namespace report
