// «Динамика»: the municipal value of every indicator now against the
// previous period and the same period of earlier years (change in p.p. with
// an arrow, green when better, red when worse), then each school's change
// against the previous period (schools by indicators). Written only when
// the analysis has earlier periods. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis with earlier periods (does nothing and succeeds otherwise).
model::Expected<void> write_dynamics_sheet(const BookContext& ctx);

}  // namespace report
