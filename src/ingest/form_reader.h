// A school's workbook -> a validated Submission, or located errors in Russian.
// Never stops at the first problem: every bad cell of the form is reported,
// so a school fixes everything in one go.
//
//   auto r = ingest::read_form(workbook, definition, registry, period, source);
//   if (r.submission) accepted.push_back(*r.submission);
//   all_diagnostics.insert(all_diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/workbook_model.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/school.h"
#include "model/submission.h"

namespace ingest {

struct FormReadResult {
  std::optional<model::Submission> submission;  // set only when there are no errors
  std::vector<model::Diagnostic> diagnostics;   // errors and warnings, form order
  std::string school_id;                        // the form's _meta school id, when it has one
  // Set when the form is of another period (it is then neither judged nor
  // accepted; the one diagnostic is an info saying so).
  std::optional<model::Period> other_period;
};

// How inputs are found: by defined names "in_<id>" (xlsx), else by the
// "_meta" sheet's "input:<id>" rows (xls, where FreeXL gives no names), else
// by the labels on the form sheet (a form copied into a new file).
// The key/value rows of a form's hidden "_meta" sheet (model/form_layout.h:
// definition_id, school_id, period …); empty when it has none.
std::map<std::string, std::string> form_meta(const Workbook& workbook);

FormReadResult read_form(const Workbook& workbook, const model::Definition& definition,
                         const model::Registry& registry, const model::Period& period,
                         const model::SourceFile& source);

}  // namespace ingest
