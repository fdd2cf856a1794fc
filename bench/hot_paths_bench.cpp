// Google Benchmark of the run's hot paths, on forms made by
// scripts/bench_forms.py: reading one form (and its stages: file, zip,
// inflating, XML, strings, styles, parse), validating it, hashing and
// archiving it, aggregating and analysing N schools, writing one director's
// workbook (one school sheet with its errors and method sheets) and the
// results workbook of N schools.
//
//   /usr/bin/python3 scripts/bench_forms.py --schools 1000 --out /tmp/metodmon-bench/demo-1000
//   METODMON_BENCH_FORMS=/tmp/metodmon-bench/demo-1000 build/bench/metodmon_bench
//
// (scripts/bench_scale.sh makes that folder too.) Outputs go to a temporary
// folder removed at exit. Not a test: figures depend on the machine.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summarize.h"
#include "analysis/analysis.h"
#include "cli/config/config.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/phase_read.h"
#include "ingest/form_file.h"
#include "ingest/form_reader.h"
#include "ingest/inbox.h"
#include "ingest/shared_strings.h"
#include "ingest/styles.h"
#include "ingest/workbook.h"
#include "ingest/xlsx_reader.h"
#include "ingest/xml_reader.h"
#include "ingest/zip_archive.h"
#include "report/results_workbook.h"
#include "store/archive.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;

// Everything the benchmarks share, loaded once.
struct Data {
  cli::Config config;
  std::optional<cli::RunInputs> inputs;
  std::vector<model::SourceFile> files;         // every workbook of the inbox
  std::vector<ingest::Workbook> workbooks;      // read, parallel to files (readable ones)
  std::vector<model::SourceFile> readable;      // parallel to workbooks
  std::vector<std::vector<unsigned char>> bytes;  // contents of the readable .xlsx forms
  std::vector<model::Submission> accepted;      // registry order
  model::RunInfo run;
  fs::path out;

  const model::Definition& definition() const { return inputs->definition.definition; }
  const model::Registry& registry() const { return inputs->registry.registry; }
};

Data* g_data = nullptr;

bool load(Data& d, const fs::path& dir) {
  auto config = cli::load_config(dir / "metodmon.toml");
  if (!config) return false;
  d.config = *config;
  d.inputs = cli::load_run_inputs(d.config);
  if (!d.inputs) return false;
  ingest::InboxOptions options;
  options.settle_seconds = 0;
  options.settle_check_ms = 0;
  const auto scan = ingest::scan_inbox(d.config.inbox, options);
  if (!scan) return false;
  d.files = scan->workbooks;
  for (const auto& f : d.files) {
    auto checked = ingest::check_form_file(f, d.config.limits, d.definition(), d.registry(), d.inputs->period);
    if (auto wb = ingest::read_workbook(f.path, d.config.limits)) {
      d.workbooks.push_back(std::move(*wb));
      d.readable.push_back(f);
      const auto text = util::read_file(f.path).value_or(std::string());
      if (text.starts_with("PK")) d.bytes.emplace_back(text.begin(), text.end());
    }
    d.run.files.push_back(checked.outcome);
    if (checked.submission) d.accepted.push_back(std::move(*checked.submission));
  }
  d.run.run_epoch = 1'700'000'000;
  d.run.run_time = "2026-12-01 07:00:00";
  d.out = fs::temp_directory_path() / ("metodmon-bench-" + std::to_string(::getpid()));
  fs::create_directories(d.out);
  return !d.files.empty() && !d.bytes.empty();
}

// The first n schools of the registry and their accepted forms.
struct Subset {
  model::Registry registry;
  std::vector<model::Submission> accepted;
};

Subset subset(const Data& d, std::size_t n) {
  Subset s;
  const auto& all = d.registry().schools;
  s.registry.schools.assign(all.begin(), all.begin() + static_cast<long>(std::min(n, all.size())));
  s.registry.index();
  for (const auto& sub : d.accepted) {
    if (s.registry.find(sub.school_id) != nullptr) s.accepted.push_back(sub);
  }
  return s;
}

void BM_ReadForm(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& f = g_data->files[i++ % g_data->files.size()];
    benchmark::DoNotOptimize(ingest::read_workbook(f.path, g_data->config.limits));
  }
}
BENCHMARK(BM_ReadForm);

// One form's read split by stage, on the bytes of the inbox's forms held in
// memory (BM_FormFileRead alone touches the disk, page cache): each stage
// includes the ones before it (open, then inflate, then parse), so the
// differences say where a form's time goes. "Parts" are the ones the reader
// parses: the package and workbook relationships, the workbook, shared
// strings, styles and the sheets (not the theme nor docProps).

const std::vector<unsigned char>& form_bytes(std::size_t i) {
  return g_data->bytes[i % g_data->bytes.size()];
}

bool parsed_part(const std::string& name) {
  return name.starts_with("_rels/") || (name.starts_with("xl/") && !name.starts_with("xl/theme/"));
}

void BM_FormFileRead(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& f = g_data->files[i++ % g_data->files.size()];
    benchmark::DoNotOptimize(util::read_file(f.path));
  }
}
BENCHMARK(BM_FormFileRead);

void BM_FormSha256InMemory(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& b = form_bytes(i++);
    benchmark::DoNotOptimize(util::sha256_hex(std::string_view(reinterpret_cast<const char*>(b.data()), b.size())));
  }
}
BENCHMARK(BM_FormSha256InMemory);

// Opens each form's archive afresh (the open is part of every stage below)
// and hands it to `stage` with a fresh budget.
template <class Stage>
void per_opened_form(benchmark::State& state, const Stage& stage) {
  std::size_t i = 0;
  for (auto _ : state) {
    ingest::ZipArchive zip;
    if (zip.open(form_bytes(i++))) state.SkipWithError("zip");
    ingest::ReadBudget budget(g_data->config.limits);
    stage(zip, budget);
  }
}

void BM_FormZipOpen(benchmark::State& state) {
  per_opened_form(state, [](const ingest::ZipArchive&, ingest::ReadBudget&) {});
}
BENCHMARK(BM_FormZipOpen);

// Open + inflate the parsed parts into a discarding sink: the floor.
void BM_FormInflateParts(benchmark::State& state) {
  std::size_t bytes = 0;
  per_opened_form(state, [&](const ingest::ZipArchive& zip, ingest::ReadBudget& budget) {
    for (const auto& name : zip.names()) {
      if (!parsed_part(name)) continue;
      (void)zip.read_entry(name, budget, [&](std::string_view chunk) -> ingest::Status {
        bytes += chunk.size();
        return std::nullopt;
      });
    }
  });
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_FormInflateParts);

// Open + inflate + expat over the same parts, to their ends, with handlers
// that do nothing.
void BM_FormXmlScan(benchmark::State& state) {
  struct Nothing : ingest::XmlHandler {
    ingest::Status start(std::string_view, const ingest::XmlAttrs&) override { return std::nullopt; }
    ingest::Status end(std::string_view) override { return std::nullopt; }
    ingest::Status text(std::string_view) override { return std::nullopt; }
  } nothing;
  per_opened_form(state, [&](const ingest::ZipArchive& zip, ingest::ReadBudget& budget) {
    for (const auto& name : zip.names()) {
      if (parsed_part(name)) benchmark::DoNotOptimize(ingest::parse_xml_entry(zip, name, budget, nothing));
    }
  });
}
BENCHMARK(BM_FormXmlScan);

// Open + the shared strings alone, open + the styles alone.
void BM_FormSharedStrings(benchmark::State& state) {
  per_opened_form(state, [](const ingest::ZipArchive& zip, ingest::ReadBudget& budget) {
    std::vector<std::string> strings;
    if (const auto name = zip.find("xl/sharedStrings.xml"))
      benchmark::DoNotOptimize(ingest::read_shared_strings(zip, *name, budget, strings));
  });
}
BENCHMARK(BM_FormSharedStrings);

void BM_FormStyles(benchmark::State& state) {
  per_opened_form(state, [](const ingest::ZipArchive& zip, ingest::ReadBudget& budget) {
    ingest::CellStyles styles;
    if (const auto name = zip.find("xl/styles.xml"))
      benchmark::DoNotOptimize(ingest::read_styles(zip, *name, budget, styles));
  });
}
BENCHMARK(BM_FormStyles);

// The whole package (relationships, workbook, strings, styles, sheets) from memory.
void BM_FormParse(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    ingest::ReadBudget budget(g_data->config.limits);
    ingest::Workbook book;
    benchmark::DoNotOptimize(ingest::read_xlsx(form_bytes(i++), budget, book));
  }
}
BENCHMARK(BM_FormParse);

// What a worker of `metodmon run` does per form: read, parse, validate.
void BM_CheckFormFile(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& f = g_data->files[i++ % g_data->files.size()];
    benchmark::DoNotOptimize(ingest::check_form_file(f, g_data->config.limits, g_data->definition(),
                                                     g_data->registry(), g_data->inputs->period));
  }
}
BENCHMARK(BM_CheckFormFile);

void BM_ValidateForm(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto k = i++ % g_data->workbooks.size();
    benchmark::DoNotOptimize(ingest::read_form(g_data->workbooks[k], g_data->definition(), g_data->registry(),
                                               g_data->inputs->period, g_data->readable[k]));
  }
}
BENCHMARK(BM_ValidateForm);

// The run's read phase over the whole inbox on 2 workers: listing, hashing,
// reading, validating, choosing one form per school. Process CPU time (all
// threads) and wall time; divide by the inbox's forms for a per-form cost.
void BM_ReadInbox(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(cli::read_inbox(g_data->config, g_data->definition(), g_data->registry(),
                                             g_data->inputs->period, 2));
  }
  state.counters["forms"] = static_cast<double>(g_data->files.size());
}
BENCHMARK(BM_ReadInbox)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_Sha256Form(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(util::sha256_file(g_data->files[i++ % g_data->files.size()].path));
}
BENCHMARK(BM_Sha256Form);

void BM_ArchiveForm(benchmark::State& state) {
  std::size_t i = 0;
  const auto root = g_data->out / "archive";
  for (auto _ : state) {
    const auto& f = g_data->files[i++ % g_data->files.size()];
    state.PauseTiming();
    fs::remove_all(root);
    state.ResumeTiming();
    benchmark::DoNotOptimize(store::archive_file(root, "2026-11", "s", f));
  }
}
BENCHMARK(BM_ArchiveForm);

void BM_Aggregate(benchmark::State& state) {
  const auto s = subset(*g_data, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(aggregate::summarize(g_data->definition(), s.registry, s.accepted, g_data->inputs->period));
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Aggregate)->Arg(100)->Arg(1000)->Arg(10000)->Complexity();

void BM_Analyze(benchmark::State& state) {
  const auto s = subset(*g_data, static_cast<std::size_t>(state.range(0)));
  const auto summary = aggregate::summarize(g_data->definition(), s.registry, s.accepted, g_data->inputs->period);
  for (auto _ : state) {
    benchmark::DoNotOptimize(analysis::analyze(g_data->definition(), s.registry, summary, s.accepted, {}));
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Analyze)->Arg(100)->Arg(1000)->Arg(10000)->Complexity()->Unit(benchmark::kMillisecond);

// The run's files of the subset's schools only: a director's workbook lists
// its own school's, and a subset must not carry the whole inbox's.
model::RunInfo run_of(const Subset& s) {
  model::RunInfo run = g_data->run;
  run.files.clear();
  for (const auto& f : g_data->run.files) {
    if (s.registry.find(f.school_id) != nullptr) run.files.push_back(f);
  }
  return run;
}

// Directors' workbooks among n schools as the run writes them (one call for
// a batch of 50, published together), per workbook: must not grow with n.
void BM_WriteDirectorWorkbook(benchmark::State& state) {
  const auto s = subset(*g_data, static_cast<std::size_t>(state.range(0)));
  const auto summary = aggregate::summarize(g_data->definition(), s.registry, s.accepted, g_data->inputs->period);
  const auto a = analysis::analyze(g_data->definition(), s.registry, summary, s.accepted, {});
  const auto run = run_of(s);
  const report::ReportInput input{g_data->definition(), s.registry, summary, run, &a};
  constexpr std::size_t k_batch = 50;
  std::size_t next = 0;
  for (auto _ : state) {
    std::vector<report::DirectorBook> books;
    for (std::size_t k = 0; k < k_batch; ++k) {
      const auto& id = summary.school_ids[next++ % summary.school_ids.size()];
      books.push_back({id, g_data->out / "directors" / (id + ".xlsx")});
    }
    const auto done = report::write_director_workbooks(input, books, 1);
    if (!done) state.SkipWithError(model::to_string(done.error()).c_str());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * k_batch));
}
BENCHMARK(BM_WriteDirectorWorkbook)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// The results workbook as the run writes it: each school's sheet is its
// director's workbook, linked from «Сводка».
void BM_WriteResultsWorkbook(benchmark::State& state) {
  const auto s = subset(*g_data, static_cast<std::size_t>(state.range(0)));
  const auto summary = aggregate::summarize(g_data->definition(), s.registry, s.accepted, g_data->inputs->period);
  const auto a = analysis::analyze(g_data->definition(), s.registry, summary, s.accepted, {});
  const auto run = run_of(s);
  const report::ReportInput input{g_data->definition(), s.registry, summary, run, &a};
  report::ReportOptions options;
  options.max_school_sheets = 0;
  for (const auto& id : summary.school_ids) options.school_books[id] = "directors/" + id + ".xlsx";
  for (auto _ : state) {
    const auto done = report::write_results_workbook(input, g_data->out / "results.xlsx", options);
    if (!done) state.SkipWithError(model::to_string(done.error()).c_str());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_WriteResultsWorkbook)->Arg(100)->Arg(300)->Arg(1000)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  ::setenv("TZ", ":/etc/localtime", 0);  // as metodmon's main() does (see src/cli/main.cpp)
  const char* dir = std::getenv("METODMON_BENCH_FORMS");
  const fs::path forms = dir != nullptr ? dir : "/tmp/metodmon-bench/demo-1000";
  Data data;
  if (!load(data, forms)) {
    std::cerr << "no forms in " << forms << ": make them with\n  /usr/bin/python3 scripts/bench_forms.py "
              << "--schools 1000 --out " << forms << "\nand set METODMON_BENCH_FORMS to that folder\n";
    return 1;
  }
  g_data = &data;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  fs::remove_all(data.out, ec);
  return 0;
}
