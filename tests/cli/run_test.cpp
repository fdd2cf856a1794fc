// End to end: the real binary on the committed sample workbooks, read back by
// our reader, by openpyxl and by LibreOffice.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "ingest/workbook.h"
#include "support/key_values.h"
#include "support/libreoffice.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

namespace {

struct RunOutput {
  int exit_code = -1;
  std::string out;
};

RunOutput run_metodmon(const std::string& args) {
  const std::string cmd = std::string(METODMON_BINARY) + " " + args + " 2>&1";
  RunOutput r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::map<std::string, std::string> hashes(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = *util::sha256_file(e.path());
  return out;
}

fs::path results_file(const fs::path& out) {
  for (const auto& e : fs::directory_iterator(out / "2026-11")) {
    if (e.path().extension() == ".xlsx") return e.path();
  }
  return {};
}

std::string all_text(const ingest::Sheet& s) {
  std::string text;
  for (const auto& c : s.cells) text += c.text + "\n";
  return text;
}

}  // namespace

class SampleRunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_out = new test::TempDir();
    s_before = hashes(test::source_dir() / "sample_workbooks" / "demo");
    s_run = run_metodmon("run --config " + (test::source_dir() / "scripts" / "demo.toml").string() +
                         " --output " + s_out->path().string() + " --state " + (s_out->path() / "state").string());
  }
  static void TearDownTestSuite() { delete s_out; }
  static test::TempDir* s_out;
  static std::map<std::string, std::string> s_before;
  static RunOutput s_run;
};
test::TempDir* SampleRunTest::s_out = nullptr;
std::map<std::string, std::string> SampleRunTest::s_before;
RunOutput SampleRunTest::s_run;

TEST_F(SampleRunTest, ExitCodeSaysSomeFormsWereRejected) {
  EXPECT_EQ(s_run.exit_code, 2) << s_run.out;
  EXPECT_NE(s_run.out.find("Итоговая книга:"), std::string::npos) << s_run.out;
}

TEST_F(SampleRunTest, InputsAreNeverModified) {
  EXPECT_EQ(hashes(test::source_dir() / "sample_workbooks" / "demo"), s_before);
}

TEST_F(SampleRunTest, FaultyFormsAppearOnTheErrorsSheetWithTheirCells) {
  const auto file = results_file(s_out->path());
  ASSERT_FALSE(file.empty());
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const auto* errors = wb->sheet("Ошибки");
  ASSERT_NE(errors, nullptr);
  const auto text = all_text(*errors);
  for (const char* expected : {"sch04_2026-11.xlsx", "sch09_2026-11.xlsx", "sch13_2026-11.xlsx",
                               "sch15_2026-11.xlsx", "около 30", "12,5", "часть больше целого",
                               "не заполнено обязательное поле"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

TEST_F(SampleRunTest, EveryAcceptedSchoolHasItsSheet) {
  const auto wb = ingest::read_workbook(results_file(s_out->path()));
  ASSERT_TRUE(wb);
  std::string names;
  for (const auto& s : wb->sheets) names += s.name + "|";
  for (const char* sheet : {"Сводка", "Ошибки", "Методика"}) {
    EXPECT_NE(names.find(sheet), std::string::npos) << names;
  }
  // 18 schools: 2 sent nothing, 4 sent faulty forms -> 12 school sheets.
  const auto* summary = wb->sheet("Сводка");
  ASSERT_NE(summary, nullptr);
  const auto summary_text = all_text(*summary);
  for (const char* school : {"МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ «Гимназия № 3»", "МБОУ СОШ № 7",
                             "МБОУ «Заречная СОШ»"}) {
    EXPECT_NE(summary_text.find(school), std::string::npos) << school;
    EXPECT_NE(names.find(school), std::string::npos) << school << " in " << names;
  }
}

TEST_F(SampleRunTest, DirectorsGetOneWorkbookPerAcceptedSchool) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(s_out->path() / "2026-11" / "directors")) ++n;
  EXPECT_EQ(n, 12);
}

TEST_F(SampleRunTest, OpenpyxlOpensEveryWorkbookWeWrote) {
  const auto r = test::run_python(R"(
import sys, pathlib, openpyxl
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.xlsx")):
    wb = openpyxl.load_workbook(p)
    assert len(wb.sheetnames) > 0, p
    n += 1
print("opened=%d" % n)
)", {(s_out->path() / "2026-11").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::value_of(r.out, "opened"), "13");
}

TEST_F(SampleRunTest, LibreOfficeConvertsTheResultsToPdf) {
  ASSERT_TRUE(test::have_libreoffice());
  test::TempDir pdf_dir;
  const auto text = test::pdf_text(results_file(s_out->path()), pdf_dir);
  for (const char* title : {"Сводка", "Ошибки", "Методика", "Аналитическая справка", "Рейтинг ОО по баллам",
                            "Группы ОО", "МБОУ СОШ № 1", "sch09_2026-11.xlsx"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
  }
  EXPECT_GE(std::count(text.begin(), text.end(), '\f'), 30);  // pages
}

TEST(RunErrorsTest, MissingConfigIsAClearErrorAndExitCode1) {
  test::TempDir dir;
  const auto r = run_metodmon("run --config " + (dir / "nope.toml").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("файл конфигурации не найден"), std::string::npos) << r.out;
}

TEST(RunErrorsTest, BadPeriodIsRefused) {
  test::TempDir dir;
  const auto r = run_metodmon("run --config " + (test::source_dir() / "scripts" / "demo.toml").string() +
                              " --period 2026-13 --output " + dir.path().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("неверный отчётный период"), std::string::npos) << r.out;
}

TEST(RunErrorsTest, UsageErrorHasItsOwnCode) {
  const auto r = run_metodmon("frobnicate");
  EXPECT_EQ(r.exit_code, 64);
}
