// «Тренды»: every indicator across the periods of the history, once there
// are analysis::k_min_trend_periods of them: a table (period, municipal
// value, median of the schools) and a line chart of both beside it, each
// pair kept on one printed page. Written only when ReportInput::trends is
// set and shown(). Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

inline constexpr const char *k_trends_sheet = "Тренды";

// Whether the workbook gets the «Тренды» sheet.
bool has_trends(const ReportInput &in);

// Does nothing and succeeds without trends.
model::Expected<void> write_trends_sheet(const BookContext &ctx);

} // namespace report
