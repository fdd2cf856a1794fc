#include "cli/run_command.h"

#include <malloc.h>  // malloc_trim (glibc)

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "cli/config/monitorings.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/phase_calendar.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/form_options.h"
#include "cli/phases/phase_compute.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/phase_publish.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/progress.h"
#include "cli/phases/run_session.h"
#include "cli/phases/submission_log.h"
#include "cli/phases/year_sources.h"
#include "report/documents.h"
#include "util/local_time.h"
#include "util/console_text.h"

namespace cli {

namespace {

model::RunInfo new_run_info(const Config& config, const RunInputs& inputs, std::int64_t epoch) {
  model::RunInfo run;
  run.run_epoch = epoch;
  run.run_time = util::local_time_text(run.run_epoch);
  run.tool_version = "metodmon " METODMON_VERSION;
  run.definition_file = config.definition.string();
  run.registry_file = config.schools.string();
  run.inbox = config.inbox.string();
  run.contact = contact_of(config, inputs.definition.definition);
  run.definition_notes = inputs.definition.warnings;
  run.definition_notes.insert(run.definition_notes.end(), inputs.registry.warnings.begin(),
                              inputs.registry.warnings.end());
  return run;
}

// The Russian summary of a run on stdout.
void print_run_summary(const Config& config, const RunInputs& inputs, const model::RunInfo& run,
                       const aggregate::Summary& summary, const Published& published,
                       const store::RunCounts& counts, const MailTally& mail) {
  const auto& def = inputs.definition.definition;
  std::printf("Мониторинг: %s, период: %s\n", def.title.c_str(), model::display_name(inputs.period).c_str());
  const int other_period = model::count_outcome(run.files, model::Outcome::other_period);
  const int exports = model::count_accepted_exports(run.files);
  std::printf("Файлов во входящей папке: %d; принято форм: %d%s; отклонено: %d; пропущено: %d%s; "
              "заменено более новыми: %d; повторов: %d\n",
              counts.files, counts.accepted - exports,
              exports > 0 ? ("; выгрузок анкет: " + std::to_string(exports)).c_str() : "", counts.rejected, counts.skipped,
              other_period > 0 ? (" (из них форм за другой период: " + std::to_string(other_period) + ")").c_str() : "",
              counts.superseded, counts.duplicate);
  const auto without_form = model::schools_without_accepted_form(inputs.registry.registry, run.files);
  std::set<std::string_view> sent;  // gathered once, not per school without a form
  for (const auto& f : run.files) {
    if (f.outcome != model::Outcome::other_period) sent.insert(f.school_id);
  }
  std::vector<std::string> never_sent;
  for (const auto& id : without_form) {
    if (!sent.contains(id)) never_sent.push_back(id);
  }
  std::string never_sent_list;
  for (const auto& id : never_sent) never_sent_list += (never_sent_list.empty() ? "" : ", ") + id;
  std::printf("Нет принятой формы у %zu из %zu школ; не прислали форму: %zu%s%s%s\n",
              without_form.size(), inputs.registry.registry.schools.size(), never_sent.size(),
              never_sent.empty() ? "" : " (", never_sent_list.c_str(), never_sent.empty() ? "" : ")");
  if (!run.year_sources.empty()) print_year_sources(run, summary);
  for (const auto& f : run.files) {
    if (f.outcome != model::Outcome::rejected) continue;
    for (const auto& d : f.diagnostics) {
      if (d.severity == model::Severity::error) std::printf("  %s\n", util::console_text(model::to_string(d)).c_str());
    }
  }
  std::printf("Итоговая книга: %s\n", published.results_file.string().c_str());
  std::printf("Книги для директоров (%zu): %s\n", published.director_school_ids.size(),
              published.directors_dir.string().c_str());
  if (config.mail_enabled) {
    std::printf("Письма: новых %d, отправлено %d, уже отправлены раньше без изменений %d, ждут отправки %d, "
                "не отправлено %d%s (папка %s)\n",
                mail.written, mail.sent, mail.unchanged, mail.waiting, mail.failed + mail.invalid + mail.unwritten,
                config.mail_dry_run ? " — пробный запуск, ничего не отправлялось" : "",
                (config.outbox / inputs.period.id).string().c_str());
  }
}

// A run that stops after reading the forms: printed and on record as any
// failure, and the methodist is told by mail, since nobody watches a run the
// timer starts (the letter goes through the outbox: held if the server is
// down, sent by the next run or `send`).
int fail_and_tell(const Config& config, RunSession& session, const letters::MailContext& ctx,
                  const model::Diagnostic& problem, const store::RunCounts& counts) {
  const int code = session.fail(problem, counts);
  if (config.mail_enabled && !ctx.methodist.empty()) {
    std::vector<mail::Letter> letters;
    letters.push_back(letters::run_failed_letter(ctx, problem));
    (void)mail_letters(config, ctx.summary.period.id, std::move(letters));
  }
  return code;
}

// No form accepted: nothing is published and the period's earlier results
// and history values stay; a rerun is on record in the history, a first run
// leaves none. Only the methodist is told, and the exit code is 4.
int publish_nothing(const Config& config, const RunInputs& inputs, RunSession& session, model::RunInfo& run) {
  const auto& def = inputs.definition.definition;
  const auto& period = inputs.period;
  const bool kept = has_published_results(config, def, period, session.history());
  std::fprintf(stderr, "ошибка: за %s не принято ни одной формы (файлов во входящей папке %s: %zu): %s\n",
               model::display_name(period).c_str(), config.inbox.string().c_str(), run.files.size(),
               kept ? "опубликованные итоги и история за этот период оставлены без изменений"
                    : "итоги не построены, ничего не записано");
  for (const auto& f : run.files) {
    for (const auto& d : f.diagnostics) print_diagnostics(std::vector{d});
    if (f.diagnostics.empty())
      std::fprintf(stderr, "  %s: %s\n", util::console_text(f.file.name).c_str(), model::outcome_name(f.outcome).c_str());
  }
  std::fprintf(stderr, "Как исправить: проверьте, что входящая папка подключена и в ней лежат формы за %s, "
               "затем запустите metodmon run снова\n", model::display_name(period).c_str());
  MailTally mail;
  if (config.mail_enabled && !config.mail.methodist.empty()) {
    aggregate::Summary none;
    none.period = period;
    const auto ctx = mail_context(config, def, inputs.registry.registry, none, run);
    std::vector<mail::Letter> letters;
    letters.push_back(letters::nothing_accepted_letter(ctx, kept));
    mail = mail_letters(config, period.id, std::move(letters));
  }
  if (!kept) return k_exit_nothing_accepted;
  const auto counts = run_counts(run, mail.sent, mail.not_delivered());
  if (auto begun = session.begin(period.id, run); !begun) return session.fail(begun.error());
  if (auto r = record_run(session, run); !r) return session.fail(r.error(), counts);
  if (auto r = session.finish(k_exit_nothing_accepted, counts); !r) return session.fail(r.error(), counts);
  return k_exit_nothing_accepted;
}

}  // namespace

int run_command(const Config& config, const RunOptions& options) {
  const auto epoch = run_epoch();
  if (!epoch) {
    print_diagnostics(std::vector{epoch.error()});
    return k_exit_failure;
  }
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  auto session = RunSession::open(config);
  if (!session) return session.error();
  ResultsRunOptions results_options;
  results_options.quiet = options.quiet;
  results_options.epoch = *epoch;
  results_options.threads = options.threads;
  std::optional<calendar::Cycle> cycle;
  if (config.calendar) {
    // A calendar deployment: its workbook shows how the schools returned their
    // forms, and a rejected form is told to its school once, whichever run tells it.
    const auto today = calendar::local_date(*epoch);
    results_options.returns = [&](const ReadResult& read) {
      return returns_of_read(config, *inputs, session->history(), read, today);
    };
    session->history().set_monitoring(config.monitoring_id);
    results_options.answers = rejected_answers(session->history(), inputs->period.id, today);
    if (const auto timetable = timetable_for(config, inputs->definition.definition)) {
      cycle = calendar::cycle_for_period(*timetable, inputs->period.id, today);
      if (cycle) results_options.cycle = &*cycle;
    }
  }
  return results_run(config, *inputs, *session, results_options);
}

int results_run(const Config& config, const RunInputs& inputs, RunSession& session,
                const ResultsRunOptions& options) {
  const auto& def = inputs.definition.definition;
  const auto& registry = inputs.registry.registry;
  const auto& period = inputs.period;
  remove_stale_outputs(config, period);

  model::RunInfo run = new_run_info(config, inputs, options.epoch);
  spdlog::info("запуск {} за период {}, методика {} версии {}", run.run_time, period.id, def.id, def.version);

  // A yearly rubric over monitorings: the year's monitorings from the history.
  const auto year = read_year_sources(config, def, registry, period, session.history());
  if (!year) return session.fail(year.error());
  run.year_sources = year->sources;

  // Read.
  PhaseClock phases;
  auto read = read_inbox(config, def, registry, period, options.threads);
  if (read.inbox_error) {
    // No inbox to read is a configuration error, not a period without forms:
    // exit 1, the earlier results untouched, and the methodist told.
    aggregate::Summary none;
    none.period = period;
    const letters::MailContext ctx{def, registry, none, run, config.mail.from, config.mail.methodist};
    return fail_and_tell(config, session, ctx, *read.inbox_error, run_counts(run, 0, 0));
  }
  phases.lap("чтение форм");
  const int not_archived = archive_accepted(config, period, read, options.threads);
  phases.lap("архив");
  const auto returns = options.returns ? options.returns(read) : std::nullopt;
  run.files = std::move(read.files);
  run.notices = std::move(read.notices);
  run.notices.insert(run.notices.end(), year->notices.begin(), year->notices.end());
  // A measure's deadline already past today is not printed in the приказ: the methodist is told.
  const auto late = report::deadline_notices(config.documents, run.run_time, config.file.filename().string());
  run.notices.insert(run.notices.end(), late.begin(), late.end());
  if (read.accepted.empty()) return publish_nothing(config, inputs, session, run);
  if (auto begun = session.begin(period.id, run); !begun) {
    // The history cannot be written (full disk): nothing is published and the
    // methodist is told, as when the workbooks cannot be written.
    aggregate::Summary none;
    none.period = period;
    const auto ctx = mail_context(config, def, registry, none, run);
    return fail_and_tell(config, session, ctx, begun.error(), run_counts(run, 0, 0));
  }
  print_diagnostics(run.notices);

  // Compute.
  const auto results = !def.sources.empty() ? compute_year_results(def, registry, period, read.accepted, *year)
                            : compute_results(def, registry, period, read.accepted, session.history());
  const auto& computed_def = results.definition(def);
  // The forms are in the results now: their memory goes to the workbooks,
  // and what the reading threads' allocator arenas held back to the system
  // (the workbooks are written by other threads, which could not reuse it).
  std::vector<model::Submission>().swap(read.accepted);
  ::malloc_trim(0);
  phases.lap("расчёт");

  // Publish.
  report::ReportInput input{computed_def, registry, results.summary, run, &results.analysis};
  input.trends = &results.trends;
  if (returns) input.returns = &*returns;
  auto mail_ctx = mail_context(config, computed_def, registry, results.summary, run);
  mail_ctx.analysis = &results.analysis;
  mail_ctx.cycle = options.cycle;
  mail_ctx.calendar_notes = options.calendar_notes;
  const auto published = publish_results(config, input, options.threads);
  if (!published) return fail_and_tell(config, session, mail_ctx, published.error(), run_counts(run, 0, 0));
  // The workbooks' memory, freed in several threads' allocator arenas, goes
  // back to the system before the history is written, which would otherwise
  // raise the run's peak.
  ::malloc_trim(0);
  phases.lap("книги и документы");
  if (auto r = record_results(session, run, results.summary); !r) {
    return fail_and_tell(config, session, mail_ctx, r.error(), run_counts(run, 0, 0));
  }
  phases.lap("история");

  // Mail.
  MailTally mail;
  if (config.mail_enabled) {
    MailRound round(config, config.mail_dry_run);
    const bool told = mail_results(round, config, mail_ctx, *published, options.answers);
    if (options.methodist_told != nullptr) *options.methodist_told = told;
    round.report(config.outbox / period.id);
    mail = round.tally();
    phases.lap("почта");
  }
  phases.log();

  const auto counts = run_counts(run, mail.sent, mail.not_delivered());
  const int code = not_archived > 0 || mail.unwritten > 0 ? k_exit_not_saved
                   : mail.not_delivered() > 0              ? k_exit_mail_failed
                   : counts.rejected > 0                   ? k_exit_forms_rejected
                                                           : k_exit_ok;
  if (auto r = session.finish(code, counts); !r) return session.fail(r.error(), counts);
  if (!options.quiet) print_run_summary(config, inputs, run, results.summary, *published, counts, mail);
  return code;
}

}  // namespace cli
