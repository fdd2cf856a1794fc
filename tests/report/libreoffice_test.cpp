// The workbooks open in LibreOffice (a second, independent reader) and
// print: converted to PDF, every sheet's title is on a page.
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/libreoffice.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

TEST(LibreOfficeTest, ResultsWorkbookPrintsEverySheet) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const std::string text = test::pdf_text(path, dir);
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

// Links to the schools' own workbooks are HYPERLINK formulas: LibreOffice
// shows their text, also for a file name with a quote in it.
TEST(LibreOfficeTest, LinksToSchoolWorkbooksShowTheirText) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  report::ReportOptions options;
  options.max_school_sheets = 2;
  options.school_books = {{"s1", "directors/s\"1.xlsx"}, {"s5", "directors/s5.xlsx"}};
  ASSERT_TRUE(report::write_results_workbook(data.input(), path, options).has_value());
  EXPECT_EQ(test::openpyxl_eval(path, "print(wb['Сводка']['B7'].value)"),
            "=HYPERLINK(\"directors/s\"\"1.xlsx\",\"файл ОО →\")\n");
  const std::string text = test::pdf_text(path, dir);
  std::size_t links = 0;
  for (auto at = text.find("файл ОО →"); at != std::string::npos; at = text.find("файл ОО →", at + 1)) {
    ++links;
  }
  EXPECT_EQ(links, 5u) << text;
  EXPECT_EQ(text.find("Err:"), std::string::npos);
  EXPECT_EQ(text.find("#NAME"), std::string::npos);
}

TEST(LibreOfficeTest, DirectorWorkbookPrints) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s3.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s3", path).has_value());
  const std::string text = test::pdf_text(path, dir);
  EXPECT_NE(text.find("Результаты ОО: +79991234567"), std::string::npos);
  EXPECT_NE(text.find("О мониторинге"), std::string::npos);
  EXPECT_EQ(text.find("/srv/metodmon"), std::string::npos);
  EXPECT_EQ(text.find("МБОУ СОШ № 1"), std::string::npos);
}

}  // namespace
