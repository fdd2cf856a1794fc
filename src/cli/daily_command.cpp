#include "cli/daily_command.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>
#include <map>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_calendar.h"
#include "cli/phases/phase_collect.h"
#include "cli/phases/run_session.h"
#include "cli/phases/submission_log.h"
#include "cli/run_command.h"
#include "ingest/inbox_listing.h"

namespace cli {

namespace {

// How bad an exit code is, for the worst of a day.
int severity(int code) {
  switch (code) {
    case k_exit_ok: return 0;
    case k_exit_forms_rejected: return 1;
    case k_exit_mail_failed: return 2;
    case k_exit_nothing_accepted: return 3;
    case k_exit_not_saved: return 4;
    default: return 5;
  }
}

int worse(int a, int b) { return severity(b) > severity(a) ? b : a; }

// One monitoring's day.
class MonitoringDay {
 public:
  MonitoringDay(const CalendarMonitoring& m, RunSession& session, calendar::Date today, std::int64_t epoch,
                const DailyOptions& options)
      : m_m(m), m_session(session), m_today(today), m_epoch(epoch), m_options(options),
        m_label(monitoring_label(m.config, m.definition.definition)) {}

  int run() {
    auto& history = m_session.history();
    history.set_monitoring(m_m.config.monitoring_id);
    const auto start_text = history.calendar_start(calendar::iso_text(m_today));
    if (!start_text) return fail(start_text.error());
    const auto start = calendar::parse_date(*start_text).value_or(m_today);
    const auto agenda = calendar::agenda(m_m.timetable, m_today, start, [&](const calendar::Cycle& c) {
      return state_of(c);
    });
    for (const auto& missed : agenda.missed) {
      record(missed, "missed", "");
      say(missed, "пропущено: " + calendar::step_text(missed) + " — срок прошёл, пока программа не запускалась" +
                      (missed.step == calendar::Step::open ? " (разослать формы вручную: metodmon open)" : ""));
    }
    int code = resend_waiting();
    for (const auto& task : agenda.tasks) code = worse(code, run_task(task));
    return code;
  }

  bool did_something() const { return m_did; }

 private:
  calendar::CycleState state_of(const calendar::Cycle& c) {
    calendar::CycleState s;
    const auto steps = m_session.history().steps_of(c.period.id);
    if (!steps) return s;
    for (const auto& step : *steps) {
      s.done.insert(step.step);
      if (step.step == "open" && step.status == "done") s.opened_on = calendar::parse_date(step.done);
      // The listing of the latest results (the first run, then each revision; steps come by day).
      if (step.status == "done" && (step.step == "results" || step.step.starts_with("revise:"))) {
        m_listing[c.period.id] = step.note;
      }
    }
    return s;
  }

  // Letters an earlier day left waiting (the server was down, the run was
  // stopped mid-round) go first: at least once, never twice (mail/outbox.h).
  int resend_waiting() {
    const auto& config = m_m.config;
    if (!config.mail_enabled || config.mail_dry_run) return k_exit_ok;
    mail::Outbox outbox(config.outbox);
    std::vector<std::string> waiting;
    for (const auto& period : outbox.periods()) {
      if (has_waiting_letters(outbox, period, false)) waiting.push_back(period);
    }
    if (waiting.empty()) return k_exit_ok;
    MailRound round(config, false);
    bool read_ok = true;
    for (const auto& period : waiting) read_ok = round.resend(period, false) && read_ok;
    round.report(config.outbox);
    const auto& t = round.tally();
    say_text("письма, ждавшие отправки: отправлено " + std::to_string(t.sent) + ", ждут ещё " +
             std::to_string(t.not_delivered()));
    return !read_ok ? k_exit_failure : t.not_delivered() > 0 ? k_exit_mail_failed : k_exit_ok;
  }

  int run_task(const calendar::Task& task) {
    auto config = m_m.config;
    config.period = task.cycle.period.id;
    if (task.step == calendar::Step::revise) {
      // Only when the inbox changed since the results were computed.
      const auto now = ingest::inbox_listing(config.inbox);
      if (now == m_listing[config.period]) return k_exit_ok;
    }
    const auto inputs = load_run_inputs(config);
    if (!inputs) return k_exit_failure;
    switch (task.step) {
      case calendar::Step::open: return open(config, *inputs, task);
      case calendar::Step::remind_before:
      case calendar::Step::remind_after: return remind(config, *inputs, task);
      case calendar::Step::results:
      case calendar::Step::revise: return results(config, *inputs, task);
      case calendar::Step::deadline: break;
    }
    return k_exit_ok;
  }

  int open(const Config& config, const RunInputs& inputs, const calendar::Task& task) {
    if (!config.mail_enabled) {
      record(task, "missed", "рассылка выключена");
      say(task, calendar::step_text(task) + ": рассылка выключена ([mail] enabled = false) — разошлите формы вручную "
                                  "(metodmon template) или включите рассылку");
      return k_exit_ok;
    }
    const auto done = open_step(config, inputs, task, m_today, m_session.history());
    std::string text = calendar::step_text(task) + ": писем школам — " + std::to_string(done.report.letters);
    if (!done.report.no_address.empty()) {
      text += "; без адреса в реестре (их формы отправлены методисту): " + join(done.report.no_address);
    }
    say(task, text);
    return done.exit_code;
  }

  int remind(const Config& config, const RunInputs& inputs, const calendar::Task& task) {
    if (!config.mail_enabled) {
      record(task, "missed", "рассылка выключена");
      return k_exit_ok;
    }
    const auto done = remind_step(config, inputs, task, m_today, m_session.history());
    std::string text = calendar::step_text(task) + ": не сдали форму — " + std::to_string(done.report.debtors) +
                       ", напоминаний отправлено — " + std::to_string(done.report.letters);
    if (!done.report.no_address.empty()) text += "; без адреса: " + join(done.report.no_address);
    say(task, text);
    return done.exit_code;
  }

  int results(const Config& config, const RunInputs& inputs, const calendar::Task& task) {
    // The listing the results are computed over: a later change means a late or corrected form.
    const auto listing = ingest::inbox_listing(config.inbox);
    ResultsRunOptions options{m_options.quiet, m_epoch, {}};
    options.returns = [&](const ReadResult& read) {
      return returns_of_read(config, inputs, m_session.history(), read, m_today);
    };
    say(task, calendar::step_text(task));
    const int code = results_run(config, inputs, m_session, options);
    if (code == k_exit_failure || code == k_exit_locked) return code;  // not done: tried again tomorrow
    record(task, "done", listing);
    m_listing[config.period] = listing;
    return code;
  }

  void record(const calendar::Task& task, const std::string& status, const std::string& note) {
    record_step(m_session.history(), task, m_today, status, note);
  }

  void say(const calendar::Task&, const std::string& text) { say_text(text); }

  void say_text(const std::string& text) {
    m_did = true;
    spdlog::info("daily {}: {}", m_label, text);
    if (!m_options.quiet) std::printf("%s: %s\n", m_label.c_str(), text.c_str());
  }

  int fail(const model::Diagnostic& d) {
    print_diagnostics({d});
    return k_exit_failure;
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  const CalendarMonitoring& m_m;
  RunSession& m_session;
  calendar::Date m_today;
  std::int64_t m_epoch;
  const DailyOptions& m_options;
  std::string m_label;
  std::map<std::string, std::string> m_listing;  // period -> inbox listing of its last results
  bool m_did = false;
};

}  // namespace

int daily_command(const Config& config, const DailyOptions& options) {
  const auto today = calendar::resolve_today(options.today);
  if (!today) return k_exit_usage;
  std::int64_t epoch = calendar::local_epoch(*today, 7);
  if (options.today.empty()) {
    const auto now = run_epoch();
    if (!now) {
      print_diagnostics({now.error()});
      return k_exit_failure;
    }
    epoch = *now;
  }
  bool all_loaded = true;
  const auto monitorings = load_calendar(config, options.monitoring, all_loaded);
  if (monitorings.empty() && !all_loaded) return k_exit_failure;
  auto session = RunSession::open(config);
  if (!session) return session.error();
  if (!options.quiet) {
    std::printf("metodmon daily, %s (%s)\n", calendar::date_text(*today).c_str(),
                calendar::weekday_text(*today).c_str());
  }
  int code = all_loaded ? k_exit_ok : k_exit_failure;
  if (config.collect.enabled) {
    CollectPhaseOptions collect_options;
    collect_options.now = options.today.empty() ? 0 : epoch;
    collect_options.monitorings = &monitorings;
    const auto collected = phase_collect(config, collect_options);
    if (collected.mailbox.error) print_diagnostics({*collected.mailbox.error});
    if (!options.quiet) print_collect_summary(config, collected);
    code = worse(code, collected.exit_code);
  }
  bool did = false;
  for (const auto& m : monitorings) {
    MonitoringDay day(m, *session, *today, epoch, options);
    code = worse(code, day.run());
    did = did || day.did_something();
  }
  if (!did && !options.quiet) std::printf("Сегодня по календарю мониторингов дел нет.\n");
  return code;
}

}  // namespace cli
