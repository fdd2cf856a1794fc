#include "cli/phases/phase_calendar.h"

#include <spdlog/spdlog.h>

#include <functional>
#include <map>

#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/submission_log.h"
#include "forms/form_writer.h"
#include "letters/calendar_letters.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// What letters need besides the cycle: the definition, the registry, who writes.
struct LetterSetting {
  aggregate::Summary none;
  model::RunInfo run;
  letters::MailContext ctx;

  LetterSetting(const Config& config, const RunInputs& inputs)
      : ctx{inputs.definition.definition, inputs.registry.registry, none, run, config.mail.from,
            config.mail.methodist} {
    none.period = inputs.period;
  }
};

// The school's blank form of the cycle: written once, then reused.
model::Expected<mail::MailAttachment> blank_form(const Config& config, const RunInputs& inputs,
                                                    const model::School& school, calendar::Date today) {
  const auto file = config.output / inputs.period.id / "forms" / forms::form_file_name(school, inputs.period);
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    const forms::FormOptions options{config.form_password, calendar::iso_text(today) + " 00:00"};
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

}  // namespace

CalendarStepReport send_forms_out(const Config& config, const RunInputs& inputs, const calendar::Cycle& cycle,
                                  calendar::Date today, MailRound& round, store::HistoryStore& history) {
  CalendarStepReport report;
  const LetterSetting setting(config, inputs);
  const auto& period = cycle.period.id;
  const auto day = calendar::iso_text(today);
  std::vector<const model::School*> no_address;
  std::vector<mail::MailAttachment> their_forms;
  for (const auto& school : inputs.registry.registry.schools) {
    auto form = blank_form(config, inputs, school, today);
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
                                  calendar::Date today, MailRound& round, store::HistoryStore& history) {
  CalendarStepReport report;
  const auto& cycle = task.cycle;
  const bool after_deadline = task.step == calendar::Step::remind_after;
  const auto day = task.due;
  const auto& def = inputs.definition.definition;
  const auto& registry = inputs.registry.registry;
  const auto read = read_inbox(config, def, registry, inputs.period);
  if (read.inbox_error) print_diagnostics({*read.inbox_error});  // the debtors still come from the history
  if (auto r = record_read(history, cycle.period.id, read.files, today); !r) print_diagnostics({r.error()});
  const auto log = submission_log(history, registry, cycle);
  if (!log) {
    print_diagnostics({log.error()});
    ++report.failed;
    return report;
  }
  // Rejected forms of this read, per school: their errors go into the reminder.
  std::map<std::string, std::vector<const model::FileOutcome*>> rejected;
  for (const auto& f : read.files) {
    if (f.outcome == model::Outcome::rejected && !f.school_id.empty()) rejected[f.school_id].push_back(&f);
  }
  const LetterSetting setting(config, inputs);
  const auto kind = after_deadline ? "reminder-after" : "reminder";
  for (const auto& s : log->schools) {
    if (!is_debtor(s.state)) continue;
    ++report.debtors;
    const auto* school = registry.find(s.school_id);
    if (school == nullptr) continue;
    if (school->email.empty()) {
      report.no_address.push_back(school->short_name);
      record(history, {cycle.period.id, school->id, kind, calendar::iso_text(day), "", "no-address"});
      continue;
    }
    auto form = blank_form(config, inputs, *school, today);
    if (!form) {
      round.not_composed(form.error());
      ++report.failed;
      continue;
    }
    auto letter = letters::reminder_letter(setting.ctx, cycle, *school, std::move(*form), rejected[school->id], day,
                                  after_deadline);
    const auto recipients = recipients_of(letter);
    const auto before = round.tally();
    round.post(cycle.period.id, std::move(letter));
    record(history, {cycle.period.id, school->id, kind, calendar::iso_text(day), recipients,
                     posted_status(before, round.tally())});
    ++report.letters;
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
  out.exit_code = out.report.failed > 0     ? k_exit_failure
                  : tally.unwritten > 0     ? k_exit_not_saved
                  : tally.not_delivered() > 0 ? k_exit_mail_failed
                                              : k_exit_ok;
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
                           calendar::Date today, store::HistoryStore& history) {
  return mail_step(config, task, today, history, [&](MailRound& round) {
    return send_reminders(config, inputs, task, today, round, history);
  });
}

}  // namespace cli
