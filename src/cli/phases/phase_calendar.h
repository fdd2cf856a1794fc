// The calendar's own steps of a cycle, composed like the run's phases: forms
// out, reminders, the answers to rejected forms, the methodist's state of
// the collection and the workbook «Сдача форм». Letters go through a
// MailRound (the monitoring's outbox, the cycle's period); each school's
// letter is recorded in the history (school_letters), so `status` and «Сдача
// форм» can say who got what on which day. Nothing twice: the outbox does not
// send again a letter of the same identity and figures (a rerun after a
// crash), a rejected file is told to its school once (the history's `told`),
// and the blank forms once written for a cycle are reused.
//
//   const auto out = open_step(config, inputs, task, today, session.history());
//   const auto answered = answer_rejected(config, inputs, cycle, today, session.history());
//   const auto reminded = remind_step(config, inputs, task, today, session.history(), notes);
//   refresh_returns_workbook(config, inputs, cycle, today, session.history());
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "calendar/agenda.h"
#include "calendar/timetable.h"
#include "cli/config/config.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/phase_read.h"
#include "store/history_store.h"

namespace cli {

struct CalendarStepReport {
  int letters = 0;                      // letters to schools posted (new or already sent before)
  std::vector<std::string> no_address;  // short names of schools without an e-mail
  int debtors = 0;                      // reminders: schools without an accepted form
  int failed = 0;                       // forms or letters that could not be made (printed)
  bool methodist_told = false;          // the methodist's letter of the step was filed
};

// Forms out: each school's blank protected form (forms::write_form, as
// `template`, into <output>/<period>/forms/), a letter to each director with
// an address, and the methodist's list of the others with their forms.
CalendarStepReport send_forms_out(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history);

// The reminders of `task` (remind_before or remind_after), sent on `today`:
// reads the inbox (recorded in the history as seen today), then writes to
// every school with no accepted form of the period (a rejected one gets its
// errors again, and its file counts as told); after the deadline copied to
// the methodist. A school whose rejected form was answered this same morning
// (answer_rejected) has had the deadline and its errors already: its
// reminder is recorded as answered, not sent. A reminder is known by its
// school and the day the calendar set for it (task.due), so one sent late or
// again after a crash is the same letter, not a second one. Then the
// methodist's state of the collection (letters::returns_status_letter, with
// `notes`: missed steps to tell her) with the workbook «Сдача форм».
CalendarStepReport send_reminders(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history,
                                  const std::vector<std::string>& notes);

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
                           calendar::Date today, store::HistoryStore& history,
                           const std::vector<std::string>& notes = {});

// The answer to each rejected form of the cycle not told yet (with
// send_errors_to_schools): the school's newest rejected form that no newer
// accepted one replaced (rejected_to_tell), its errors with their cells, how
// to fix them and the deadline (letters::rejected_form_letter), recorded as
// told on `today`. Reads the inbox (recorded as seen today) only when its
// listing changed since the last answer of the cycle. `report.letters`:
// schools answered; exit code as a mail step's (the step is not recorded).
MailStepResult answer_rejected(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                               calendar::Date today, store::HistoryStore& history);

// Whether the inbox changed since answer_rejected last looked at the period
// (only its listing is compared: no file is opened).
bool has_unanswered_files(const Config& config, const std::string& period, const store::HistoryStore& history);

// The results run's answers of a calendar deployment: each rejected file
// told once, whichever day or run tells it (the history's `told`).
RejectedAnswers rejected_answers(store::HistoryStore& history, const std::string& period, calendar::Date today);

// A yearly rubric over monitorings ([[source]]) is computed only for periods
// the calendar ran its monitorings from the beginning of: a deployment that
// starts in September 2025 collects no rubric for 2024/25 (none of its
// monitorings' results are there). Drops such cycles' tasks and missed steps.
void drop_unheld_periods(calendar::Agenda& agenda, const model::Definition& definition, calendar::Date start);

// <output>/<period>/Сдача_форм_<definition id>_<period>.xlsx.
std::filesystem::path returns_workbook_file(const Config& config, const RunInputs& inputs);

// Writes that workbook from the history (the cycle's log as of `today`),
// every morning: rewritten only when the log changed or the file is gone;
// true when the file is there and current (a problem is printed: false).
bool refresh_returns_workbook(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                              calendar::Date today, store::HistoryStore& history);

}  // namespace cli
