// `metodmon run`: the monthly job, composed of the phases — read the inbox
// (phase_read), compute the results (phase_compute), publish the workbooks and
// the history (phase_publish), mail the letters (phase_mail) — inside one run
// session (run_session: lock, history record). Inputs are only read. Returns
// an exit code (exit_codes.h).
//
// The daily calendar makes the same results run inside its own session
// (lock, history scoped to the monitoring) through results_run().
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/config/config.h"
#include "cli/config/run_inputs.h"
#include "calendar/timetable.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/run_session.h"
#include "model/submission_log.h"

namespace cli {

struct RunOptions {
  bool quiet = false;  // no Russian summary on stdout
  int threads = 0;     // forms read and workbooks written at a time; 0: one per core
};

int run_command(const Config& config, const RunOptions& options);

struct ResultsRunOptions {
  bool quiet = false;
  std::int64_t epoch = 0;  // the moment the run stands for (run_epoch(), or the calendar's day)
  // Given the read, the sheet «Сдача форм» (submission_log.h); null or
  // nullopt: no such sheet.
  std::function<std::optional<model::SubmissionLog>(const ReadResult&)> returns;
  int threads = 0;  // forms read and workbooks written at a time; 0: one per core
  // A calendar deployment: the cycle (its deadline in the letters about
  // rejected forms), which rejected files to tell (each once), and the
  // calendar's missed steps for the methodist's letter.
  const calendar::Cycle* cycle = nullptr;
  RejectedAnswers answers;
  std::vector<std::string> calendar_notes;
  // Set true when the methodist's letter was filed anew (it told the notes).
  bool* methodist_told = nullptr;
};

// Read, compute, publish, mail one period (inputs.period) inside `session`,
// which the caller holds; returns the run's exit code.
int results_run(const Config& config, const RunInputs& inputs, RunSession& session,
                const ResultsRunOptions& options);

}  // namespace cli
