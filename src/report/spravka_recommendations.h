// The справка's appendix of addressed recommendations: one row per
// recommendation naming every school it concerns, with their values, what to
// do and whose experience to use (analysis/recommendation_groups.h), instead
// of one sentence per school; the full per-school list stays on the
// workbook's «Рекомендации» sheet and in each director's workbook. Internal
// to src/report.
#pragma once

#include "report/docx_document.h"
#include "report/document_settings.h"
#include "report/results_workbook.h"

namespace report {

void write_recommendations(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings);

}  // namespace report
