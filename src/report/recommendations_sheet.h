// «Рекомендации»: the addressed recommendations of every school, grouped by
// direction, one per row (school, direction, what triggered it, the school's
// value, the reference and the difference, the text), so that a methodist
// can filter by school or direction. A school without recommendations gets a
// row saying so. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis (does nothing and succeeds otherwise).
model::Expected<void> write_recommendations_sheet(const BookContext& ctx);

}  // namespace report
