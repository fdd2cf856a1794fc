// Runs a reader in a forked child process, so that a crash or a hang inside a
// C library we do not control (FreeXL parses the whole .xls inside
// freexl_open(), can loop for a long time on crafted date cells and has a
// history of memory-safety bugs) becomes a clear refusal instead of taking
// the whole batch down. The result comes back through a pipe
// (workbook_codec.h).
#pragma once

#include <functional>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"

namespace ingest {

using ReaderJob = std::function<Status(Workbook&)>;

// Runs `job` in a child process and returns its Status, with `out` filled on
// success. The child is killed when the budget's time runs out (an error
// that says so); a child that dies is reported as a damaged file. When no
// child can be started (fork or pipe fails) the job runs in this process.
Status run_in_child(const ReadBudget& budget, const ReaderJob& job, Workbook& out);

}  // namespace ingest
