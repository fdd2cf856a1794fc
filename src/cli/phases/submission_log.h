// The calendar's record of how the schools return their forms in a cycle:
// every read of a monitoring's inbox records the period's files in the
// history (store::HistoryStore::record_received), and the log — when each
// school's form went out, its files with dates and verdicts, its reminders,
// its state — is built back from the history for the sheet «Сдача форм»,
// `metodmon status` and the reminders (who is a debtor).
//
//   record_read(history, cycle.period.id, read.files, today);
//   const auto log = submission_log(history, registry, cycle);
//   for (const auto& s : log->schools) if (is_debtor(s.state)) remind(s.school_id);
#pragma once

#include <optional>
#include <vector>

#include "calendar/timetable.h"
#include "cli/config/config.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/phase_read.h"
#include "model/school.h"
#include "model/submission_log.h"
#include "store/history_store.h"

namespace cli {

// Records the files of a read that belong to `period` (not another period's
// forms, not set-aside non-forms) as seen on `day`.
model::Expected<void> record_read(store::HistoryStore& history, const std::string& period,
                                  const std::vector<model::FileOutcome>& files, calendar::Date day);

// The cycle's log from the history (its scope: the monitoring). A form is
// late when it was sent (its file's time) after the deadline day.
model::Expected<model::SubmissionLog> submission_log(const store::HistoryStore& history,
                                                     const model::Registry& registry, const calendar::Cycle& cycle);

// Still owes its form: none accepted yet (never sent, or only rejected ones).
bool is_debtor(model::ReturnState state);

// For a results run of a calendar deployment (config.calendar): records the
// read and returns the log of the cycle that reports on inputs.period, for
// the sheet «Сдача форм»; nullopt for a plain configuration, or when the
// period is no cycle of the monitoring's timetable (a problem is printed).
std::optional<model::SubmissionLog> returns_of_read(const Config& config, const RunInputs& inputs,
                                                    store::HistoryStore& history, const ReadResult& read,
                                                    calendar::Date day);

}  // namespace cli
