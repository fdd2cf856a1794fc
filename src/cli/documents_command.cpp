#include "cli/documents_command.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_compute.h"
#include "cli/phases/phase_publish.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/run_session.h"
#include "cli/phases/year_sources.h"
#include "report/documents.h"

namespace cli {

namespace {

// "2026-11-23 09:00:00" (local time, as runs are recorded) -> seconds since the epoch; 0 if unreadable.
std::int64_t epoch_of(const std::string& local_time) {
  std::tm tm{};
  if (::strptime(local_time.c_str(), "%Y-%m-%d %H:%M:%S", &tm) == nullptr) return 0;
  tm.tm_isdst = -1;
  const std::time_t t = std::mktime(&tm);
  return t < 0 ? 0 : static_cast<std::int64_t>(t);
}

// The newest run of `period` that got as far as publishing its results.
std::optional<store::RunRecord> last_published_run(const store::HistoryStore& history,
                                                     const std::string& period) {
  const auto runs = history.list_runs(100000);
  if (!runs) return std::nullopt;
  for (const auto& r : *runs) {  // newest first
    if (r.period == period && r.exit_code && *r.exit_code != k_exit_failure) return r;
  }
  return std::nullopt;
}

}  // namespace

int documents_command(const Config& config, bool quiet) {
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  const auto& def = inputs->definition.definition;
  const auto& registry = inputs->registry.registry;
  const auto& period = inputs->period;

  auto session = RunSession::open(config);
  if (!session) return session.error();
  const auto record = last_published_run(session->history(), period.id);
  if (!record) {
    print_diagnostics({model::Diagnostic::error(
        {"history.sqlite", {}, {}, {}, {}}, "в истории нет завершённого запуска за период " + period.id,
        "сначала выполните metodmon run за этот период")});
    return k_exit_failure;
  }
  const auto files = session->history().files_of_run(record->id);
  if (!files) return session->fail(files.error());

  // The run as the history remembers it: when it was, and what it saw.
  model::RunInfo run;
  run.run_time = record->started;
  run.run_epoch = epoch_of(record->started);
  run.tool_version = record->tool_version;
  for (const auto& f : *files) {
    model::FileOutcome outcome;
    outcome.file.name = f.name;
    outcome.file.sha256 = f.sha256;
    outcome.file.size = static_cast<std::uintmax_t>(f.size);
    outcome.file.mtime = f.mtime;
    outcome.file.sender = f.sender;  // as the history wrote it (model::sender_text)
    outcome.outcome = f.outcome;
    outcome.school_id = f.school_id;
    run.files.push_back(std::move(outcome));
  }
  spdlog::info("документы за {} по запуску {} (файлов: {})", period.id, run.run_time, run.files.size());

  std::vector<model::Diagnostic> problems = report::deadline_notices(config.documents, run.run_time, config.file.filename().string());
  const auto accepted = read_archived(config, def, registry, period, run.files, problems);
  print_diagnostics(problems);
  // A yearly rubric over monitorings is scored again over its monitorings'
  // results of the year, as the run scored it.
  const auto year = read_year_sources(config, def, registry, period, session->history());
  if (!year) return session->fail(year.error());
  run.year_sources = year->sources;
  const auto results = !def.sources.empty()
                           ? model::Expected<Results>(compute_year_results(def, registry, period, accepted, *year))
                           : compute_from_history(def, registry, period, accepted, session->history());
  if (!results) return session->fail(results.error());

  const report::ReportInput input{results->definition(def), registry, results->summary, run, &results->analysis};
  const auto published = publish_documents(config, input);
  if (!published) return session->fail(published.error());
  if (!quiet) {
    std::printf("Документы за %s пересобраны по истории (запуск %s):\n", model::display_name(period).c_str(),
                run.run_time.c_str());
    std::printf("Аналитическая справка: %s\n", published->spravka_file.string().c_str());
    std::printf("Проект приказа: %s\n", published->prikaz_file.string().c_str());
  }
  return k_exit_ok;
}

}  // namespace cli
