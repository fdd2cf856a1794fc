// The read phase: every file of the inbox read and validated against the
// definition, one accepted form per school, and copies of the accepted forms
// in the archive. Inputs are only read. Used by `run` (and every command that
// makes results); `check` reads single files with ingest::check_form_file.
//
// Example:
//   const auto read = read_inbox(config, def, registry, period);
//   archive_accepted(config, period, read);   // problems are printed
#pragma once

#include <vector>

#include "cli/config.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace cli {

// What reading the inbox produced: the accepted submissions (one per school,
// sorted by school id) and every file's outcome (sorted by file name).
struct ReadResult {
  std::vector<model::Submission> accepted;
  std::vector<model::FileOutcome> files;
};

ReadResult read_inbox(const Config& config, const model::Definition& definition,
                      const model::Registry& registry, const model::Period& period);

// Copies the accepted forms into <archive>/<period>/; returns the problems
// (one per form that could not be archived).
std::vector<model::Diagnostic> archive_accepted(const Config& config, const model::Period& period,
                                                const ReadResult& read);

}  // namespace cli
