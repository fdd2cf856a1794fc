// The «Рекомендации» section of the аналитическая справка: to the methodical
// service and to school directors (drawn from the findings: directions
// without positive dynamics, targets not reached, the group needing support,
// the weakest rubric blocks, missing forms) and to named schools (at most
// [recommendations] per_school of each school's ranked recommendations; the
// full list stays on the workbook's «Рекомендации» sheet). Internal to src/report.
#pragma once

#include "report/docx_document.h"
#include "report/document_settings.h"
#include "report/results_workbook.h"

namespace report {

void write_recommendations(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings);

}  // namespace report
