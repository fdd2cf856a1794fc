// The read phase: every file of the inbox read and validated against the
// definition, one accepted form per school, and copies of the accepted forms
// in the archive. Inputs are only read. Used by `run` (and every command that
// makes results); `check` reads single files with ingest::check_form_file.
//
// Example:
//   auto read = read_inbox(config, def, registry, period);
//   if (archive_accepted(config, period, read) > 0) code = k_exit_not_saved;
#pragma once

#include <optional>
#include <vector>

#include "cli/config/config.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace cli {

// What reading the inbox produced: the accepted submissions (one per school,
// sorted by school id), every file's outcome (sorted by file name) and the
// notices for the methodist (model::RunInfo::notices).
struct ReadResult {
  std::vector<model::Submission> accepted;
  std::vector<model::FileOutcome> files;
  std::vector<model::Diagnostic> notices;
  // The inbox folder itself is missing or cannot be listed: a configuration
  // error (nothing else is set). A monitoring's own inbox that was never
  // configured (<inbox>/<id>) and does not exist yet is an empty inbox, not
  // an error: no form has come yet (the collection makes it).
  std::optional<model::Diagnostic> inbox_error;
};

// Forms are read `threads` at a time (0: one per core); the result is the
// same whatever the count.
ReadResult read_inbox(const Config& config, const model::Definition& definition,
                      const model::Registry& registry, const model::Period& period, int threads = 0);

// The forms an earlier run accepted (`files` as the history recorded them),
// read again from their copies in <archive>/<period>/ (store/archive.h),
// so that a period's results can be rebuilt without the inbox. A form
// without a readable, valid copy is left out and reported in `problems`.
std::vector<model::Submission> read_archived(const Config& config, const model::Definition& definition,
                                             const model::Registry& registry, const model::Period& period,
                                             const std::vector<model::FileOutcome>& files,
                                             std::vector<model::Diagnostic>& problems);

// Copies the accepted forms into <archive>/<period>/, all of them published
// with one sync (util::PublishBatch), `threads` at a time (0: one per core).
// A form that could not be copied gets the error on its file's outcome and in
// read.notices; returns how many could not.
int archive_accepted(const Config& config, const model::Period& period, ReadResult& read,
                     int threads = 0);

}  // namespace cli
