// The publish phase: the period's results made visible, each output written
// atomically — the results workbook, a workbook per director and the
// documents of the period (the аналитическая справка and the draft приказ,
// report/documents.h) under <output>/<period>/, then the files seen and the
// values of the period in the history.
//
// Example:
//   const report::ReportInput input{def, registry, results.summary, run, &results.analysis};
//   const auto published = publish_results(config, input);
//   if (!published) return session.fail(published.error());
//   record_results(session, run, results.summary);
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "cli/config/config.h"
#include "cli/phases/run_session.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "report/results_workbook.h"

namespace cli {

// Where a period's published files are.
struct Published {
  std::filesystem::path results_file;   // <output>/<period>/Итоги_<definition id without years>_<period>.xlsx
  std::filesystem::path directors_dir;  // <output>/<period>/directors/
  std::vector<std::string> director_school_ids;  // a workbook <id>_<period>.xlsx each
  std::filesystem::path spravka_file;   // <output>/<period>/Справка_<definition>_<period>.docx
  std::filesystem::path prikaz_file;    // <output>/<period>/Приказ_<definition>_<period>.docx

  std::filesystem::path director_file(const std::string& school_id) const;
};

// The paths of a period's outputs, whether written yet or not.
Published published_paths(const Config& config, const model::Definition& definition,
                          const model::Period& period);

// Removes what an interrupted run left half-written in the period's folders
// (output and archive).
void remove_stale_outputs(const Config& config, const model::Period& period);

// Writes every director's workbook, then the results workbook (past
// max_school_sheets it links to the directors' workbooks rather than writing
// the same sheets again), `threads` workbooks at a time (0: one per core),
// then the documents.
model::Expected<Published> publish_results(const Config& config, const report::ReportInput& input,
                                           int threads = 0);

// Writes the period's documents only (`metodmon documents`).
model::Expected<Published> publish_documents(const Config& config, const report::ReportInput& input);

// Whether the period already has published results: its results workbook,
// or values in the history. A run that accepts no form must not replace them.
bool has_published_results(const Config& config, const model::Definition& definition,
                           const model::Period& period, const store::HistoryStore& history);

// Records the run's files and its notices (in the run log) in the history.
model::Expected<void> record_run(RunSession& session, const model::RunInfo& run);
// record_run(), then the period's values.
model::Expected<void> record_results(RunSession& session, const model::RunInfo& run,
                                     const aggregate::Summary& summary);

}  // namespace cli
