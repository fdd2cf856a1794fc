// Which of a period's valid forms is each school's — one per school — and
// what the methodist must know about the choice. Part of the read phase.
//
// Rules (ingest/choose_latest.h orders the forms):
//   - a form naming school B in a file named for school A ("sch01_…" holding
//     sch02's form) is flagged on its row and in the notices; it counts for B
//     unless B sent a form under its own name, which wins;
//   - fill-in dates are believed from the day the period opened to the day of
//     the run; another date (07.11.2062 typed by mistake) is flagged on its
//     row and the file's modification time counts instead;
//   - forms nothing tells apart (same date, same modification time): with the
//     same figures one is used; with different figures none is — all are
//     rejected with an error, so the school is asked which one is right;
//     either way the notices say so;
//   - when a school's newer form was rejected and an older valid one is used,
//     the used form's row and the notices say so.
//
// Example:
//   std::vector<ingest::ValidForm> valid;   // each valid submission with the index of its file
//   auto choice = ingest::choose_forms(std::move(valid), files, registry, period, run_epoch);
//   accepted = std::move(choice.accepted);
#pragma once

#include <cstdint>
#include <vector>

#include "model/diagnostic.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace ingest {

struct ValidForm {
  model::Submission submission;
  std::size_t file = 0;  // index of its outcome in `files`
};

struct FormChoice {
  std::vector<model::Submission> accepted;  // one per school
  std::vector<model::Diagnostic> notices;   // for model::RunInfo::notices
};

// Sets the outcome of every file of `valid` in `files` (accepted, superseded,
// or rejected on a tie with different figures) and adds the diagnostics above.
FormChoice choose_forms(std::vector<ValidForm> valid, std::vector<model::FileOutcome>& files,
                        const model::Registry& registry, const model::Period& period, std::int64_t run_epoch);

}  // namespace ingest
