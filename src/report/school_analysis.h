// The analysis parts of one school's sheet (in the results workbook and in
// the director's workbook alike): its rubric points block → position →
// parameter with block totals against the maximum, its rank by points
// («k из n») and group, its addressed recommendations by direction with the
// figures that triggered them, and its dynamics. Nothing about any other
// school is written. Uses the school sheet's columns (school_layout.h). Internal to
// src/report.
#pragma once

#include <string>

#include "report/book_context.h"
#include "report/page_plan.h"
#include "report/school_layout.h"
#include "report/sheet_writer.h"

namespace report {

// Writes the parts from `row` when ctx.in.analysis is set (else returns
// `row`); returns the row after them. Tells `plan` which rows print together.
lxw_row_t write_school_analysis(SheetWriter& w, const BookContext& ctx, const SchoolLayout& layout,
                                const std::string& school_id, lxw_row_t row, PagePlan& plan);

}  // namespace report
