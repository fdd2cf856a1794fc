// Krymsk's eight monitorings (templates/krymsk/): each one, with the real
// binary, issues its forms (template), takes forms filled as schools fill
// them (scripts/fill_samples.py, openpyxl) and computes its results (run).
// The yearly rubric over them issues its forms but is not a `run` method.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>

#include "ingest/workbook.h"
#include "model/schedule.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// Three schools of the Krymsk registry keep the test fast; none of them is
// among those fill_samples.py makes err or stay silent in the two committed
// samples' scenarios (kr03, kr05, kr10, kr13), so every form is accepted.
fs::path small_registry(const test::TempDir& dir) {
  std::ifstream in(test::source_dir() / "templates/krymsk_schools.csv");
  std::ofstream out(dir / "schools.csv");
  std::string line;
  for (int i = 0; std::getline(in, line); ++i) {
    if (i == 0 || line.starts_with("kr01;") || line.starts_with("kr02;") || line.starts_with("kr04;")) {
      out << line << "\n";
    }
  }
  return dir / "schools.csv";
}

// `period` empty: the configuration names none (the default applies).
fs::path write_config(const test::TempDir& dir, const std::string& definition,
                      const std::string& period = "2025-2026") {
  std::ofstream out(dir / "metodmon.toml");
  out << "[monitoring]\ndefinition = \"" << (test::source_dir() / "templates/krymsk" / definition).string()
      << "\"\nschools = \"" << small_registry(dir).string() << "\"\n"
      << (period.empty() ? "" : "period = \"" + period + "\"\n") << "\n[paths]\ninbox = \""
      << (dir / "filled").string() << "\"\noutput = \"" << (dir / "out").string() << "\"\nstate = \""
      << (dir / "state").string() << "\"\n\n[forms]\npassword = \"krymsk\"\n\n[inbox]\nsettle_seconds = 0\n";
  return dir / "metodmon.toml";
}

test::ProcessResult metodmon(const std::string& args) {
  return test::run_command(std::string(METODMON_BINARY) + " " + args + " 2>&1");
}

int files_in(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

struct Monitoring {
  const char* file;  // templates/krymsk/<file>
  const char* id;    // results: Итоги_<id>_2025-2026.xlsx
};

class KrymskMonitoringTest : public ::testing::TestWithParam<Monitoring> {};

}  // namespace

TEST_P(KrymskMonitoringTest, IssuesFormsAndComputesResultsFromFilledForms) {
  const auto& m = GetParam();
  test::TempDir dir;
  const auto config = write_config(dir, m.file);
  const auto blank = metodmon("template -q --config " + test::shell_quote(config.string()) + " --out " +
                              test::shell_quote((dir / "blank").string()));
  ASSERT_EQ(blank.exit_code, 0) << blank.out;
  ASSERT_EQ(files_in(dir / "blank"), 3);
  const auto filled = test::run_command(
      "/usr/bin/python3 " + test::shell_quote((test::source_dir() / "scripts/fill_samples.py").string()) +
      " --definition " + test::shell_quote((test::source_dir() / "templates/krymsk" / m.file).string()) + " " +
      test::shell_quote((dir / "blank").string()) + " " + test::shell_quote((dir / "filled").string()) + " 2>&1");
  ASSERT_EQ(filled.exit_code, 0) << filled.out;
  const auto run = metodmon("run -q --config " + test::shell_quote(config.string()));
  EXPECT_EQ(run.exit_code, 0) << run.out;
  const auto results = dir / "out" / "2025-2026" / ("Итоги_" + std::string(m.id) + "_2025-2026.xlsx");
  const auto wb = ingest::read_workbook(results);
  ASSERT_TRUE(wb) << results << "\n" << run.out;
  const auto* summary = wb->sheet("Сводка");
  ASSERT_NE(summary, nullptr);
  int schools = 0;
  for (const auto& cell : summary->cells) schools += cell.ref.col == 1 && cell.text == "лист ОО →";
  EXPECT_EQ(schools, 3);
  EXPECT_EQ(files_in(dir / "out" / "2025-2026" / "directors"), 3);
  // A school year's results name it as people write it, never as its code.
  const auto* method = wb->sheet("Методика");
  ASSERT_NE(method, nullptr);
  bool named = false;
  for (const auto& cell : method->cells) named = named || cell.text.find("2025/26 учебный год") != std::string::npos;
  EXPECT_TRUE(named);
}

INSTANTIATE_TEST_SUITE_P(
    Krymsk, KrymskMonitoringTest,
    ::testing::Values(Monitoring{"m1_deficits.toml", "krymsk-m1-deficits"},
                      Monitoring{"m2_iom.toml", "krymsk-m2-iom"},
                      Monitoring{"m3_courses.toml", "krymsk-m3-courses"},
                      Monitoring{"m4_experts.toml", "krymsk-m4-experts"},
                      Monitoring{"m5_shmo.toml", "krymsk-m5-shmo"},
                      Monitoring{"m6_mentoring.toml", "krymsk-m6-mentoring"},
                      Monitoring{"m7_network.toml", "krymsk-m7-network"},
                      Monitoring{"m8_staffing.toml", "krymsk-m8-staffing"}),
    [](const ::testing::TestParamInfo<Monitoring>& p) {
      std::string name = p.param.file;
      return name.substr(0, name.find('.'));
    });

// Alone in a configuration the rubric has no monitorings' results to rest on:
// the run says so and writes nothing (tests/cli/year_rubric_run_test.cpp runs
// it over a deployment's monitorings).
TEST(KrymskYearRubricCliTest, IssuesTheSelfAssessmentFormButRunsOnlyOverTheMonitoringsResults) {
  test::TempDir dir;
  const auto config = write_config(dir, "year_rubric.toml");
  const auto blank = metodmon("template -q --config " + test::shell_quote(config.string()) + " --out " +
                              test::shell_quote((dir / "blank").string()));
  ASSERT_EQ(blank.exit_code, 0) << blank.out;
  EXPECT_EQ(files_in(dir / "blank"), 3);
  fs::create_directories(dir / "filled");
  const auto run = metodmon("run -q --config " + test::shell_quote(config.string()));
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("за 2025/26 учебный год: нет итогов ни одного из её мониторингов (krymsk-m1-deficits, "),
            std::string::npos)
      << run.out;
  EXPECT_FALSE(fs::exists(dir / "out" / "2025-2026"));
}

TEST(KrymskScheduleCliTest, WithoutAConfiguredPeriodTheFormsAreForThePeriodThisMonthCloses) {
  test::TempDir dir;
  const auto config = write_config(dir, "m6_mentoring.toml", "");
  const auto blank = metodmon("template -q --config " + test::shell_quote(config.string()) + " --out " +
                              test::shell_quote((dir / "blank").string()));
  ASSERT_EQ(blank.exit_code, 0) << blank.out;
  // A school-year monitoring with [schedule]: the school year under way
  // (from September to August), not the last one that ended.
  const auto now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  const int year = tm.tm_year + 1900;
  const int first = tm.tm_mon >= 8 ? year : year - 1;
  const auto expected = std::to_string(first) + "-" + std::to_string(first + 1);
  EXPECT_EQ(model::collection_period(model::Periodicity::school_year, year, tm.tm_mon + 1).id, expected);
  EXPECT_TRUE(fs::exists(dir / "blank" / ("kr01_" + expected + ".xlsx"))) << blank.out;
}
