// «Справка»: the municipal analytical summary (аналитическая справка) of the
// analysis as numbered, wrapped paragraphs that print in full (row heights
// estimated, long paragraphs split over rows; text_rows.h), with links to
// the sheets holding the detail. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis (does nothing and succeeds otherwise).
model::Expected<void> write_briefing_sheet(const BookContext& ctx);

}  // namespace report
