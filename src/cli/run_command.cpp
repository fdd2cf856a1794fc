#include "cli/run_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "aggregate/summarize.h"
#include "cli/exit_codes.h"
#include "definition/definition_loader.h"
#include "definition/registry_loader.h"
#include "deliver/choose_latest.h"
#include "deliver/inbox.h"
#include "ingest/form_reader.h"
#include "ingest/workbook.h"
#include "report/results_workbook.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

std::string local_time_text() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

void print_diagnostics(const std::vector<model::Diagnostic>& ds) {
  for (const auto& d : ds) std::fprintf(stderr, "%s: %s\n", model::severity_name(d.severity).c_str(),
                                        model::to_string(d).c_str());
}

// Reads and validates one workbook file.
model::FileOutcome read_one(const model::SourceFile& file, const Config& config,
                            const model::Definition& definition, const model::Registry& registry,
                            const model::Period& period, std::optional<model::Submission>& submission) {
  model::FileOutcome out;
  out.file = file;
  auto workbook = ingest::read_workbook(file.path, config.limits);
  if (!workbook) {
    out.outcome = model::Outcome::rejected;
    auto d = workbook.error();
    d.where.file = file.name;
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  auto form = ingest::read_form(*workbook, definition, registry, period, file);
  out.school_id = form.school_id;
  out.diagnostics = std::move(form.diagnostics);
  out.outcome = form.submission ? model::Outcome::accepted : model::Outcome::rejected;
  submission = std::move(form.submission);
  return out;
}

}  // namespace

IngestResult ingest_inbox(const Config& config, const model::Definition& definition,
                          const model::Registry& registry, const model::Period& period) {
  IngestResult result;
  deliver::InboxOptions inbox_options;
  inbox_options.settle_seconds = config.settle_seconds;
  inbox_options.settle_check_ms = config.settle_seconds > 0 ? 1000 : 0;
  auto scan = deliver::scan_inbox(config.inbox, inbox_options);
  if (!scan) {
    model::FileOutcome failed;
    failed.outcome = model::Outcome::rejected;
    failed.diagnostics.push_back(scan.error());
    result.files.push_back(std::move(failed));
    return result;
  }
  result.files = scan->set_aside;

  std::vector<model::Submission> valid;
  std::vector<std::size_t> valid_file;  // index into result.files
  for (const auto& file : scan->workbooks) {
    spdlog::info("reading {}", file.name);
    std::optional<model::Submission> sub;
    auto outcome = read_one(file, config, definition, registry, period, sub);
    spdlog::info("{}: {} ({} diagnostics)", file.name, model::outcome_name(outcome.outcome),
                 outcome.diagnostics.size());
    result.files.push_back(std::move(outcome));
    if (sub) {
      valid.push_back(std::move(*sub));
      valid_file.push_back(result.files.size() - 1);
    }
  }

  // One form per school: the newest by its own fill-in date, else by mtime.
  std::vector<deliver::LatestCandidate> candidates;
  for (const auto& s : valid) candidates.push_back({s.school_id, s.filled_on, s.source.mtime, s.source.name});
  const auto picks = deliver::choose_latest(candidates);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if (picks[i].latest) {
      result.accepted.push_back(valid[i]);
      continue;
    }
    auto& f = result.files[valid_file[i]];
    f.outcome = model::Outcome::superseded;
    f.diagnostics.push_back(model::Diagnostic::warning(
        {f.file.name, {}, {}, {}, {}},
        "школа прислала несколько форм за период; использована более новая: «" +
            valid[picks[i].winner].source.name + "»"));
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const model::FileOutcome& a, const model::FileOutcome& b) { return a.file.name < b.file.name; });
  std::sort(result.accepted.begin(), result.accepted.end(),
            [](const model::Submission& a, const model::Submission& b) { return a.school_id < b.school_id; });
  return result;
}

int run_command(const Config& config, const RunOptions& options) {
  auto loaded = definition::load_definition(config.definition);
  if (!loaded) {
    print_diagnostics(loaded.error());
    return k_exit_failure;
  }
  const auto& def = loaded->definition;
  auto loaded_registry = definition::load_registry(config.schools);
  if (!loaded_registry) {
    print_diagnostics(loaded_registry.error());
    return k_exit_failure;
  }
  const auto* registry = &loaded_registry->registry;
  const auto period = model::parse_period(config.period);
  if (!period) {
    std::fprintf(stderr, "ошибка: неверный отчётный период «%s»; ожидается ГГГГ-ММ, ГГГГ-H1/H2 или ГГГГ\n",
                 config.period.c_str());
    return k_exit_failure;
  }

  model::RunInfo run;
  run.run_time = local_time_text();
  run.tool_version = "metodmon " METODMON_VERSION;
  run.definition_file = config.definition.string();
  run.registry_file = config.schools.string();
  run.inbox = config.inbox.string();
  run.definition_notes = loaded->warnings;
  run.definition_notes.insert(run.definition_notes.end(), loaded_registry->warnings.begin(),
                              loaded_registry->warnings.end());

  spdlog::info("run {} for period {} with definition {} v{}", run.run_time, period->id, def.id, def.version);
  auto ingested = ingest_inbox(config, def, *registry, *period);
  run.files = std::move(ingested.files);
  const auto summary = aggregate::summarize(def, *registry, ingested.accepted, *period);

  const auto out_dir = config.output / period->id;
  const auto results_file = out_dir / ("Итоги_" + def.id + "_" + period->id + ".xlsx");
  const report::ReportInput input{def, *registry, summary, run};
  report::ReportOptions report_options;
  report_options.max_school_sheets = config.max_school_sheets;
  if (auto written = report::write_results_workbook(input, results_file, report_options); !written) {
    print_diagnostics(std::vector{written.error()});
    return k_exit_failure;
  }
  spdlog::info("results workbook written: {}", results_file.string());
  int directors = 0;
  for (const auto& school_id : summary.school_ids) {
    const auto file = out_dir / "directors" / (school_id + "_" + period->id + ".xlsx");
    if (auto w = report::write_director_workbook(input, school_id, file); !w) {
      print_diagnostics(std::vector{w.error()});
      return k_exit_failure;
    }
    ++directors;
  }

  const auto count = [&](model::Outcome o) {
    return std::count_if(run.files.begin(), run.files.end(),
                         [&](const model::FileOutcome& f) { return f.outcome == o; });
  };
  const auto rejected = count(model::Outcome::rejected);
  if (!options.quiet) {
    std::printf("Мониторинг: %s, период: %s\n", def.title.c_str(), model::display_name(*period).c_str());
    std::printf("Файлов во входящей папке: %zu; принято форм: %zu; отклонено: %td; пропущено: %td; "
                "заменено более новыми: %td; повторов: %td\n",
                run.files.size(), ingested.accepted.size(), rejected, count(model::Outcome::skipped),
                count(model::Outcome::superseded), count(model::Outcome::duplicate));
    std::vector<std::string> never_sent;
    for (const auto& id : summary.missing_school_ids) {
      const bool sent = std::any_of(run.files.begin(), run.files.end(),
                                    [&](const model::FileOutcome& f) { return f.school_id == id; });
      if (!sent) never_sent.push_back(id);
    }
    std::string never_sent_list;
    for (const auto& id : never_sent) never_sent_list += (never_sent_list.empty() ? "" : ", ") + id;
    std::printf("Нет принятой формы у %zu из %zu школ; не прислали форму: %zu%s%s%s\n",
                summary.missing_school_ids.size(), registry->schools.size(), never_sent.size(),
                never_sent.empty() ? "" : " (", never_sent_list.c_str(), never_sent.empty() ? "" : ")");
    for (const auto& f : run.files) {
      if (f.outcome != model::Outcome::rejected) continue;
      for (const auto& d : f.diagnostics) {
        if (d.severity == model::Severity::error) std::printf("  %s\n", model::to_string(d).c_str());
      }
    }
    std::printf("Итоговая книга: %s\n", results_file.string().c_str());
    std::printf("Книги для директоров (%d): %s\n", directors, (out_dir / "directors").string().c_str());
  }
  return rejected > 0 ? k_exit_forms_rejected : k_exit_ok;
}

}  // namespace cli
