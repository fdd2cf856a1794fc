// «Рейтинг»: schools by total rubric points, most first, with the points of
// each block, the share of the maximum, the level and the school's group;
// then the municipality (scored from municipal values) and the median of the
// schools, and the chart «Баллы по ОО». Written only when the analysis has a
// rubric. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis with a rubric (does nothing and succeeds otherwise).
model::Expected<void> write_rating_sheet(const BookContext& ctx);

}  // namespace report
