// One indicator as the documents speak of it: the rows of the справка's
// tables of indicators. Yes/no
// indicators are spoken of as schools («10 из 12 ОО», «+2 ОО»); a change of a
// municipal value says when the set of schools changed. Internal to src/report.
#pragma once

#include <string>
#include <vector>

#include "report/docx_document.h"
#include "report/results_workbook.h"

namespace report {

// The tables of indicators: code, full name (the legend of the codes the
// справка's text uses), municipal value, median, target of the year, schools
// reaching it (columns without any figure are left out); with earlier periods
// a second table of changes against the previous period and the same period
// of an earlier year, naming indicators by code and a few words; a heading row
// per direction; and the notes to print under them (a changed set of schools,
// how values are made).
struct IndicatorTable {
  std::vector<docx::Table> tables;  // values; then changes, when there are earlier periods
  std::vector<std::string> notes;
};
IndicatorTable indicator_table(const ReportInput& in);

}  // namespace report
