#include "cli/run_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "cli/exit_codes.h"
#include "cli/phase_compute.h"
#include "cli/phase_mail.h"
#include "cli/phase_publish.h"
#include "cli/phase_read.h"
#include "cli/run_inputs.h"
#include "cli/run_session.h"

namespace cli {

namespace {

model::RunInfo new_run_info(const Config& config, const RunInputs& inputs, std::int64_t epoch) {
  model::RunInfo run;
  run.run_epoch = epoch;
  run.run_time = local_time_text(run.run_epoch);
  run.tool_version = "metodmon " METODMON_VERSION;
  run.definition_file = config.definition.string();
  run.registry_file = config.schools.string();
  run.inbox = config.inbox.string();
  run.definition_notes = inputs.definition.warnings;
  run.definition_notes.insert(run.definition_notes.end(), inputs.registry.warnings.begin(),
                              inputs.registry.warnings.end());
  return run;
}

// The Russian summary of a run on stdout.
void print_run_summary(const Config& config, const RunInputs& inputs, const model::RunInfo& run,
                       const aggregate::Summary& summary, const Published& published,
                       const deliver::RunCounts& counts, const MailTally& mail) {
  const auto& def = inputs.definition.definition;
  std::printf("Мониторинг: %s, период: %s\n", def.title.c_str(), model::display_name(inputs.period).c_str());
  std::printf("Файлов во входящей папке: %d; принято форм: %d; отклонено: %d; пропущено: %d; "
              "заменено более новыми: %d; повторов: %d\n",
              counts.files, counts.accepted, counts.rejected, counts.skipped, counts.superseded,
              counts.duplicate);
  std::vector<std::string> never_sent;
  for (const auto& id : summary.missing_school_ids) {
    const bool sent = std::any_of(run.files.begin(), run.files.end(),
                                  [&](const model::FileOutcome& f) { return f.school_id == id; });
    if (!sent) never_sent.push_back(id);
  }
  std::string never_sent_list;
  for (const auto& id : never_sent) never_sent_list += (never_sent_list.empty() ? "" : ", ") + id;
  std::printf("Нет принятой формы у %zu из %zu школ; не прислали форму: %zu%s%s%s\n",
              summary.missing_school_ids.size(), inputs.registry.registry.schools.size(), never_sent.size(),
              never_sent.empty() ? "" : " (", never_sent_list.c_str(), never_sent.empty() ? "" : ")");
  for (const auto& f : run.files) {
    if (f.outcome != model::Outcome::rejected) continue;
    for (const auto& d : f.diagnostics) {
      if (d.severity == model::Severity::error) std::printf("  %s\n", model::to_string(d).c_str());
    }
  }
  std::printf("Итоговая книга: %s\n", published.results_file.string().c_str());
  std::printf("Книги для директоров (%zu): %s\n", published.director_school_ids.size(),
              published.directors_dir.string().c_str());
  if (config.mail_enabled) {
    std::printf("Письма: подготовлено %d, отправлено %d, не отправлено %d%s (папка %s)\n", mail.written,
                mail.sent, mail.failed, config.mail_dry_run ? " — пробный запуск, ничего не отправлялось" : "",
                (config.outbox / inputs.period.id).string().c_str());
  }
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
  const auto& def = inputs->definition.definition;
  const auto& registry = inputs->registry.registry;
  const auto& period = inputs->period;

  auto session = RunSession::open(config);
  if (!session) return session.error();
  remove_stale_outputs(config, period);

  model::RunInfo run = new_run_info(config, *inputs, *epoch);
  if (!session->begin(period.id, run)) return k_exit_failure;
  spdlog::info("запуск {} за период {}, методика {} версии {}", run.run_time, period.id, def.id, def.version);

  // Read.
  auto read = read_inbox(config, def, registry, period);
  run.files = read.files;
  print_diagnostics(archive_accepted(config, period, read));

  // Compute.
  const auto results = compute_results(def, registry, period, read.accepted, session->history());

  // Publish.
  const report::ReportInput input{def, registry, results.summary, run, &results.analysis};
  const auto published = publish_results(config, input);
  if (!published) return session->fail(published.error(), run_counts(run, 0, 0));
  if (auto r = record_results(*session, run, results.summary); !r) {
    return session->fail(r.error(), run_counts(run, 0, 0));
  }

  // Mail.
  MailTally mail;
  if (config.mail_enabled) {
    const MailContext ctx{def, registry, results.summary, run, config.mail.from, config.mail.methodist};
    mail = mail_results(config, ctx, *published);
  }

  const auto counts = run_counts(run, mail.sent, mail.failed);
  const int code = mail.failed > 0 ? k_exit_mail_failed : counts.rejected > 0 ? k_exit_forms_rejected : k_exit_ok;
  if (auto r = session->finish(code, counts); !r) return session->fail(r.error(), counts);
  if (!options.quiet) print_run_summary(config, *inputs, run, results.summary, *published, counts, mail);
  return code;
}

}  // namespace cli
