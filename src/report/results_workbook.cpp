#include "report/results_workbook.h"

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "report/book_context.h"
#include "report/briefing_sheet.h"
#include "report/charts_sheet.h"
#include "report/clusters_sheet.h"
#include "report/director_method_sheet.h"
#include "report/dynamics_sheet.h"
#include "report/errors_sheet.h"
#include "report/method_sheet.h"
#include "report/rating_sheet.h"
#include "report/recommendations_sheet.h"
#include "report/returns_sheet.h"
#include "report/roadmap_sheet.h"
#include "report/school_sheet.h"
#include "report/sheet_names.h"
#include "report/summary_sheet.h"
#include "report/trends_sheet.h"
#include "report/year_sources_sheet.h"
#include "util/parallel_for.h"
#include "util/xlsx_file.h"

namespace report {

namespace fs = std::filesystem;

namespace {

// Locates a sheet writer's failure in the output file.
model::Diagnostic in_file(model::Diagnostic d, const fs::path& out_file) {
  if (d.where.file.empty()) d.where.file = out_file.filename().string();
  return d;
}

void set_properties(lxw_workbook* book, const ReportInput& in, const std::string& title) {
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.c_str());
  props.subject = const_cast<char*>(in.definition.title.c_str());
  props.author = const_cast<char*>("metodmon");
  props.company = const_cast<char*>(in.definition.organisation.c_str());
  // The run's own time, not the clock at writing: with SOURCE_DATE_EPOCH the
  // whole file is reproducible byte for byte.
  if (in.run.run_epoch > 0) props.created = static_cast<time_t>(in.run.run_epoch);
  workbook_set_properties(book, &props);
}

void reserve_fixed(SheetNamer& names, const ReportInput& in) {
  for (const char* fixed : {k_summary_sheet, k_charts_sheet, k_errors_sheet, k_method_sheet}) {
    names.reserve(fixed);
  }
  if (has_trends(in)) names.reserve(k_trends_sheet);
  if (in.returns != nullptr) names.reserve(k_returns_sheet);
  if (!in.run.year_sources.empty()) names.reserve(k_year_sources_sheet);
  if (in.analysis == nullptr) return;
  for (const char* fixed : {k_briefing_sheet, k_rating_sheet, k_roadmap_sheet, k_dynamics_sheet,
                            k_clusters_sheet, k_recommendations_sheet}) {
    names.reserve(fixed);
  }
}

// The analysis formats, only when there is an analysis (a workbook without
// one stays byte for byte what it was).
AnalysisFormats analysis_formats(lxw_workbook* book, const ReportInput& in) {
  return in.analysis != nullptr ? make_analysis_formats(book) : AnalysisFormats{};
}

// A file name from a school id: letters, digits, '-' and '_' only.
std::string file_stem_for(const std::string& school_id) {
  std::string out;
  for (const char c : school_id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out.empty() ? "school" : out;
}

// Workbooks of one run may be written by several threads only when they
// carry the run's own time: libxlsxwriter formats the creation time with
// gmtime(), whose result is shared by all threads (same time: same bytes).
unsigned workers_for(const ReportInput& in, unsigned threads) {
  return in.run.run_epoch > 0 ? std::max(1u, threads) : 1u;
}

using FilesBySchool = std::map<std::string, std::vector<const model::FileOutcome*>, std::less<>>;

// The run's files by school, once per run: each school's workbook lists its
// own files without scanning everybody's. A director sees this period's
// files of the school only.
FilesBySchool files_by_school(const model::RunInfo& run) {
  FilesBySchool out;
  for (const auto& f : run.files) {
    if (f.outcome != model::Outcome::other_period) out[f.school_id].push_back(&f);
  }
  return out;
}

// One school's own workbook: its sheet, its files' problems, the method.
// `summary_link`: path of the results workbook relative to `out_file`, or
// empty for a director's workbook (which must not point at other schools).
model::Expected<void> write_school_book(const ReportInput& in, const std::string& school_id,
                                        const FilesBySchool& files, const fs::path& out_file,
                                        const std::string& summary_link, util::PublishBatch& batch) {
  auto file = util::XlsxFile::create(out_file);
  if (!file) return std::unexpected(file.error());
  const auto own = files.find(school_id);
  BookContext ctx{in,
                  file->book(),
                  make_formats(file->book()),
                  {},
                  false,
                  summary_link,
                  own == files.end() ? std::vector<const model::FileOutcome*>{} : own->second,
                  analysis_formats(file->book(), in),
                  school_id};
  SheetNamer names;
  reserve_fixed(names, in);
  const std::string sheet = names.unique_name(school_name(in.registry, school_id));
  set_properties(file->book(), in, "Результаты ОО: " + school_name(in.registry, school_id));
  if (auto done = write_school_sheet(ctx, school_id, sheet); !done) {
    return std::unexpected(in_file(done.error(), out_file));
  }
  if (auto done = write_year_sources_sheet(ctx); !done) {
    return std::unexpected(in_file(done.error(), out_file));
  }
  if (auto done = write_errors_sheet(ctx); !done) {
    return std::unexpected(in_file(done.error(), out_file));
  }
  // A director's «Методика» holds no paths, warnings or checksums; a school
  // workbook split off the results (it links back to them) is the methodist's.
  const auto method = summary_link.empty() ? write_director_method_sheet : write_method_sheet;
  if (auto done = method(ctx); !done) {
    return std::unexpected(in_file(done.error(), out_file));
  }
  return file->commit({}, &batch);
}

}  // namespace

model::Expected<void> write_results_workbook(const ReportInput& in, const fs::path& out_file,
                                             const ReportOptions& options) {
  SheetNamer names;
  reserve_fixed(names, in);
  std::map<std::string, SchoolLink> links;
  // The school workbooks and the results workbook are published together,
  // with one sync (the school workbooks first: the summary links to them).
  util::PublishBatch batch;
  const bool split = in.summary.school_ids.size() > options.max_school_sheets;
  if (split) {
    // Each school's sheet goes into "<stem>_ОО/<id>.xlsx"; written first so
    // the summary never links to a file that failed.
    const std::string folder = out_file.stem().string() + "_ОО";
    const auto files = files_by_school(in.run);
    std::set<std::string> used;
    std::vector<std::pair<std::string, std::string>> own;  // school id, file stem
    for (const auto& id : in.summary.school_ids) {
      if (const auto book = options.school_books.find(id); book != options.school_books.end()) {
        links[id].file = book->second;
        continue;
      }
      std::string stem = file_stem_for(id);
      for (int n = 2; used.contains(stem); ++n) stem = file_stem_for(id) + "_" + std::to_string(n);
      used.insert(stem);
      links[id].file = folder + "/" + stem + ".xlsx";
      own.emplace_back(id, stem);
    }
    std::vector<std::optional<model::Diagnostic>> failed(own.size());
    util::parallel_for(own.size(), workers_for(in, options.threads), [&](std::size_t i) {
      auto done = write_school_book(in, own[i].first, files,
                                    out_file.parent_path() / folder / (own[i].second + ".xlsx"),
                                    "../" + out_file.filename().string(), batch);
      if (!done) failed[i] = done.error();
    });
    for (const auto& f : failed) {
      if (f) return std::unexpected(*f);
    }
  } else {
    for (const auto& id : in.summary.school_ids) {
      links[id].sheet = names.unique_name(school_name(in.registry, id));
    }
  }

  auto file = util::XlsxFile::create(out_file);
  if (!file) return std::unexpected(file.error());
  std::vector<const model::FileOutcome*> all_files;
  for (const auto& f : in.run.files) all_files.push_back(&f);
  BookContext ctx{in, file->book(), make_formats(file->book()), links, true, {}, std::move(all_files),
                  analysis_formats(file->book(), in), {}};
  set_properties(file->book(), in,
                 (in.definition.title.empty() ? "Результаты мониторинга" : in.definition.title) +
                     " · " + model::display_name(in.summary.period));
  const auto fail = [&](const model::Diagnostic& d) {
    return model::Expected<void>(std::unexpected(in_file(d, out_file)));
  };
  if (auto done = write_summary_sheet(ctx); !done) return fail(done.error());
  // The analysis sheets (each does nothing without an analysis or its part).
  for (auto* write : {write_briefing_sheet, write_rating_sheet, write_roadmap_sheet,
                      write_dynamics_sheet, write_trends_sheet, write_clusters_sheet,
                      write_recommendations_sheet}) {
    if (auto done = write(ctx); !done) return fail(done.error());
  }
  if (auto done = write_year_sources_sheet(ctx); !done) return fail(done.error());
  if (auto done = write_charts_sheet(ctx); !done) return fail(done.error());
  if (auto done = write_errors_sheet(ctx); !done) return fail(done.error());
  if (auto done = write_returns_sheet(ctx); !done) return fail(done.error());
  if (auto done = write_method_sheet(ctx); !done) return fail(done.error());
  if (!split) {
    for (const auto& id : in.summary.school_ids) {
      if (auto done = write_school_sheet(ctx, id, links[id].sheet); !done) {
        return fail(done.error());
      }
    }
  }
  if (auto done = file->commit({}, &batch); !done) return done;
  if (options.publish_with != nullptr) {
    options.publish_with->take(batch);
    return {};
  }
  return batch.commit();
}

namespace {

// The directors' workbooks written into `batch` (not yet published).
model::Expected<void> write_director_books(const ReportInput& in, const std::vector<DirectorBook>& books,
                                           unsigned threads, const std::function<void()>& on_written,
                                           util::PublishBatch& batch) {
  for (const auto& book : books) {
    if (in.registry.find(book.school_id) == nullptr) {
      model::Location where;
      where.file = fs::path(book.file).filename().string();
      return std::unexpected(model::Diagnostic::error(
          where, "ОО с таким идентификатором нет в реестре: книгу для директора сформировать нельзя",
          "проверьте идентификатор ОО в реестре и в имени формы", book.school_id));
    }
  }
  const auto files = files_by_school(in.run);
  std::vector<std::optional<model::Diagnostic>> failed(books.size());
  util::parallel_for(books.size(), workers_for(in, threads), [&](std::size_t i) {
    if (auto done = write_school_book(in, books[i].school_id, files, books[i].file, {}, batch); !done) {
      failed[i] = done.error();
    } else if (on_written) {
      on_written();
    }
  });
  for (const auto& f : failed) {
    if (f) return std::unexpected(*f);  // the first in `books` order
  }
  return {};
}

}  // namespace

model::Expected<void> write_director_workbooks(const ReportInput& in,
                                               const std::vector<DirectorBook>& books, unsigned threads,
                                               const std::function<void()>& on_written) {
  util::PublishBatch batch;  // publishes nothing unless committed
  if (auto done = write_director_books(in, books, threads, on_written, batch); !done) return done;
  return batch.commit();
}

model::Expected<void> write_run_workbooks(const ReportInput& in, const std::vector<DirectorBook>& books,
                                          const fs::path& results_file, ReportOptions options,
                                          const std::function<void()>& on_written) {
  util::PublishBatch directors;
  util::PublishBatch results;
  options.publish_with = &results;
  const auto write_results = [&] { return write_results_workbook(in, results_file, options); };
  if (workers_for(in, options.threads) > 1) {
    // One more thread than the pool's: the results workbook is one long job
    // the directors' many short ones fill the cores around. It stays on this
    // thread, whose allocator arena holds what the computation freed and a
    // new thread's arena could not reuse.
    auto directors_written_later = std::async(std::launch::async, [&] {
      return write_director_books(in, books, options.threads, on_written, directors);
    });
    const auto written = write_results();
    const auto directors_written = directors_written_later.get();
    if (!directors_written) return directors_written;
    if (!written) return written;
  } else {
    if (auto done = write_director_books(in, books, options.threads, on_written, directors); !done) return done;
    if (auto done = write_results(); !done) return done;
  }
  if (auto done = directors.commit(); !done) return done;
  return results.commit();
}

model::Expected<void> write_director_workbook(const ReportInput& in, const std::string& school_id,
                                              const fs::path& out_file) {
  return write_director_workbooks(in, {{school_id, out_file}}, 1);
}

}  // namespace report
