// One school's sheet: each indicator, grouped by direction, with the
// school's figures beside the municipality's (median, municipal value,
// target), its status, gap, rank and deviation from the median, and a chart
// of its shares against the median and the target. Internal to src/report.
#pragma once

#include <string>

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Adds sheet `sheet_name` for `school_id`. The back link goes to «Сводка»
// when ctx.has_summary, to ctx.summary_file when set, else nowhere.
model::Expected<void> write_school_sheet(const BookContext& ctx, const std::string& school_id,
                                         const std::string& sheet_name);

}  // namespace report
