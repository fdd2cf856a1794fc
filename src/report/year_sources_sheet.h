// «Мониторинги года»: what a yearly rubric over monitorings rests on — one
// row per monitoring of the year ([[source]]): its months, the configured
// monitoring that runs it, whether its results of the year were there, how
// many schools have values in them (in a director's workbook also whether
// this school has), the rubric positions its indicators carry, and what a
// missing one means for the points. Written only when
// ReportInput::run.year_sources is not empty. Internal to src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

model::Expected<void> write_year_sources_sheet(const BookContext& ctx);

}  // namespace report
