// `metodmon run`: the monthly job. Reads every workbook in the inbox,
// validates each against the definition, aggregates the accepted forms and
// writes the results workbook and the directors' workbooks. Inputs are only
// read. Returns an exit code (exit_codes.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/config.h"
#include "model/definition.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace cli {

// The school id under which municipal figures are kept in the history.
inline constexpr std::string_view k_municipal_id = "_municipality";

struct RunOptions {
  bool quiet = false;  // no Russian summary on stdout
};

// What reading the inbox produced: the accepted submissions (one per school)
// and every file's outcome.
struct IngestResult {
  std::vector<model::Submission> accepted;
  std::vector<model::FileOutcome> files;  // sorted by file name
};

IngestResult ingest_inbox(const Config& config, const model::Definition& definition,
                          const model::Registry& registry, const model::Period& period);

int run_command(const Config& config, const RunOptions& options);

}  // namespace cli
