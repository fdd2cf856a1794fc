#include "cli/phases/phase_calendar.h"

#include <spdlog/spdlog.h>

#include <functional>
#include <map>
#include <set>

#include "cli/phases/exit_codes.h"
#include "cli/phases/form_options.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/submission_log.h"
#include "forms/form_writer.h"
#include "ingest/inbox_listing.h"
#include "letters/calendar_letters.h"
#include "report/returns_sheet.h"
#include "util/sha256.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// The calendar step that keeps the inbox listing the last answers to
// rejected forms were given over (its note).
constexpr const char* k_answered_step = "answered";

// What letters need besides the cycle: the definition, the registry, who
// writes, the day (the run's moment: that day at 07:00).
struct LetterSetting {
  aggregate::Summary none;
  model::RunInfo run;
  letters::MailContext ctx;

  LetterSetting(const Config& config, const RunInputs& inputs, calendar::Date today)
      : ctx(mail_context(config, inputs.definition.definition, inputs.registry.registry, none, run)) {
    none.period = inputs.period;
    run.run_epoch = calendar::local_epoch(today, 7);
  }
};

// The school's blank form of the cycle: written once, then reused.
model::Expected<mail::MailAttachment> blank_form(const Config& config, const RunInputs& inputs,
                                                    const model::School& school, calendar::Date today,
                                                    calendar::Date deadline) {
  const auto file = config.output / inputs.period.id / "forms" / forms::form_file_name(school, inputs.period);
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    const auto options = form_options(config, inputs.definition.definition, inputs.period,
                                      calendar::iso_text(today) + " 00:00", today, deadline);
    if (auto r = forms::write_form(inputs.definition.definition, school, inputs.period, file, options); !r) {
      return std::unexpected(r.error());
    }
    spdlog::info("форма записана: {}", file.string());
  }
  return letters::attach(file);
}

// How the outbox left the letter just posted, from the round's counts.
std::string posted_status(const MailTally& before, const MailTally& after) {
  if (after.sent > before.sent || after.unchanged > before.unchanged) return "sent";
  if (after.waiting > before.waiting) return "pending";
  if (after.invalid > before.invalid) return "invalid";
  if (after.failed > before.failed || after.unwritten > before.unwritten) return "failed";
  return "dry-run";
}

std::string recipients_of(const mail::Letter& letter) {
  std::string out;
  for (const auto& a : letter.message.envelope_recipients()) out += (out.empty() ? "" : ",") + a;
  return out;
}

void record(store::HistoryStore& history, const store::SchoolLetterRecord& letter) {
  if (auto r = history.record_letters(std::vector{letter}); !r) print_diagnostics({r.error()});
}

// (name, SHA-256) of the period's received files already told to their schools, and on which day.
std::map<std::pair<std::string, std::string>, std::string> told_files(const store::HistoryStore& history,
                                                                     const std::string& period) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  const auto received = history.received_of(period);
  if (!received) {
    print_diagnostics({received.error()});
    return out;
  }
  for (const auto& f : *received) {
    if (!f.told.empty()) out[{f.name, f.sha256}] = f.told;
  }
  return out;
}

void mark_told(store::HistoryStore& history, const std::string& period, const model::FileOutcome& f,
               calendar::Date today) {
  if (auto r = history.mark_told(period, f.file.name, f.file.sha256, calendar::iso_text(today)); !r) {
    print_diagnostics({r.error()});
  }
}

// Each school's state in words, log order.
std::vector<std::string> state_words(const model::SubmissionLog& log) {
  std::vector<std::string> out;
  for (const auto& s : log.schools) out.push_back(report::return_state_text(s));
  return out;
}

}  // namespace

CalendarStepReport send_forms_out(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history) {
  CalendarStepReport report;
  const LetterSetting setting(config, inputs, today);
  const auto& period = cycle.period.id;
  const auto day = calendar::iso_text(today);
  std::vector<const model::School*> no_address;
  std::vector<mail::MailAttachment> their_forms;
  for (const auto& school : inputs.registry.registry.schools) {
    auto form = blank_form(config, inputs, school, today, cycle.deadline);
    if (!form) {
      round.not_composed(form.error());
      ++report.failed;
      continue;
    }
    if (school.email.empty()) {
      no_address.push_back(&school);
      report.no_address.push_back(school.short_name);
      their_forms.push_back(std::move(*form));
      record(history, {period, school.id, "form-out", day, "", "no-address"});
      continue;
    }
    auto letter = letters::form_out_letter(setting.ctx, cycle, school, std::move(*form));
    const auto recipients = recipients_of(letter);
    const auto before = round.tally();
    round.post(period, std::move(letter));
    record(history, {period, school.id, "form-out", day, recipients, posted_status(before, round.tally())});
    ++report.letters;
  }
  if (!no_address.empty() && !config.mail.methodist.empty()) {
    round.post(period, letters::no_address_letter(setting.ctx, cycle, no_address, std::move(their_forms)));
  }
  return report;
}

CalendarStepReport send_reminders(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history,
                                  const std::vector<std::string>& notes) {
  CalendarStepReport report;
  const auto& cycle = task.cycle;
  const auto& period = cycle.period.id;
  const bool after_deadline = task.step == calendar::Step::remind_after;
  const auto day = task.due;
  const auto& def = inputs.definition.definition;
  const auto& registry = inputs.registry.registry;
  const auto read = read_inbox(config, def, registry, inputs.period);
  if (read.inbox_error) print_diagnostics({*read.inbox_error});  // the debtors still come from the history
  if (auto r = record_read(history, period, read.files, today); !r) print_diagnostics({r.error()});
  const auto log = submission_log(history, registry, cycle);
  if (!log) {
    print_diagnostics({log.error()});
    ++report.failed;
    return report;
  }
  // The rejected form each school is told about (its newest, not corrected
  // since), and those whose answer went out this morning.
  std::map<std::string, const model::FileOutcome*> rejected;
  for (const auto* f : rejected_to_tell(read.files, registry)) rejected[f->school_id] = f;
  const auto told = told_files(history, period);
  const auto today_text = calendar::iso_text(today);
  const LetterSetting setting(config, inputs, today);
  const auto kind = after_deadline ? "reminder-after" : "reminder";
  for (const auto& s : log->schools) {
    if (!is_debtor(s.state)) continue;
    ++report.debtors;
    const auto* school = registry.find(s.school_id);
    if (school == nullptr) continue;
    if (school->email.empty()) {
      report.no_address.push_back(school->short_name);
      record(history, {period, school->id, kind, calendar::iso_text(day), "", "no-address"});
      continue;
    }
    const auto r = rejected.find(school->id);
    const model::FileOutcome* own = r == rejected.end() ? nullptr : r->second;
    if (own != nullptr) {
      const auto t = told.find({own->file.name, own->file.sha256});
      if (t != told.end() && t->second == today_text) {
        // Its errors and the deadline went to it this morning: not twice.
        record(history, {period, school->id, kind, calendar::iso_text(day), school->email, "answered"});
        continue;
      }
    }
    auto form = blank_form(config, inputs, *school, today, cycle.deadline);
    if (!form) {
      round.not_composed(form.error());
      ++report.failed;
      continue;
    }
    std::vector<const model::FileOutcome*> errors;
    if (own != nullptr) errors.push_back(own);
    auto letter = letters::reminder_letter(setting.ctx, cycle, *school, std::move(*form), errors, day, after_deadline);
    const auto recipients = recipients_of(letter);
    const auto before = round.tally();
    round.post(period, std::move(letter));
    const auto status = posted_status(before, round.tally());
    record(history, {period, school->id, kind, calendar::iso_text(day), recipients, status});
    if (own != nullptr && round.tally().unwritten == before.unwritten) mark_told(history, period, *own, today);
    ++report.letters;
  }
  // The methodist: who has sent, who has not, who was rejected, as of now.
  if (!config.mail.methodist.empty()) {
    const auto after = submission_log(history, registry, cycle);
    if (!after) {
      print_diagnostics({after.error()});
      return report;
    }
    std::optional<mail::MailAttachment> workbook;
    if (refresh_returns_workbook(config, inputs, cycle, today, history)) {
      if (auto a = letters::attach(returns_workbook_file(config, inputs))) workbook = std::move(*a);
    }
    LetterSetting status(config, inputs, today);
    status.ctx.calendar_notes = notes;
    const auto unwritten = round.tally().unwritten;
    round.post(period, letters::returns_status_letter(status.ctx, cycle, *after, state_words(*after), today,
                                                      std::move(workbook)));
    report.methodist_told = round.tally().unwritten == unwritten;
  }
  return report;
}

void record_step(store::HistoryStore& history, const calendar::Task& task, calendar::Date today,
                 const std::string& status, const std::string& note) {
  const store::CalendarStepRecord r{task.cycle.period.id, task.key, calendar::iso_text(task.due),
                                      calendar::iso_text(today), status, note};
  if (auto done = history.record_step(r); !done) print_diagnostics({done.error()});
}

namespace {

int step_exit_code(const CalendarStepReport& report, const MailTally& tally) {
  return report.failed > 0              ? k_exit_failure
         : tally.unwritten > 0          ? k_exit_not_saved
         : tally.not_delivered() > 0    ? k_exit_mail_failed
                                        : k_exit_ok;
}

MailStepResult mail_step(const Config& config, const calendar::Task& task, calendar::Date today,
                         store::HistoryStore& history,
                         const std::function<CalendarStepReport(MailRound&)>& letters) {
  MailRound round(config, config.mail_dry_run);
  MailStepResult out{letters(round), k_exit_ok};
  round.report(config.outbox / task.cycle.period.id);
  // A letter of the step that could not be composed or filed (a full disk)
  // is in no outbox for `send`: the step is not done, and the next day does
  // it again. The letters that went out are not sent twice: the outbox keeps
  // them, with the same figures, as delivered.
  const auto& tally = round.tally();
  if (tally.unwritten == 0) record_step(history, task, today, "done", "");
  out.exit_code = step_exit_code(out.report, tally);
  return out;
}

}  // namespace

MailStepResult open_step(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                         calendar::Date today, store::HistoryStore& history) {
  return mail_step(config, task, today, history, [&](MailRound& round) {
    return send_forms_out(config, inputs, task.cycle, today, round, history);
  });
}

MailStepResult remind_step(const Config& config, const RunInputs& inputs, const calendar::Task& task,
                           calendar::Date today, store::HistoryStore& history, const std::vector<std::string>& notes) {
  return mail_step(config, task, today, history, [&](MailRound& round) {
    return send_reminders(config, inputs, task, today, round, history, notes);
  });
}

MailStepResult answer_rejected(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                               calendar::Date today, store::HistoryStore& history) {
  MailStepResult out;
  if (!config.mail_enabled || !config.send_errors_to_schools) return out;
  const auto& period = cycle.period.id;
  // Nothing new in the inbox since the last answers: nothing to read.
  if (!has_unanswered_files(config, period, history)) return out;
  const auto listing = ingest::inbox_listing(config.inbox);
  const auto& registry = inputs.registry.registry;
  const auto read = read_inbox(config, inputs.definition.definition, registry, inputs.period);
  if (auto r = record_read(history, period, read.files, today); !r) print_diagnostics({r.error()});
  const auto told = told_files(history, period);
  LetterSetting setting(config, inputs, today);
  setting.ctx.cycle = &cycle;
  MailRound round(config, config.mail_dry_run);
  const auto day = calendar::iso_text(today);
  for (const auto* f : rejected_to_tell(read.files, registry)) {
    if (told.contains({f->file.name, f->file.sha256})) continue;
    auto letter = letters::rejected_form_letter(setting.ctx, *registry.find(f->school_id), *f);
    if (!letter) continue;  // no address: the methodist's letters name the school
    const auto recipients = recipients_of(*letter);
    const auto before = round.tally();
    round.post(period, std::move(*letter));
    record(history, {period, f->school_id, "answer", day, recipients, posted_status(before, round.tally())});
    if (round.tally().unwritten == before.unwritten) {
      mark_told(history, period, *f, today);
      ++out.report.letters;
    }
  }
  round.report(config.outbox / period);
  if (round.tally().unwritten == 0) {
    const store::CalendarStepRecord seen{period, k_answered_step, day, day, "done", listing};
    if (auto r = history.record_step(seen); !r) print_diagnostics({r.error()});
  }
  out.exit_code = step_exit_code(out.report, round.tally());
  return out;
}

bool has_unanswered_files(const Config& config, const std::string& period, const store::HistoryStore& history) {
  const auto listing = ingest::inbox_listing(config.inbox);
  if (const auto steps = history.steps_of(period)) {
    for (const auto& s : *steps) {
      if (s.step == k_answered_step) return s.note != listing;
    }
  }
  return !listing.empty();
}

RejectedAnswers rejected_answers(store::HistoryStore& history, const std::string& period, calendar::Date today) {
  RejectedAnswers answers;
  answers.untold = [&history, period](const model::FileOutcome& f) {
    return !told_files(history, period).contains({f.file.name, f.file.sha256});
  };
  answers.told = [&history, period, today](const model::FileOutcome& f) { mark_told(history, period, f, today); };
  return answers;
}

void drop_unheld_periods(calendar::Agenda& agenda, const model::Definition& definition, calendar::Date start) {
  if (definition.sources.empty()) return;
  const int first = calendar::year_of(start) * 10000 + calendar::month_of(start) * 100 + calendar::day_of(start);
  const auto unheld = [&](const calendar::Task& t) { return model::first_day(t.cycle.period) < first; };
  std::erase_if(agenda.tasks, unheld);
  std::erase_if(agenda.missed, unheld);
}

fs::path returns_workbook_file(const Config& config, const RunInputs& inputs) {
  return config.output / inputs.period.id /
         ("Сдача_форм_" + inputs.definition.definition.id + "_" + inputs.period.id + ".xlsx");
}

namespace {

// Everything the workbook shows of the log, to tell whether it changed.
std::string log_digest(const model::SubmissionLog& log) {
  std::string text = log.period + "|" + log.opened + "|" + log.deadline + "\n";
  for (const auto& s : log.schools) {
    text += s.school_id + "|" + s.school_name + "|" + report::sent_letters_text(s.forms_out) + "|" +
            report::received_files_text(s.files) + "|" + report::sent_letters_text(s.reminders) + "|" +
            report::return_state_text(s) + "\n";
  }
  return util::sha256_hex(text);
}

constexpr const char* k_returns_step = "returns-workbook";

bool write_log_workbook(const Config& config, const RunInputs& inputs, const model::SubmissionLog& log,
                        calendar::Date today) {
  aggregate::Summary none;
  none.period = inputs.period;
  model::RunInfo run;
  run.run_epoch = calendar::local_epoch(today, 7);
  report::ReportInput input{inputs.definition.definition, inputs.registry.registry, none, run};
  input.returns = &log;
  if (auto r = report::write_returns_workbook(input, returns_workbook_file(config, inputs)); !r) {
    print_diagnostics({r.error()});
    return false;
  }
  return true;
}

}  // namespace

bool refresh_returns_workbook(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                              calendar::Date today, store::HistoryStore& history) {
  const auto log = submission_log(history, inputs.registry.registry, cycle);
  if (!log) {
    print_diagnostics({log.error()});
    return false;
  }
  const auto digest = log_digest(*log);
  std::error_code ec;
  if (fs::exists(returns_workbook_file(config, inputs), ec)) {
    if (const auto steps = history.steps_of(cycle.period.id)) {
      for (const auto& s : *steps) {
        if (s.step == k_returns_step && s.note == digest) return true;
      }
    }
  }
  if (!write_log_workbook(config, inputs, *log, today)) return false;
  const auto day = calendar::iso_text(today);
  if (auto r = history.record_step({cycle.period.id, k_returns_step, day, day, "done", digest}); !r) {
    print_diagnostics({r.error()});
  }
  return true;
}

}  // namespace cli
