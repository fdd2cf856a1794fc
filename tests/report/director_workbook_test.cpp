#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// Every text and number in the workbook, one per line, for "does it leak" checks.
constexpr const char* k_all_values = R"(
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print(c.value)
)";

class DirectorWorkbookTest : public ::testing::Test {
 protected:
  test::ReportFixture m_data;
  test::TempDir m_dir;
};

TEST_F(DirectorWorkbookTest, HoldsOwnSheetErrorsAndMethodOnly) {
  const auto path = m_dir / "s1.xlsx";
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s1", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
print(wb.sheetnames)
ws = wb['МБОУ СОШ № 1']
r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == '1.1')
print(ws['A1'].value, '|', [ws.cell(r, c).value for c in (8, 6, 9, 12)])
print(ws['A4'].value, ws['A4'].hyperlink)
print(ws['A5'].value)
print(wb['Ошибки']['A6'].value)
)");
  // Municipal value, median, target and place of 1.1; no link to a summary;
  // the headline says first that the form was accepted.
  EXPECT_EQ(out,
            "['МБОУ СОШ № 1', 'Ошибки', 'Методика']\n"
            "Результаты ОО: МБОУ СОШ № 1 | [0.7297297297297297, 0.8, 0.8, '2 из 4']\n"
            "None None\n"
            "Форма за ноябрь 2026 принята.\n"
            "Ошибок и замечаний нет: все файлы приняты.\n");
}

TEST_F(DirectorWorkbookTest, ShowsNoOtherSchoolsDetail) {
  const auto path = m_dir / "s1.xlsx";
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s1", path).has_value());
  const auto values = test::openpyxl_eval(path, k_all_values);
  ASSERT_FALSE(values.empty());
  for (const char* other : {"HYPERLINK", "+79991234567", "корпус", "Школа без формы", "s2.xlsx",
                            "s6.xlsx", "~$s1.xlsx", "bbbbbbbb"}) {
    EXPECT_EQ(values.find(other), std::string::npos) << other;
  }
}

// A director's «Методика» says what the monitoring is, for which period,
// when and whom to ask; no server paths, files, checksums or warnings.
TEST_F(DirectorWorkbookTest, MethodSheetHoldsNoPathOnlyNamePeriodDateAndContact) {
  m_data.run.contact = "МКУ «ИМЦ», metodist@example.ru";
  m_data.run.definition_notes.push_back(model::Diagnostic::warning(
      {"test.toml", {}, {}, 149, "indicator[2]"}, "показатель «deficit_share»: не задана цель"));
  const auto path = m_dir / "s1.xlsx";
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s1", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
ws = wb['Методика']
values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
print(values[0])
print([v for v in values if '/' in v or '.toml' in v or '.csv' in v or 'deficit_share' in v
       or 'SHA' in v or 'предупреждение' in v])
print([v for v in values if v in ('Мониторинг методической работы (тест)', 'ноябрь 2026',
                                  '23.11.2026', 'МКУ «ИМЦ», metodist@example.ru')])
)");
  EXPECT_EQ(out,
            "О мониторинге\n"
            "[]\n"
            "['Мониторинг методической работы (тест)', 'ноябрь 2026', '23.11.2026', "
            "'МКУ «ИМЦ», metodist@example.ru']\n");
}

TEST_F(DirectorWorkbookTest, SchoolWithoutAcceptedFormSeesItsOwnErrors) {
  const auto path = m_dir / "s6.xlsx";
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s6", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
ws = wb['Школа без формы']
print(ws['A5'].value)
r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == '1.1')
print(ws.cell(r, 5).value, ws.cell(r, 10).value, ws.cell(r, 8).value)
e = wb['Ошибки']
print([e.cell(row=r, column=5).value for r in (6, 7)], e['A8'].value)
)");
  EXPECT_EQ(out,
            "Форма за ноябрь 2026 не принята: значений ОО нет. Причины — на листе «Ошибки»; "
            "исправленную форму можно прислать снова.\n"
            "— нет данных 0.7297297297297297\n"
            "['C7', 'C9'] None\n");
}

// A director's «Ошибки» lists this period's files of the school only: not
// another school's refused form, not the school's own form of another period.
TEST_F(DirectorWorkbookTest, ErrorsSheetHoldsOnlyThisPeriodsFilesOfTheSchool) {
  auto s6_old = m_data.run.files[2];  // s6's refused form, now of October
  s6_old.file.name = "s6_октябрь.xlsx";
  s6_old.outcome = model::Outcome::other_period;
  m_data.run.files.push_back(s6_old);
  auto s1_other = m_data.run.files[2];  // a refused form of s1 would be listed
  s1_other.file.name = "s1_другая.xlsx";
  s1_other.school_id = "s1";
  m_data.run.files.push_back(s1_other);
  const auto path = m_dir / "s6.xlsx";
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s6", path).has_value());
  const auto out = test::openpyxl_eval(path, R"(
e = wb['Ошибки']
print(sorted({c.value for row in e.iter_rows(min_row=6) for c in row if c.column == 1 and c.value}))
)");
  EXPECT_EQ(out, "['s6.xlsx']\n");
}

TEST_F(DirectorWorkbookTest, UnknownSchoolIsADiagnostic) {
  const auto path = m_dir / "nobody.xlsx";
  const auto done = report::write_director_workbook(m_data.input(), "s99", path);
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(model::to_string(done.error()),
            "nobody.xlsx: ОО с таким идентификатором нет в реестре: книгу для директора "
            "сформировать нельзя, найдено «s99». Как исправить: проверьте идентификатор ОО в "
            "реестре и в имени формы");
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(DirectorWorkbookTest, AllDirectorsAtOnceEachWithOwnFilesOnly) {
  int written = 0;
  const auto done = report::write_director_workbooks(
      m_data.input(), {{"s2", m_dir / "a" / "s2.xlsx"}, {"s6", m_dir / "a" / "s6.xlsx"}}, 1,
      [&] { ++written; });
  ASSERT_TRUE(done.has_value()) << model::to_string(done.error());
  EXPECT_EQ(written, 2);
  const auto s2 = test::openpyxl_eval(m_dir / "a" / "s2.xlsx", k_all_values);  // a warning on its form
  const auto s6 = test::openpyxl_eval(m_dir / "a" / "s6.xlsx", k_all_values);
  EXPECT_NE(s2.find("s2.xlsx"), std::string::npos);
  EXPECT_EQ(s2.find("s6.xlsx"), std::string::npos);
  EXPECT_NE(s6.find("s6.xlsx"), std::string::npos);
  EXPECT_EQ(s6.find("s2.xlsx"), std::string::npos);
  // The same as one at a time.
  ASSERT_TRUE(report::write_director_workbook(m_data.input(), "s6", m_dir / "s6.xlsx").has_value());
  EXPECT_EQ(test::openpyxl_eval(m_dir / "s6.xlsx", k_all_values), s6);
}

TEST_F(DirectorWorkbookTest, AllDirectorsStopsAtAnUnknownSchool) {
  const auto done = report::write_director_workbooks(
      m_data.input(), {{"s1", m_dir / "s1.xlsx"}, {"s99", m_dir / "s99.xlsx"}});
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().where.file, "s99.xlsx");
  EXPECT_FALSE(fs::exists(m_dir / "s99.xlsx"));
  EXPECT_FALSE(fs::exists(m_dir / "s1.xlsx"));  // none is published
}

TEST(ResultsWorkbookSplitTest, ManySchoolsGoToSeparateLinkedWorkbooks) {
  test::ReportFixture data;
  test::TempDir dir;
  const auto path = dir / "results.xlsx";
  report::ReportOptions options;
  options.max_school_sheets = 2;
  ASSERT_TRUE(report::write_results_workbook(data.input(), path, options).has_value());
  const auto out = test::openpyxl_eval(path, R"(
print(wb.sheetnames)
ws = wb['Сводка']
print(ws['B7'].value, ws['B7'].hyperlink)
print(ws['B11'].value)
shown = openpyxl.load_workbook(path, data_only=True)['Сводка']
print(shown['B7'].value, '|', shown['B11'].value)
)");
  // A HYPERLINK formula (no relationship per link) whose cached result is
  // the text a reader sees before anything recalculates.
  EXPECT_EQ(out,
            "['Сводка', 'Диаграммы', 'Ошибки', 'Методика']\n"
            "=HYPERLINK(\"results_ОО/s1.xlsx\",\"файл ОО →\") None\n"
            "=HYPERLINK(\"results_ОО/s5.xlsx\",\"файл ОО →\")\n"
            "файл ОО → | файл ОО →\n");
  for (const char* id : {"s1", "s2", "s3", "s4", "s5"}) {
    EXPECT_TRUE(fs::exists(dir / "results_ОО" / (std::string(id) + ".xlsx"))) << id;
  }
  const auto school = test::openpyxl_eval(dir / "results_ОО" / "s3.xlsx", R"(
print(wb.sheetnames)
print(wb['+79991234567']['A4'].value)
)");
  EXPECT_EQ(school,
            "['+79991234567', 'Ошибки', 'Методика']\n"
            "=HYPERLINK(\"../results.xlsx\",\"← К сводке по всем ОО (книга результатов)\")\n");
}

TEST(ResultsWorkbookSplitTest, LinksToTheDirectorsWorkbooksInsteadOfWritingCopies) {
  test::ReportFixture data;
  test::TempDir dir;
  report::ReportOptions options;
  options.max_school_sheets = 2;
  options.threads = 3;
  options.school_books = {{"s1", "directors/s1.xlsx"}, {"s5", "directors/s5.xlsx"}};
  ASSERT_TRUE(report::write_results_workbook(data.input(), dir / "results.xlsx", options).has_value());
  const auto out = test::openpyxl_eval(dir / "results.xlsx", R"(
ws = wb['Сводка']
for cell in ('B7', 'B8', 'B11'):
    print(ws[cell].value)
)");
  EXPECT_EQ(out,
            "=HYPERLINK(\"directors/s1.xlsx\",\"файл ОО →\")\n"
            "=HYPERLINK(\"results_ОО/s2.xlsx\",\"файл ОО →\")\n"
            "=HYPERLINK(\"directors/s5.xlsx\",\"файл ОО →\")\n");
  EXPECT_FALSE(fs::exists(dir / "results_ОО" / "s1.xlsx"));  // the caller's workbook is the one
  EXPECT_FALSE(fs::exists(dir / "results_ОО" / "s5.xlsx"));
  for (const char* id : {"s2", "s3", "s4"}) {
    EXPECT_TRUE(fs::exists(dir / "results_ОО" / (std::string(id) + ".xlsx"))) << id;
  }
}

TEST(ResultsWorkbookFailureTest, UnwritableFolderIsADiagnosticAndLeavesNothing) {
  test::ReportFixture data;
  test::TempDir dir;
  const auto blocker = dir.write("not-a-folder", "x");
  const auto done = report::write_results_workbook(data.input(), blocker / "results.xlsx");
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().severity, model::Severity::error);
  EXPECT_EQ(done.error().where.file, "results.xlsx");
  EXPECT_NE(done.error().message.find("не удалось записать книгу"), std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

TEST(ResultsWorkbookFailureTest, TargetThatIsAFolderIsADiagnosticAndLeavesNoTempFile) {
  test::ReportFixture data;
  test::TempDir dir;
  const auto target = dir / "results.xlsx";
  fs::create_directories(target / "inside");
  const auto done = report::write_results_workbook(data.input(), target);
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().where.file, "results.xlsx");
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"results.xlsx"});
  EXPECT_TRUE(fs::is_directory(target / "inside"));
}

}  // namespace
