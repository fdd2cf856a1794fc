// The read phase: every file of the inbox read and validated against the
// definition, one accepted form per school, the questionnaire exports of a
// method with [[survey]] read into each school's values (survey/), and copies
// of the accepted forms and exports in the archive. Inputs are only read.
// Used by `run` (and every command that makes results); `check` reads single
// files with ingest::check_form_file and survey::ExportReader.
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
// sorted by school id; a school only questionnaires speak for has one without
// a form, model::Submission::form), every file's outcome (sorted by file
// name), the accepted questionnaire exports and the notices for the methodist
// (model::RunInfo::notices).
struct ReadResult {
  std::vector<model::Submission> accepted;
  std::vector<model::FileOutcome> files;
  std::vector<model::SourceFile> exports;
  std::vector<model::Diagnostic> notices;
  // The inbox folder itself is missing or cannot be listed: a configuration
  // error (nothing else is set). A monitoring's own inbox that was never
  // configured (<inbox>/<id>) and does not exist yet is an empty inbox, not
  // an error: no form has come yet (the collection makes it).
  std::optional<model::Diagnostic> inbox_error;
};

// Forms are read `threads` at a time (0: one per core); the result is the
// same whatever the count. Exports are read one at a time, in inbox order.
ReadResult read_inbox(const Config& config, const model::Definition& definition,
                      const model::Registry& registry, const model::Period& period, int threads = 0);

// The exports of a method with [[survey]] (survey::looks_like_export), read
// in the given order into `result`: their outcomes appended to result.files,
// the accepted ones to result.exports, each school's values added to
// result.accepted (survey::add_survey_values), notices to result.notices.
void read_questionnaires(const Config& config, const model::Definition& definition, const model::Registry& registry,
                         const model::Period& period, const std::vector<model::SourceFile>& exports,
                         ReadResult& result);

// The forms and exports an earlier run accepted (`files` as the history
// recorded them: an export has no school), read again from their copies in
// <archive>/<period>/ (store/archive.h), so that a period's results can be
// rebuilt without the inbox. A file without a readable, valid copy is left
// out and reported in `problems`.
std::vector<model::Submission> read_archived(const Config& config, const model::Definition& definition,
                                             const model::Registry& registry, const model::Period& period,
                                             const std::vector<model::FileOutcome>& files,
                                             std::vector<model::Diagnostic>& problems);

// Copies the accepted forms and exports (the latter without a school in
// their name) into <archive>/<period>/, all of them published
// with one sync (util::PublishBatch), `threads` at a time (0: one per core).
// A form that could not be copied gets the error on its file's outcome and in
// read.notices; returns how many could not.
int archive_accepted(const Config& config, const model::Period& period, ReadResult& read,
                     int threads = 0);

}  // namespace cli
