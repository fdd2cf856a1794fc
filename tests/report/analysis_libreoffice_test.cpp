// The workbooks with an analysis open in LibreOffice and print: converted to
// PDF, every new sheet's title and the school's analysis parts are on a page.
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "analysis_report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/libreoffice.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

TEST(AnalysisLibreOfficeTest, ResultsWorkbookPrintsTheAnalysisSheets) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  ASSERT_TRUE(report::write_results_workbook(data.input(), path).has_value());
  const std::string text = test::pdf_text(path, dir);
  for (const char* title :
       {"Аналитическая справка по итогам мониторинга",
        "Рейтинг ОО по баллам: Оценка методической работы (тест)", "Баллы по ОО",
        "Дорожная карта: план и факт", "Динамика показателей",
        "Группы ОО и факторы, влияющие на результаты", "Адресные рекомендации ОО",
        "Оценка по рубрике «Оценка методической работы (тест)»", "Динамика показателей ОО",
        "Предупреждения анализа", "Подготовлены адресные рекомендации: 6 рекомендаций для 3 ОО.",
        "Результаты ОО: МБОУ СОШ № 1"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
  }
  // Arrows of the number format and the formula-like name as text.
  EXPECT_NE(text.find("↑ +3,0 п.п."), std::string::npos) << "decimal comma of [$-419]";
  EXPECT_NE(text.find("=HYPERLINK(\"http://evil.example\",\"x\")"), std::string::npos);
}

TEST(AnalysisLibreOfficeTest, DirectorWorkbookPrintsItsOwnAnalysis) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::AnalysisReportFixture data;
  test::TempDir dir;
  const auto path = dir / "s2.xlsx";
  ASSERT_TRUE(report::write_director_workbook(data.input(), "s2", path).has_value());
  const std::string text = test::pdf_text(path, dir);
  EXPECT_NE(text.find("Место по баллам: 4 из 5"), std::string::npos);
  EXPECT_NE(text.find("Адресные рекомендации (4)"), std::string::npos);
  EXPECT_EQ(text.find("МБОУ СОШ № 1"), std::string::npos);
}

}  // namespace
