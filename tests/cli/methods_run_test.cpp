// End to end for the three shipped methods: the real binary on the sample
// municipalities of sample_workbooks/<method>/ (scripts/samples/<method>.toml),
// read back by our reader. Leninsk-Kuznetsky's samples reproduce the 2022
// facts of the roadmap analysis (seed 000): 1.1 10, 1.2 50, 1.3 30, 2.1 20,
// 2.2 10, 2.3 65, 3.1 10, 3.2 70, 4.1 10 — eight targets met with gap 0,
// 3.2 without a 2022 target.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

#include "definition/definition_loader.h"
#include "ingest/workbook.h"
#include "support/print_layout.h"
#include "support/temp_dir.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

namespace {

struct MethodCase {
  std::string method;         // scripts/samples/<method>.toml, sample_workbooks/<method>/
  std::string schools;        // registry templates/<schools>_schools.csv
  std::string results_stem;   // results file name: Итоги_<stem>_<period>.xlsx (id without years)
  std::string period;
  int exit_code = 0;   // 0: every form accepted; 2: some rejected
  int accepted = 0;    // school rows on «Сводка», directors' workbooks
  std::vector<std::string> rejected_files;
  std::vector<std::string> error_texts;  // what the «Ошибки» sheet must say about them
};

// gtest prints a parameter by this, not as raw bytes.
void PrintTo(const MethodCase& c, std::ostream* os) { *os << c.method << " " << c.period; }

const std::vector<MethodCase>& cases() {
  static const std::vector<MethodCase> k_cases = {
      {"lk_roadmap", "lk_roadmap", "lk-roadmap", "2022", 0, 12, {}, {}},
      // bl04 and bl08's forms are rejected; their teachers' questionnaire answers put them in the results.
      {"balakhta", "balakhta", "balakhta", "2025-H1", 2, 10, {"bl04_2025-H1.xlsx", "bl08_2025-H1.xlsx"},
       {"85%", "ожидалось количество, а в ячейке процент", "часть больше целого"}},
      // kr13 sends nothing; kr06 types staff rates as «115,5»; kr11 leaves a rubric answer empty.
      {"krymsk", "krymsk", "krymsk", "2025", 2, 11, {"kr06_2025.xlsx", "kr11_2025.xlsx"},
       {"115,5", "дробное число", "не заполнено обязательное поле"}},
      // Two of Krymsk's eight monitorings (templates/krymsk/), March and April 2025
      // (the 2024/25 school year: the monitorings run September to August).
      // March: kr10 sends nothing; kr03 writes «около 10» network events.
      {"krymsk_m7_network", "krymsk", "krymsk-m7-network", "2024-2025", 2, 12, {"kr03_2024-2025.xlsx"}, {"около 10"}},
      // April: kr13 sends nothing; kr05 has more satisfied mentees than surveyed.
      {"krymsk_m6_mentoring", "krymsk", "krymsk-m6-mentoring", "2024-2025", 2, 12, {"kr05_2024-2025.xlsx"},
       {"часть больше целого"}},
  };
  return k_cases;
}

struct MethodRun {
  test::TempDir out;
  int exit_code = -1;
  std::string console;
  std::map<std::string, std::string> inputs_before;
};

int run_metodmon(const std::string& args, std::string& console) {
  const std::string cmd = std::string(METODMON_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) console.append(buf, n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::map<std::string, std::string> hashes(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto h = util::sha256_file(e.path());
    out[e.path().filename().string()] = h ? *h : "?";
  }
  return out;
}

fs::path inbox_of(const MethodCase& c) { return test::source_dir() / "sample_workbooks" / c.method; }

// One run per method, shared by all tests of that method.
const MethodRun& run_of(const MethodCase& c) {
  static std::map<std::string, std::unique_ptr<MethodRun>> runs;
  auto& slot = runs[c.method];
  if (!slot) {
    slot = std::make_unique<MethodRun>();
    slot->inputs_before = hashes(inbox_of(c));
    const auto config = test::source_dir() / "scripts" / "samples" / (c.method + ".toml");
    slot->exit_code = run_metodmon("run -q --config '" + config.string() + "' --output '" +
                                       slot->out.path().string() + "' --state '" +
                                       (slot->out.path() / "state").string() + "'",
                                   slot->console);
  }
  return *slot;
}

fs::path results_file(const MethodCase& c) {
  return run_of(c).out.path() / c.period / ("Итоги_" + c.results_stem + "_" + c.period + ".xlsx");
}

std::string all_text(const ingest::Sheet& s) {
  std::string text;
  for (const auto& cell : s.cells) text += cell.text + "\n";
  return text;
}

const ingest::Cell* at(const ingest::Sheet& s, std::uint32_t row, std::uint32_t col) {
  return s.find(model::CellRef{row, col});
}

std::string text_at(const ingest::Sheet& s, std::uint32_t row, std::uint32_t col) {
  const auto* cell = at(s, row, col);
  return cell != nullptr && cell->type == ingest::CellType::string ? cell->text : std::string{};
}

// First row whose column A reads `text` (or starts with it when `prefix`).
std::optional<std::uint32_t> row_with(const ingest::Sheet& s, const std::string& text, bool prefix = false) {
  for (const auto& cell : s.cells) {
    if (cell.ref.col != 0 || cell.type != ingest::CellType::string) continue;
    if (prefix ? cell.text.starts_with(text) : cell.text == text) return cell.ref.row;
  }
  return std::nullopt;
}

// Short names (second column) of the registry templates/<method>_schools.csv.
std::vector<std::string> registry_names(const MethodCase& c) {
  std::istringstream in(test::read_file(test::source_dir() / "templates" / (c.schools + "_schools.csv")));
  std::vector<std::string> names;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto a = line.find(';');
    const auto b = line.find(';', a + 1);
    if (a != std::string::npos && b != std::string::npos) names.push_back(line.substr(a + 1, b - a - 1));
  }
  return names;
}

class MethodsRunTest : public ::testing::TestWithParam<MethodCase> {};

}  // namespace

TEST_P(MethodsRunTest, ExitCodeIsAsDesigned) {
  const auto& r = run_of(GetParam());
  EXPECT_EQ(r.exit_code, GetParam().exit_code) << r.console;
}

TEST_P(MethodsRunTest, SampleInputsAreNotModified) {
  const auto& r = run_of(GetParam());
  EXPECT_FALSE(r.inputs_before.empty());
  EXPECT_EQ(hashes(inbox_of(GetParam())), r.inputs_before);
}

TEST_P(MethodsRunTest, ResultsWorkbookReadsBackAndListsTheSchools) {
  const auto& c = GetParam();
  ASSERT_TRUE(fs::exists(results_file(c))) << results_file(c) << "\n" << run_of(c).console;
  const auto wb = ingest::read_workbook(results_file(c));
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const auto* summary = wb->sheet("Сводка");
  ASSERT_NE(summary, nullptr);
  // Every registry school is named: in its row, or among those without an accepted form.
  const auto text = all_text(*summary);
  const auto names = registry_names(c);
  EXPECT_GE(names.size(), 10u);
  for (const auto& name : names) EXPECT_NE(text.find(name), std::string::npos) << name;
  int school_rows = 0;
  for (const auto& cell : summary->cells) school_rows += cell.ref.col == 1 && cell.text == "лист ОО →";
  EXPECT_EQ(school_rows, c.accepted);
  for (const auto& name : names) {
    if (wb->sheet(name) != nullptr) --school_rows;  // a sheet per accepted school
  }
  EXPECT_EQ(school_rows, 0);
}

TEST_P(MethodsRunTest, RejectedFormsAreOnTheErrorsSheet) {
  const auto& c = GetParam();
  const auto wb = ingest::read_workbook(results_file(c));
  ASSERT_TRUE(wb);
  const auto* errors = wb->sheet("Ошибки");
  ASSERT_NE(errors, nullptr);
  const auto text = all_text(*errors);
  for (const auto& file : c.rejected_files) EXPECT_NE(text.find(file), std::string::npos) << file;
  for (const auto& what : c.error_texts) EXPECT_NE(text.find(what), std::string::npos) << what;
  int rejected = 0;  // the outcome column says «отклонён» once per rejected file
  for (const auto& cell : errors->cells) rejected += cell.text == "отклонён";
  EXPECT_EQ(rejected, static_cast<int>(c.rejected_files.size())) << text;
}

TEST_P(MethodsRunTest, DirectorsGetOneWorkbookPerAcceptedSchool) {
  const auto& c = GetParam();
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(run_of(c).out.path() / c.period / "directors")) ++n;
  EXPECT_EQ(n, c.accepted);
}

// A chart is never cut by a page break the sheet asks for (the sheets
// plan their breaks so that the spreadsheet adds none of its own).
TEST_P(MethodsRunTest, NoChartIsCutByAPageBreak) {
  const auto& c = GetParam();
  const auto charts = test::printed_charts(results_file(c));
  EXPECT_GT(charts.size(), static_cast<std::size_t>(c.accepted));  // «Диаграммы» and each school
  int on_charts_sheet = 0;
  for (const auto& chart : charts) {
    on_charts_sheet += chart.sheet == "Диаграммы";
    EXPECT_FALSE(chart.crosses_break) << chart.sheet << " rows " << chart.first_row << ".." << chart.last_row;
  }
  EXPECT_GT(on_charts_sheet, 1);
}

// What a methodist or director reads holds no internal codes: rubric positions
// by their names, never their ids («ACT_DEF», «M1»), no «z-оценка», no TOML
// syntax. Checked in the results workbook and every director's workbook
// («Ошибки» names cells such as «E3», which may equal a position id).
TEST_P(MethodsRunTest, NoInternalCodesInTheWorkbooks) {
  const auto& c = GetParam();
  const std::string config = test::read_file(test::source_dir() / "scripts" / "samples" / (c.method + ".toml"));
  const auto start = config.find("definition = \"") + 14;
  const auto file = test::source_dir() / "scripts" / "samples" / config.substr(start, config.find('"', start) - start);
  const auto def = definition::load_definition(file);
  ASSERT_TRUE(def) << file;
  std::vector<model::RubricPosition> positions;
  if (def->definition.rubric) {
    for (const auto& b : def->definition.rubric->blocks) {
      positions.insert(positions.end(), b.positions.begin(), b.positions.end());
    }
  }
  std::vector<fs::path> books = {results_file(c)};
  for (const auto& e : fs::directory_iterator(run_of(c).out.path() / c.period / "directors")) books.push_back(e.path());
  for (const auto& book : books) {
    const auto wb = ingest::read_workbook(book);
    ASSERT_TRUE(wb) << book;
    for (const auto& sheet : wb->sheets) {
      for (const auto& cell : sheet.cells) {
        const auto& t = cell.text;
        const std::string where = book.filename().string() + " «" + sheet.name + "»: " + t;
        EXPECT_EQ(t.find("z-оцен"), std::string::npos) << where;
        EXPECT_EQ(t.find("[["), std::string::npos) << where;
        EXPECT_EQ(t.find("matches_goal"), std::string::npos) << where;
        for (const auto& p : positions) {
          EXPECT_EQ(t.find(p.id + " " + p.name), std::string::npos) << where;
          if (sheet.name != "Ошибки") {
            EXPECT_NE(t, p.id) << where;
          }
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(ShippedMethods, MethodsRunTest, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<MethodCase>& p) { return p.param.method; });

namespace {

// Indices into cases().
const MethodCase& lk_case() { return cases()[0]; }
const MethodCase& krymsk_case() { return cases()[2]; }

struct Fact {
  const char* code;
  double value;  // percent
};
constexpr Fact k_lk_facts_2022[] = {{"1.1", 10}, {"1.2", 50}, {"1.3", 30}, {"2.1", 20}, {"2.2", 10},
                                    {"2.3", 65}, {"3.1", 10}, {"3.2", 70}, {"4.1", 10}};

}  // namespace

TEST(LeninskKuznetskySamples, RoadmapSheetShowsThe2022FactsAllMet) {
  const auto wb = ingest::read_workbook(results_file(lk_case()));
  ASSERT_TRUE(wb);
  const auto* roadmap = wb->sheet("Дорожная карта");
  ASSERT_NE(roadmap, nullptr);
  // Columns: A code, C target of the year, D municipal fact, E status, F gap.
  for (const auto& fact : k_lk_facts_2022) {
    SCOPED_TRACE(fact.code);
    const auto row = row_with(*roadmap, fact.code);
    ASSERT_TRUE(row);
    const auto* value = at(*roadmap, *row, 3);
    ASSERT_NE(value, nullptr);
    ASSERT_EQ(value->type, ingest::CellType::number);
    EXPECT_NEAR(value->number * 100, fact.value, 1e-9);  // stored as a fraction, shown as %
    if (std::string(fact.code) == "3.2") {
      EXPECT_EQ(text_at(*roadmap, *row, 2), "—");
      EXPECT_EQ(text_at(*roadmap, *row, 4), "цель не задана");
      EXPECT_EQ(text_at(*roadmap, *row, 5), "—");
    } else {
      const auto* target = at(*roadmap, *row, 2);
      ASSERT_NE(target, nullptr);
      EXPECT_NEAR(target->number * 100, fact.value, 1e-9);
      EXPECT_EQ(text_at(*roadmap, *row, 4), "достигнуто");
      const auto* gap = at(*roadmap, *row, 5);
      ASSERT_NE(gap, nullptr);
      EXPECT_EQ(gap->type, ingest::CellType::number);
      EXPECT_NEAR(gap->number, 0.0, 1e-12);
    }
  }
}

TEST(LeninskKuznetskySamples, SummaryMunicipalRowEqualsTheFacts) {
  const auto wb = ingest::read_workbook(results_file(lk_case()));
  ASSERT_TRUE(wb);
  const auto* summary = wb->sheet("Сводка");
  ASSERT_NE(summary, nullptr);
  const auto municipal = row_with(*summary, "Муниципалитет", true);
  ASSERT_TRUE(municipal);
  // Indicator columns are headed "<code> <name>".
  std::map<std::string, std::uint32_t> column_of;
  for (const auto& cell : summary->cells) {
    for (const auto& fact : k_lk_facts_2022) {
      if (cell.text.starts_with(std::string(fact.code) + " ")) column_of[fact.code] = cell.ref.col;
    }
  }
  ASSERT_EQ(column_of.size(), 9u);
  std::set<std::uint32_t> columns;
  for (const auto& fact : k_lk_facts_2022) {
    SCOPED_TRACE(fact.code);
    const auto col = column_of[fact.code];
    columns.insert(col);
    const auto* cell = at(*summary, *municipal, col);
    ASSERT_NE(cell, nullptr);
    ASSERT_EQ(cell->type, ingest::CellType::number);
    EXPECT_NEAR(cell->number * 100, fact.value, 1e-9);
  }
  EXPECT_EQ(columns.size(), 9u);
}

TEST(KrymskSamples, RubricRatingDiffersBetweenSchools) {
  const auto wb = ingest::read_workbook(results_file(krymsk_case()));
  ASSERT_TRUE(wb);
  const auto* rating = wb->sheet("Рейтинг");
  ASSERT_NE(rating, nullptr);
  std::optional<std::uint32_t> total_col;
  for (const auto& cell : rating->cells) {
    if (cell.text.starts_with("Итого баллов")) total_col = cell.ref.col;
  }
  ASSERT_TRUE(total_col);
  // School rows: column A holds the place, a number.
  std::set<double> totals;
  int schools = 0;
  for (const auto& cell : rating->cells) {
    if (cell.ref.col != 0 || cell.type != ingest::CellType::number) continue;
    const auto* total = at(*rating, cell.ref.row, *total_col);
    ASSERT_NE(total, nullptr);
    totals.insert(total->number);
    ++schools;
  }
  EXPECT_EQ(schools, krymsk_case().accepted);
  EXPECT_GE(totals.size(), 6u) << "rubric totals barely differ";
  EXPECT_GE(*totals.rbegin() - *totals.begin(), 20.0);
}
