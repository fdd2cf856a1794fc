#include "cli/run_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "aggregate/summarize.h"
#include "analysis/analysis.h"
#include "cli/exit_codes.h"
#include "cli/mail_compose.h"
#include "cli/progress.h"
#include "cli/run_inputs.h"
#include "deliver/archive.h"
#include "deliver/choose_latest.h"
#include "deliver/dynamics_periods.h"
#include "deliver/history_store.h"
#include "deliver/inbox.h"
#include "deliver/outbox.h"
#include "deliver/run_lock.h"
#include "ingest/form_file.h"
#include "report/results_workbook.h"
#include "util/atomic_file.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// The moment a run stands for: now, or SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), so that two runs over the same inputs can
// be compared byte for byte.
std::int64_t run_epoch() {
  if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(fixed, &end, 10);
    if (end != fixed && *end == '\0' && v > 0) return v;
  }
  return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
}

std::string local_time_text(std::int64_t epoch) {
  const auto now = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
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
  Progress progress("Чтение форм", scan->workbooks.size());
  for (const auto& file : scan->workbooks) {
    progress.step();
    spdlog::info("reading {}", file.name);
    auto checked = ingest::check_form_file(file, config.limits, definition, registry, period);
    spdlog::info("{}: {} ({} diagnostics)", file.name, model::outcome_name(checked.outcome.outcome),
                 checked.outcome.diagnostics.size());
    result.files.push_back(std::move(checked.outcome));
    if (checked.submission) {
      valid.push_back(std::move(*checked.submission));
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


namespace {

struct MailTally {
  int sent = 0, failed = 0, written = 0;
};

MailTally send_mail(const Config& config, const MailContext& ctx, const fs::path& results_file,
                    const fs::path& directors_dir) {
  MailTally tally;
  std::optional<deliver::Mailer> mailer;
  bool mailer_broken = false;
  if (!config.mail_dry_run) {
    auto created = deliver::Mailer::create(config.mail);
    if (created) {
      mailer.emplace(std::move(*created));
    } else {
      mailer_broken = true;
      print_diagnostics(std::vector{created.error()});
    }
  }
  deliver::Outbox outbox(config.outbox);
  const auto period = ctx.summary.period.id;
  const auto post = [&](deliver::MailMessage m) {
    const auto d = outbox.deliver(period, std::move(m), mailer ? &*mailer : nullptr);
    if (!d) {
      print_diagnostics(std::vector{d.error()});
      ++tally.failed;
      return;
    }
    ++tally.written;
    if (d->entry.status == deliver::DeliveryStatus::sent) ++tally.sent;
    if (d->entry.status == deliver::DeliveryStatus::failed || mailer_broken) ++tally.failed;
    if (d->entry.status == deliver::DeliveryStatus::failed) {
      spdlog::warn("mail to {} failed: {}", d->entry.recipients, d->entry.last_error);
    }
  };
  for (const auto& id : ctx.summary.school_ids) {
    const auto* school = ctx.registry.find(id);
    if (school == nullptr || school->email.empty()) {
      spdlog::warn("school {} has no e-mail address: its workbook is not mailed", id);
      continue;
    }
    auto workbook = attach(directors_dir / (id + "_" + period + ".xlsx"));
    if (!workbook) {
      print_diagnostics(std::vector{workbook.error()});
      ++tally.failed;
      continue;
    }
    post(director_letter(ctx, *school, std::move(*workbook)));
  }
  if (!ctx.methodist.empty()) {
    if (auto workbook = attach(results_file)) {
      post(methodist_letter(ctx, std::move(*workbook)));
    } else {
      print_diagnostics(std::vector{workbook.error()});
      ++tally.failed;
    }
  }
  if (config.send_errors_to_schools) {
    std::map<std::string, std::vector<const model::FileOutcome*>> rejected;
    for (const auto& f : ctx.run.files) {
      if (f.outcome == model::Outcome::rejected && ctx.registry.find(f.school_id) != nullptr) {
        rejected[f.school_id].push_back(&f);
      }
    }
    for (const auto& [id, files] : rejected) {
      if (auto m = rejected_form_letter(ctx, *ctx.registry.find(id), files)) post(std::move(*m));
    }
  }
  return tally;
}

// Earlier periods' values from the history, for dynamics: the previous period
// and the same period of the two years before.
std::vector<analysis::PeriodValues> earlier_values(const deliver::HistoryStore& history,
                                                   const model::Period& period) {
  std::vector<analysis::PeriodValues> out;
  for (const auto& id : deliver::dynamics_periods(period, 2)) {
    const auto rows = history.values_for(id);
    if (!rows || rows->empty()) continue;
    analysis::PeriodValues pv;
    pv.period = id;
    for (const auto& r : *rows) {
      if (r.school_id == k_municipal_id) {
        pv.municipal[r.indicator_id] = r.value;
      } else {
        pv.values[r.school_id][r.indicator_id] = r.value;
      }
    }
    out.push_back(std::move(pv));
  }
  return out;
}

std::vector<deliver::ValueRow> value_rows(const aggregate::Summary& summary) {
  std::vector<deliver::ValueRow> rows;
  for (const auto& [school_id, by_indicator] : summary.values) {
    for (const auto& [indicator_id, v] : by_indicator) {
      rows.push_back({summary.period.id, school_id, indicator_id, v.numerator, v.denominator, v.value,
                      aggregate::missing_reason(v.missing)});
    }
  }
  for (const auto& st : summary.indicators) {
    rows.push_back({summary.period.id, std::string(k_municipal_id), st.indicator_id, st.numerator_sum,
                    st.denominator_sum, st.municipal, st.municipal ? "" : "нет данных"});
  }
  return rows;
}

deliver::RunCounts run_counts(const model::RunInfo& run, const MailTally& mail) {
  deliver::RunCounts c;
  c.files = static_cast<int>(run.files.size());
  c.accepted = model::count_outcome(run.files, model::Outcome::accepted);
  c.rejected = model::count_outcome(run.files, model::Outcome::rejected);
  c.superseded = model::count_outcome(run.files, model::Outcome::superseded);
  c.duplicate = model::count_outcome(run.files, model::Outcome::duplicate);
  c.skipped = model::count_outcome(run.files, model::Outcome::skipped);
  c.mails_sent = mail.sent;
  c.mails_failed = mail.failed;
  return c;
}

}  // namespace

int run_command(const Config& config, const RunOptions& options) {
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  const auto& def = inputs->definition.definition;
  const auto* registry = &inputs->registry.registry;
  const auto* period = &inputs->period;

  // One run at a time; a lock left by a dead run is replaced with a warning.
  auto lock = deliver::RunLock::acquire(config.state);
  if (!lock) {
    print_diagnostics(std::vector{lock.error()});
    return k_exit_locked;
  }
  if (lock->warning()) print_diagnostics(std::vector{*lock->warning()});
  // Half-written files of a killed run: never published, safe to drop now.
  if (const int stale = util::remove_stale_temp_files(config.output / period->id); stale > 0) {
    spdlog::warn("removed {} temporary files left by an interrupted run", stale);
  }

  auto history = deliver::HistoryStore::open(config.state / "history.sqlite");
  if (!history) {
    print_diagnostics(std::vector{history.error()});
    return k_exit_failure;
  }

  model::RunInfo run;
  run.run_epoch = run_epoch();
  run.run_time = local_time_text(run.run_epoch);
  run.tool_version = "metodmon " METODMON_VERSION;
  run.definition_file = config.definition.string();
  run.registry_file = config.schools.string();
  run.inbox = config.inbox.string();
  run.definition_notes = inputs->definition.warnings;
  run.definition_notes.insert(run.definition_notes.end(), inputs->registry.warnings.begin(),
                              inputs->registry.warnings.end());
  const auto run_id = history->begin_run(period->id, run.run_time, run.tool_version);
  if (!run_id) {
    print_diagnostics(std::vector{run_id.error()});
    return k_exit_failure;
  }
  const auto fail = [&](const model::Diagnostic& d) {
    print_diagnostics(std::vector{d});
    (void)history->finish_run(*run_id, k_exit_failure, run_counts(run, {}), local_time_text(std::time(nullptr)));
    return k_exit_failure;
  };

  spdlog::info("run {} for period {} with definition {} v{}", run.run_time, period->id, def.id, def.version);
  auto ingested = ingest_inbox(config, def, *registry, *period);
  run.files = std::move(ingested.files);

  // Copies of the accepted forms: the inbox itself is never touched.
  for (const auto& sub : ingested.accepted) {
    if (auto a = deliver::archive_file(config.archive, period->id, sub.school_id, sub.source); !a) {
      print_diagnostics(std::vector{a.error()});
    }
  }

  const auto summary = aggregate::summarize(def, *registry, ingested.accepted, *period);
  const auto history_values = earlier_values(*history, *period);
  const auto analysis = analysis::analyze(def, *registry, summary, ingested.accepted, history_values);
  spdlog::info("analysis: {} earlier periods for dynamics, {} groups of schools", history_values.size(),
               analysis.clusters.clusters.size());
  const auto out_dir = config.output / period->id;
  const auto results_file = out_dir / ("Итоги_" + def.id + "_" + period->id + ".xlsx");
  const auto directors_dir = out_dir / "directors";
  const report::ReportInput input{def, *registry, summary, run, &analysis};
  report::ReportOptions report_options;
  report_options.max_school_sheets = config.max_school_sheets;
  {
    Progress progress("Запись книг", summary.school_ids.size() + 1);
    if (auto written = report::write_results_workbook(input, results_file, report_options); !written) {
      return fail(written.error());
    }
    progress.step();
    spdlog::info("results workbook written: {}", results_file.string());
    for (const auto& school_id : summary.school_ids) {
      const auto file = directors_dir / (school_id + "_" + period->id + ".xlsx");
      if (auto w = report::write_director_workbook(input, school_id, file); !w) return fail(w.error());
      progress.step();
    }
  }

  if (auto r = history->record_files(*run_id, run.files); !r) return fail(r.error());
  if (auto r = history->replace_period_values(period->id, value_rows(summary)); !r) return fail(r.error());

  MailTally mail;
  if (config.mail_enabled) {
    const MailContext ctx{def, *registry, summary, run, config.mail.from, config.mail.methodist};
    mail = send_mail(config, ctx, results_file, directors_dir);
  }

  const auto counts = run_counts(run, mail);
  const int code = mail.failed > 0 ? k_exit_mail_failed : counts.rejected > 0 ? k_exit_forms_rejected : k_exit_ok;
  if (auto r = history->finish_run(*run_id, code, counts, local_time_text(std::time(nullptr))); !r) return fail(r.error());

  if (!options.quiet) {
    std::printf("Мониторинг: %s, период: %s\n", def.title.c_str(), model::display_name(*period).c_str());
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
                summary.missing_school_ids.size(), registry->schools.size(), never_sent.size(),
                never_sent.empty() ? "" : " (", never_sent_list.c_str(), never_sent.empty() ? "" : ")");
    for (const auto& f : run.files) {
      if (f.outcome != model::Outcome::rejected) continue;
      for (const auto& d : f.diagnostics) {
        if (d.severity == model::Severity::error) std::printf("  %s\n", model::to_string(d).c_str());
      }
    }
    std::printf("Итоговая книга: %s\n", results_file.string().c_str());
    std::printf("Книги для директоров (%zu): %s\n", summary.school_ids.size(), directors_dir.string().c_str());
    if (config.mail_enabled) {
      std::printf("Письма: подготовлено %d, отправлено %d, не отправлено %d%s (папка %s)\n", mail.written,
                  mail.sent, mail.failed, config.mail_dry_run ? " — пробный запуск, ничего не отправлялось" : "",
                  (config.outbox / period->id).string().c_str());
    }
  }
  return code;
}

}  // namespace cli
