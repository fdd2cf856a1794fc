// The workbooks open in LibreOffice (a second, independent reader) and
// print: converted to PDF, every sheet's title is on a page.
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// Converts `xlsx` to PDF in its folder and returns the PDF's text ("" on failure).
std::string pdf_text(const fs::path& xlsx, const test::TempDir& dir) {
  // A private profile inside the test folder: parallel runs do not share a lock,
  // and it is removed with the folder.
  const std::string profile = "file://" + (dir / "lo-profile").string();
  const auto convert = test::run_command(
      "timeout 120 soffice --headless -env:UserInstallation=" + profile +
      " --convert-to pdf --outdir " + test::shell_quote(dir.path().string()) + " " +
      test::shell_quote(xlsx.string()));
  const auto pdf = dir / (xlsx.stem().string() + ".pdf");
  EXPECT_EQ(convert.exit_code, 0) << convert.out;
  EXPECT_TRUE(fs::exists(pdf)) << convert.out;
  if (!fs::exists(pdf)) return {};
  const auto text = test::run_command("pdftotext -layout " + test::shell_quote(pdf.string()) + " -");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  return text.out;
}

bool have_libreoffice() { return test::run_command("command -v soffice").exit_code == 0; }

TEST(LibreOfficeTest, ResultsWorkbookPrintsEverySheet) {
  if (!have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const std::string text = pdf_text(path, dir);
  for (const char* title :
       {"Мониторинг методической работы (тест)", "Диаграммы: Мониторинг методической работы",
        "Ошибки и замечания во входных файлах", "Методика и исходные данные",
        "Результаты ОО: МБОУ СОШ № 1", "Результаты ОО: +79991234567",
        "Результаты ОО: =HYPERLINK(\"http://evil.example\",\"x\")", "Страница 1 из"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
  }
  // The formula-like name was printed as text, not evaluated to "x".
  EXPECT_NE(text.find("=HYPERLINK(\"http://evil.example\",\"x\")"), std::string::npos);
}

TEST(LibreOfficeTest, DirectorWorkbookPrints) {
  if (!have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s3.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s3", path).has_value());
  const std::string text = pdf_text(path, dir);
  EXPECT_NE(text.find("Результаты ОО: +79991234567"), std::string::npos);
  EXPECT_NE(text.find("Методика и исходные данные"), std::string::npos);
  EXPECT_EQ(text.find("МБОУ СОШ № 1"), std::string::npos);
}

}  // namespace
