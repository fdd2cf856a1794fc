// One inbox file through the gate: read the workbook (any format), then
// validate it as a form. Used by `metodmon run` for every file of the inbox
// and by `metodmon check` for the files it is given.
#pragma once

#include <optional>

#include "ingest/workbook_model.h"
#include "model/definition.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace ingest {

struct CheckedFile {
  model::FileOutcome outcome;                   // accepted or rejected, with every diagnostic
  std::optional<model::Submission> submission;  // set when accepted
};

CheckedFile check_form_file(const model::SourceFile& file, const ReadLimits& limits,
                            const model::Definition& definition, const model::Registry& registry,
                            const model::Period& period);

}  // namespace ingest
