// «Группы ОО»: the groups of schools with similar results (analysis::
// cluster_schools): for each group its level, its schools and the factors
// that set it apart (group median against the municipal median, the
// difference and a sentence); then the schools without enough data, with
// the reason, and the warnings of the grouping. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis (does nothing and succeeds otherwise).
model::Expected<void> write_clusters_sheet(const BookContext& ctx);

}  // namespace report
