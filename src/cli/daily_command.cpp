#include "cli/daily_command.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_calendar.h"
#include "cli/phases/phase_collect.h"
#include "cli/phases/phase_compute.h"
#include "cli/phases/run_session.h"
#include "cli/phases/submission_log.h"
#include "cli/run_command.h"
#include "ingest/inbox_listing.h"
#include "letters/calendar_letters.h"
#include "util/sha256.h"

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

// A missed step the methodist has not been told of yet, and after.
constexpr const char* k_missed = "missed";
constexpr const char* k_missed_told = "missed-told";

// What the results of a period rest on: the inbox's listing and, for a
// yearly rubric over monitorings, the monitorings' stored values of the
// period (a late form of a monitoring revises the rubric too).
std::string results_basis(const Config& config, const model::Definition& def, const std::string& period,
                          store::HistoryStore& history) {
  std::string basis = ingest::inbox_listing(config.inbox);
  if (def.sources.empty()) return basis;
  const auto own = history.monitoring();
  std::string values;
  for (const auto& m : config.monitorings) {
    if (m.id == own) continue;
    history.set_monitoring(m.id);
    const auto rows = history.values_for(period);
    if (!rows) continue;
    for (const auto& r : *rows) {
      values += m.id + "\t" + r.school_id + "\t" + r.indicator_id + "\t" +
                (r.value ? std::to_string(*r.value) : "-") + "\n";
    }
  }
  history.set_monitoring(own);
  return basis + ":" + util::sha256_hex(values);
}

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
    auto agenda = calendar::agenda(m_m.timetable, m_today, start, [&](const calendar::Cycle& c) {
      return state_of(c);
    });
    drop_unheld_periods(agenda, m_m.definition.definition, start);
    for (const auto& missed : agenda.missed) {
      const auto text = calendar::missed_text(missed);
      record(missed, k_missed, text);
      say(text);
    }
    gather_untold(agenda);
    int code = resend_waiting();
    // The first step after collecting: an answer to every rejected form not
    // answered yet, while there is still time before the deadline.
    const auto current = calendar::cycle_at(m_m.timetable, m_today);
    const bool held = current.results >= start && held_period(current, start);
    if (held) code = worse(code, answer(current));
    for (const auto& task : agenda.tasks) code = worse(code, run_task(task));
    // «Сдача форм» in the output folder, as of this morning.
    if (held) refresh_returns(current);
    code = worse(code, tell_missed(current));
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
      // What the latest results rest on (the first run, then each revision; steps come by day).
      if (step.status == "done" && (step.step == "results" || step.step.starts_with("revise:"))) {
        m_basis[c.period.id] = step.note;
      }
    }
    return s;
  }

  // Whether the calendar collects the cycle (not a rubric's period it never ran the monitorings of).
  bool held_period(const calendar::Cycle& c, calendar::Date start) const {
    calendar::Agenda probe;
    probe.tasks.push_back({calendar::Step::open, c, c.open, ""});
    drop_unheld_periods(probe, m_m.definition.definition, start);
    return !probe.tasks.empty();
  }

  // The missed steps of the agenda's cycles the methodist was not told of.
  void gather_untold(const calendar::Agenda& agenda) {
    std::set<std::string> periods;
    for (const auto& t : agenda.tasks) periods.insert(t.cycle.period.id);
    for (const auto& t : agenda.missed) periods.insert(t.cycle.period.id);
    periods.insert(calendar::cycle_at(m_m.timetable, m_today).period.id);
    for (const auto& period : periods) {
      const auto steps = m_session.history().steps_of(period);
      if (!steps) continue;
      for (const auto& s : *steps) {
        if (s.status == k_missed && !s.note.empty()) m_untold.push_back(s);
      }
    }
  }

  std::vector<std::string> untold_notes() const {
    std::vector<std::string> out;
    for (const auto& s : m_untold) out.push_back(s.note);
    return out;
  }

  void mark_told() {
    for (auto s : m_untold) {
      s.status = k_missed_told;
      if (auto r = m_session.history().record_step(s); !r) print_diagnostics({r.error()});
    }
    m_untold.clear();
  }

  // Missed steps no letter of the day told: a notice of their own.
  int tell_missed(const calendar::Cycle& current) {
    const auto& config = m_m.config;
    if (m_untold.empty() || !config.mail_enabled || config.mail.methodist.empty()) return k_exit_ok;
    const auto* inputs = inputs_for(current);
    if (inputs == nullptr) return k_exit_failure;
    aggregate::Summary none;
    none.period = inputs->period;
    model::RunInfo run;
    run.run_epoch = m_epoch;
    auto ctx = mail_context(config, inputs->definition.definition, inputs->registry.registry, none, run);
    ctx.calendar_notes = untold_notes();
    MailRound round(config, config.mail_dry_run);
    round.post(current.period.id, letters::calendar_notice_letter(ctx, current, m_today));
    round.report(config.outbox / current.period.id);
    if (round.tally().unwritten == 0) mark_told();
    return round.tally().unwritten > 0 ? k_exit_not_saved : round.tally().not_delivered() > 0 ? k_exit_mail_failed : k_exit_ok;
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
    say("письма, ждавшие отправки: отправлено " + std::to_string(t.sent) + ", ждут ещё " +
        std::to_string(t.not_delivered()));
    return !read_ok ? k_exit_failure : t.not_delivered() > 0 ? k_exit_mail_failed : k_exit_ok;
  }

  // The cycle's inputs, loaded once a day (nullptr: a problem was printed).
  const RunInputs* inputs_for(const calendar::Cycle& cycle) {
    auto it = m_inputs.find(cycle.period.id);
    if (it == m_inputs.end()) it = m_inputs.emplace(cycle.period.id, load_run_inputs(config_for(cycle))).first;
    return it->second ? &*it->second : nullptr;
  }

  Config config_for(const calendar::Cycle& cycle) const {
    auto config = m_m.config;
    config.period = cycle.period.id;
    return config;
  }

  int answer(const calendar::Cycle& cycle) {
    if (m_today < cycle.open) return k_exit_ok;
    const auto config = config_for(cycle);
    if (!config.mail_enabled || !config.send_errors_to_schools) return k_exit_ok;
    if (!has_unanswered_files(config, cycle.period.id, m_session.history())) return k_exit_ok;
    const auto* inputs = inputs_for(cycle);
    if (inputs == nullptr) return k_exit_failure;
    const auto done = answer_rejected(config, *inputs, cycle, m_today, m_session.history());
    if (done.report.letters > 0) {
      say("ответ на отклонённые формы за " + model::display_name(cycle.period) + " (ошибки, как исправить, срок): "
          "писем школам — " + std::to_string(done.report.letters));
    }
    return done.exit_code;
  }

  void refresh_returns(const calendar::Cycle& cycle) {
    if (m_today < cycle.open) return;
    const auto* inputs = inputs_for(cycle);
    if (inputs != nullptr) refresh_returns_workbook(config_for(cycle), *inputs, cycle, m_today, m_session.history());
  }

  int run_task(const calendar::Task& task) {
    const auto config = config_for(task.cycle);
    const auto* inputs = inputs_for(task.cycle);
    if (inputs == nullptr) return k_exit_failure;
    if (task.step == calendar::Step::revise) {
      // Only when what the results rest on changed since they were computed.
      const auto now = results_basis(config, inputs->definition.definition, config.period, m_session.history());
      if (now == m_basis[config.period]) return k_exit_ok;
    }
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
      record(task, "missed", "");
      say(calendar::step_text(task) + ": рассылка выключена ([mail] enabled = false) — разошлите формы вручную "
                                      "(metodmon template) или включите рассылку");
      return k_exit_ok;
    }
    const auto done = open_step(config, inputs, task, m_today, m_session.history());
    std::string text = calendar::step_text(task) + calendar::late_text(task, m_today) + ": писем школам — " +
                       std::to_string(done.report.letters);
    if (!done.report.no_address.empty()) {
      text += "; без адреса в реестре (их формы отправлены методисту): " + join(done.report.no_address);
    }
    say(text);
    return done.exit_code;
  }

  int remind(const Config& config, const RunInputs& inputs, const calendar::Task& task) {
    if (!config.mail_enabled) {
      record(task, "missed", "");
      return k_exit_ok;
    }
    const auto done = remind_step(config, inputs, task, m_today, m_session.history(), untold_notes());
    if (done.report.methodist_told) mark_told();
    std::string text = calendar::step_text(task) + calendar::late_text(task, m_today) + ": не сдали форму — " +
                       std::to_string(done.report.debtors) + ", напоминаний отправлено — " +
                       std::to_string(done.report.letters);
    if (!done.report.no_address.empty()) text += "; без адреса: " + join(done.report.no_address);
    if (done.report.methodist_told) text += "; методисту — сдача форм на сегодня";
    say(text);
    return done.exit_code;
  }

  int results(const Config& config, const RunInputs& inputs, const calendar::Task& task) {
    auto& history = m_session.history();
    // What the results are computed over: a later change means a late or corrected form.
    const auto basis = results_basis(config, inputs.definition.definition, config.period, history);
    ResultsRunOptions options;
    options.quiet = m_options.quiet;
    options.epoch = m_epoch;
    options.returns = [&](const ReadResult& read) { return returns_of_read(config, inputs, history, read, m_today); };
    options.cycle = &task.cycle;
    options.answers = rejected_answers(history, config.period, m_today);
    options.calendar_notes = untold_notes();
    bool told = false;
    options.methodist_told = &told;
    say(calendar::step_text(task) + calendar::late_text(task, m_today));
    const int code = results_run(config, inputs, m_session, options);
    history.set_monitoring(config.monitoring_id);
    if (code == k_exit_failure || code == k_exit_locked) return code;  // not done: tried again tomorrow
    if (told) mark_told();
    record(task, "done", basis);
    m_basis[config.period] = basis;
    return code;
  }

  void record(const calendar::Task& task, const std::string& status, const std::string& note) {
    record_step(m_session.history(), task, m_today, status, note);
  }

  void say(const std::string& text) {
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
  std::map<std::string, std::string> m_basis;  // period -> what its last results rest on
  std::vector<store::CalendarStepRecord> m_untold;  // missed steps not told to the methodist yet
  std::map<std::string, std::optional<RunInputs>> m_inputs;  // period -> its inputs, loaded once
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
  auto monitorings = load_calendar(config, options.monitoring, all_loaded);
  if (monitorings.empty() && !all_loaded) return k_exit_failure;
  // A day given by hand (--today) dates its letters with that day, not the clock's.
  if (!options.today.empty()) {
    for (auto& m : monitorings) m.config.mail_clock = epoch;
  }
  auto session = RunSession::open(config);
  if (!session) return session.error();
  if (!options.quiet) {
    std::printf("metodmon daily, %s (%s)\n", calendar::date_text(*today).c_str(),
                calendar::weekday_text(*today).c_str());
  }
  int code = all_loaded ? k_exit_ok : k_exit_failure;
  if (config.collect.enabled) {
    auto collect_config = config;
    if (!options.today.empty()) collect_config.mail_clock = epoch;
    // The deployment's registry ([paths] schools) names the files by school.
    if (collect_config.schools.empty() && !monitorings.empty()) collect_config.schools = monitorings.front().config.schools;
    CollectPhaseOptions collect_options;
    collect_options.now = options.today.empty() ? 0 : epoch;
    collect_options.monitorings = &monitorings;
    const auto collected = phase_collect(collect_config, collect_options);
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
