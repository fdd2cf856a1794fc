// The results workbook: what users see of metodmon. One summary of all
// schools, one sheet per school, errors, method and charts, all in Russian.
//
//   const report::ReportInput input{definition, registry, summary, run};
//   if (auto done = report::write_results_workbook(input, out / "results.xlsx"); !done) {
//     return std::unexpected(done.error());
//   }
//   report::write_director_workbook(input, "sch01", out / "directors" / "sch01.xlsx");
//
// Both functions publish atomically (util::XlsxFile: temporary file, then
// rename): on failure the target is untouched and no temporary file is left,
// and the returned Diagnostic names the file. They never throw on bad input.
// The inputs are borrowed for the duration of the call only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/analysis.h"
#include "analysis/trends.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission_log.h"
#include "util/publish_batch.h"

namespace report {

struct ReportInput {
  const model::Definition& definition;
  const model::Registry& registry;
  const aggregate::Summary& summary;
  const model::RunInfo& run;
  // The analysis of the same summary (analysis::analyze), or null. Null: the
  // workbooks are exactly as without an analysis stage.
  const analysis::Analysis* analysis = nullptr;
  // Every indicator across the history's periods (analysis::compute_trends),
  // or null. With three periods or more the results workbook gains «Тренды».
  const analysis::Trends* trends = nullptr;
  // How the schools returned their forms (a calendar deployment), or null:
  // then there is no sheet «Сдача форм».
  const model::SubmissionLog* returns = nullptr;
};

struct ReportOptions {
  // With more schools than this, every school's sheet goes into its own
  // workbook "<stem>_ОО/<school id>.xlsx" next to the results workbook
  // "<stem>.xlsx" (ids reduced to [A-Za-z0-9_-]), and the summary links to
  // those files instead («файл ОО →»). Those are written first; they and the
  // results workbook are published together (one sync, then renames: each
  // file atomically, the set as a whole not).
  std::size_t max_school_sheets = 300;
  // When split: school id -> a workbook with that school's sheet written by
  // the caller (the run's own directors' workbooks, the same content), as a
  // path relative to the results workbook's folder ("directors/sch01_2026-11.xlsx").
  // The summary links to it and no copy is written in "<stem>_ОО/"; a school
  // missing here gets its copy there as before. Half the work at scale.
  std::map<std::string, std::string> school_books;
  // Split school workbooks written at a time (see write_director_workbooks).
  unsigned threads = 1;
  // When set, the written files are handed to this batch and published when
  // the caller commits it (after the directors' workbooks the summary links
  // to), instead of here.
  util::PublishBatch* publish_with = nullptr;
};
// Memory: workbooks are built in libxlsxwriter's normal mode; constant-memory
// mode would forbid the out-of-order rows (statistics, comments, merged
// headings), and the sheets per school stop at max_school_sheets.

// Sheets: «Сводка», («Мониторинги года» for a yearly rubric over
// monitorings: run.year_sources), «Диаграммы», «Ошибки», («Сдача форм» with a
// submission log), «Методика», then one per school
// (in registry order, schools with an accepted form), named from the school's
// short name (valid, unique ignoring case, ≤ 31 characters; see sheet_names.h).
// With an analysis, after «Сводка» come «Справка» (the analytical summary),
// «Рейтинг» (only with a rubric), «Дорожная карта», «Динамика» (only with
// earlier periods), «Группы ОО» and «Рекомендации»; «Методика» gains the
// analysis notes, the rubric's maxima and warnings; each school's sheet gains
// its rubric points, recommendations and dynamics.
// No user text is ever written as a formula.
model::Expected<void> write_results_workbook(const ReportInput& input,
                                             const std::filesystem::path& out_file,
                                             const ReportOptions& options = {});

// One school's workbook for its director: its own sheet (with the
// municipality's figures: municipal value, median, target, and its rank;
// with an analysis also its own rubric points, rank by points «k из n»,
// group name, recommendations and dynamics, see school_analysis.h), the
// problems found in its own files, and the method. No other school's detail.
// A school without an accepted form still gets a workbook saying so.
// Fails with a Diagnostic when `school_id` is not in the registry.
model::Expected<void> write_director_workbook(const ReportInput& input,
                                              const std::string& school_id,
                                              const std::filesystem::path& out_file);

// Every director's workbook of a run, as write_director_workbook() each:
// what all of them share is looked up once, so the cost grows with the
// number of schools, not its square; all of them are published together
// with one sync (util::PublishBatch). `threads` workbooks are written at a
// time (each the same bytes whatever the thread count; several only when
// input.run.run_epoch is set, see results_workbook.cpp). A failure is
// reported for the first failing workbook in `books` order, and then none
// is published. `on_written` is called after each workbook is written, from
// the thread that wrote it (progress; must be thread-safe).
struct DirectorBook {
  DirectorBook(std::string id, const std::filesystem::path& path)
      : school_id(std::move(id)), file(path.native()) {}
  std::string school_id;
  // The path as a string: a std::filesystem::path keeps each of its parts as
  // one more path, some 600 bytes a book (6 MB for a region's directors).
  std::string file;
};
model::Expected<void> write_director_workbooks(const ReportInput& input,
                                               const std::vector<DirectorBook>& books,
                                               unsigned threads = 1,
                                               const std::function<void()>& on_written = {});

// A run's workbooks: the directors' (as write_director_workbooks, with
// options.threads) and the results workbook (as write_results_workbook),
// the results workbook written at the same time as the directors' when
// several threads are allowed. The directors' workbooks are published
// first, then the results workbook that links to them; a failure publishes
// nothing after it. options.publish_with is ignored.
model::Expected<void> write_run_workbooks(const ReportInput& input, const std::vector<DirectorBook>& books,
                                          const std::filesystem::path& results_file,
                                          ReportOptions options,
                                          const std::function<void()>& on_written = {});

}  // namespace report
