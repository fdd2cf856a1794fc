#include "cli/phases/phase_publish.h"

#include <spdlog/spdlog.h>

#include <set>

#include "cli/phases/phase_compute.h"
#include "cli/phases/progress.h"
#include "definition/naming.h"
#include "report/documents.h"
#include "util/atomic_file.h"
#include "util/parallel_for.h"

namespace cli {

std::filesystem::path Published::director_file(const std::string& school_id) const {
  return directors_dir / (school_id + "_" + results_file.parent_path().filename().string() + ".xlsx");
}

namespace {

// A school whose form this run did not accept (withdrawn from the inbox, or
// now rejected) keeps no director's workbook from an earlier run of the
// period: the folder holds this run's results only. Only "<id>_<period>.xlsx"
// files are ours to remove; anything else someone put there stays.
void remove_withdrawn_directors(const Published& published) {
  // director_file() with an empty id: its name is the part every school's shares, "_<period>.xlsx".
  const std::string suffix = published.director_file("").filename().string();
  std::set<std::filesystem::path> current;
  for (const auto& id : published.director_school_ids) current.insert(published.director_file(id));
  std::error_code ec;
  int removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(published.directors_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) || name.starts_with('.') || !name.ends_with(suffix) ||
        current.contains(entry.path())) {
      continue;
    }
    if (std::filesystem::remove(entry.path(), ec)) {
      ++removed;
    } else {
      spdlog::warn("не удалось удалить устаревшую книгу директора {}: {}", entry.path().string(), ec.message());
    }
  }
  if (removed > 0) {
    spdlog::info("удалены книги директоров ОО, чьи формы в этом запуске не приняты: {}", removed);
  }
}

}  // namespace

Published published_paths(const Config& config, const model::Definition& definition,
                          const model::Period& period) {
  const auto out_dir = config.output / period.id;
  Published p;
  // "Итоги_krymsk_2025.xlsx", not "Итоги_krymsk-2021_2025.xlsx" (two periods?).
  const std::string name = definition::id_without_years(definition.id);
  p.results_file = out_dir / ("Итоги_" + name + "_" + period.id + ".xlsx");
  p.directors_dir = out_dir / "directors";
  p.spravka_file = out_dir / report::spravka_file_name(name, period);
  p.prikaz_file = out_dir / report::prikaz_file_name(name, period);
  return p;
}

void remove_stale_outputs(const Config& config, const model::Period& period) {
  // Half-written files of a killed run: never published, safe to drop now.
  if (const int stale = util::remove_stale_temp_files(config.output / period.id) +
                        util::remove_stale_temp_files(config.archive / period.id);
      stale > 0) {
    spdlog::warn("удалены временные файлы прерванного запуска: {}", stale);
  }
}

model::Expected<Published> publish_results(const Config& config, const report::ReportInput& input,
                                           int threads) {
  auto published = published_paths(config, input.definition, input.summary.period);
  report::ReportOptions report_options;
  report_options.max_school_sheets = config.max_school_sheets;
  report_options.threads = util::worker_count(threads);
  Progress progress("Запись книг", input.summary.school_ids.size() + 1);
  // The summary links to the directors' workbooks (published first).
  std::vector<report::DirectorBook> books;
  for (const auto& school_id : input.summary.school_ids) {
    const auto file = published.director_file(school_id);
    report_options.school_books[school_id] =
        published.directors_dir.filename().string() + "/" + file.filename().string();
    books.emplace_back(school_id, file);
  }
  if (auto w = report::write_run_workbooks(input, books, published.results_file, report_options,
                                           [&] { progress.step(); });
      !w) {
    return std::unexpected(w.error());
  }
  published.director_school_ids = input.summary.school_ids;
  remove_withdrawn_directors(published);
  progress.step();
  spdlog::info("итоговая книга записана: {}", published.results_file.string());
  if (auto d = publish_documents(config, input); !d) return d;
  return published;
}

model::Expected<Published> publish_documents(const Config& config, const report::ReportInput& input) {
  auto published = published_paths(config, input.definition, input.summary.period);
  if (auto w = report::write_documents(input, config.documents, published.spravka_file, published.prikaz_file); !w) {
    return std::unexpected(w.error());
  }
  spdlog::info("записаны справка и проект приказа: {}, {}", published.spravka_file.string(), published.prikaz_file.string());
  return published;
}

bool has_published_results(const Config& config, const model::Definition& definition,
                           const model::Period& period, const store::HistoryStore& history) {
  std::error_code ec;
  if (std::filesystem::exists(published_paths(config, definition, period).results_file, ec)) return true;
  const auto values = history.values_for(period.id);
  return !values || !values->empty();  // an unreadable history is not evidence of no results
}

model::Expected<void> record_run(RunSession& session, const model::RunInfo& run) {
  if (!session.run_id()) return {};
  if (auto r = session.history().record_files(*session.run_id(), run.files); !r) return r;
  for (const auto& d : run.notices) {
    const auto level = d.severity == model::Severity::error ? "error" : "warning";
    if (auto r = session.history().log(*session.run_id(), level, model::to_string(d)); !r) return r;
  }
  return {};
}

model::Expected<void> record_results(RunSession& session, const model::RunInfo& run,
                                     const aggregate::Summary& summary) {
  if (auto r = record_run(session, run); !r) return r;
  if (!session.run_id()) return {};
  return session.history().replace_period_values(summary.period.id, value_rows(summary));
}

}  // namespace cli
