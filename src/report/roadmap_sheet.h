// «Дорожная карта»: plan against fact per indicator (grouped by direction):
// the target of the period's year, the municipal value, its status and gap,
// how many schools reach the target («k из n»), and the targets of every year
// of the roadmap. The plan-and-fact chart stays on «Диаграммы». Internal to
// src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

// Requires ctx.in.analysis (does nothing and succeeds otherwise).
model::Expected<void> write_roadmap_sheet(const BookContext& ctx);

}  // namespace report
