// The calendar's own steps of a cycle, composed like the run's phases: forms
// out and reminders. Letters go through the caller's MailRound (the
// monitoring's outbox, the cycle's period); each school's letter is recorded
// in the history (school_letters), so `status` and «Сдача форм» can say who
// got what on which day. Nothing twice: the outbox does not send again a
// letter of the same identity and figures (a rerun after a crash), and the
// blank forms once written for a cycle are reused.
//
//   MailRound round(config, config.mail_dry_run);
//   const auto out = send_forms_out(config, inputs, cycle, today, round, session.history());
//   const auto reminded = send_reminders(config, inputs, task, today, round, session.history());
#pragma once

#include <string>
#include <vector>

#include "calendar/agenda.h"
#include "calendar/timetable.h"
#include "cli/config/config.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/phase_mail.h"
#include "store/history_store.h"

namespace cli {

struct CalendarStepReport {
  int letters = 0;                      // letters to schools posted (new or already sent before)
  std::vector<std::string> no_address;  // short names of schools without an e-mail
  int debtors = 0;                      // reminders: schools without an accepted form
  int failed = 0;                       // forms or letters that could not be made (printed)
};

// Forms out: each school's blank protected form (forms::write_form, as
// `template`, into <output>/<period>/forms/), a letter to each director with
// an address, and the methodist's list of the others with their forms.
CalendarStepReport send_forms_out(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history);

// The reminders of `task` (remind_before or remind_after), sent on `today`:
// reads the inbox (recorded in the history as seen today), then writes to
// every school with no accepted form of the period (a rejected one gets its
// errors again); after the deadline copied to the methodist. A reminder is
// known by its school and the day the calendar set for it (task.due), so one
// sent late or again after a crash is the same letter, not a second one.
CalendarStepReport send_reminders(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history);

// Records a calendar step as done or missed on `today` (a problem is printed).
void record_step(store::HistoryStore& history, const calendar::Task& task, calendar::Date today,
                 const std::string& status, const std::string& note);

// A mail step whole, as `daily` and `open` do it: one MailRound over the
// monitoring's outbox, the letters (forms out or reminders), the round's
// report, the step recorded done; exit code 0, 3 (letters wait) or 1 (forms
// or letters that could not be made).
struct MailStepResult {
  CalendarStepReport report;
  int exit_code = 0;
};
MailStepResult open_step(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                         calendar::Date today, store::HistoryStore& history);
MailStepResult remind_step(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                           calendar::Date today, store::HistoryStore& history);

}  // namespace cli
