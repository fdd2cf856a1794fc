#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

// Prints cells of one sheet as "A1 'value' type format".
constexpr const char* k_dump = R"(
def dump(ws, cells):
    for c in cells:
        cell = ws[c]
        v = round(cell.value, 6) if isinstance(cell.value, float) else cell.value
        print(c, repr(v), cell.number_format)
)";

class SchoolSheetTest : public ::testing::Test {
 protected:
  std::filesystem::path write() {
    const auto path = m_dir / "results.xlsx";
    EXPECT_TRUE(report::write_results_workbook(m_data.input(), path).has_value());
    return path;
  }
  test::ReportFixture m_data;
  test::TempDir m_dir;
};

TEST_F(SchoolSheetTest, ShowsSchoolBesideMunicipalityGroupedByDirection) {
  const auto out = test::openpyxl_eval(write(), std::string(k_dump) + R"(
ws = wb['МБОУ СОШ № 1']
dump(ws, ['A1', 'A4', 'H5', 'A6', 'A7', 'C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7', 'J7', 'K7', 'L7',
          'E8', 'I8', 'J8', 'K8', 'E9', 'F9', 'G9', 'H9', 'I9', 'J9', 'K9', 'A10',
          'H11', 'I11', 'J11', 'K11', 'C12', 'E12', 'G12', 'H12', 'L12'])
print('back', ws['A4'].hyperlink.location)
print('J11 comment', ws['J11'].comment.text)
print('freeze', ws.freeze_panes, 'protected', ws.protection.sheet)
)");
  EXPECT_EQ(out,
            "A1 'Результаты ОО: МБОУ СОШ № 1' General\n"
            "A4 '← К сводке по всем ОО' General\n"
            "H5 'Целевое значение 2026' General\n"
            "A6 'Выявление профессиональных дефицитов' General\n"
            "A7 '1.1' General\n"
            "C7 40 [$-419]#,##0\n"
            "D7 50 [$-419]#,##0\n"
            "E7 0.8 [$-419]0.0%\n"
            "F7 0.8 [$-419]0.0%\n"
            "G7 0.72973 [$-419]0.0%\n"
            "H7 0.8 [$-419]0.0%\n"
            "I7 'достигнуто' General\n"
            "J7 0 [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"\n"
            "K7 '2 из 4' General\n"
            "L7 0 [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"\n"
            "E8 0.25 [$-419]0.0%\n"
            "I8 'достигнуто' General\n"
            "J8 -5 [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"\n"
            "K8 '2 из 3' General\n"
            "E9 'Да' General\n"
            "F9 '—' General\n"
            "G9 0.6 [$-419]0.0%\n"
            "H9 1 [$-419]0.0%\n"
            "I9 'достигнуто' General\n"
            "J9 '—' General\n"
            "K9 '1 из 5' General\n"
            "A10 'Молодые педагоги и наставничество' General\n"
            "H11 '—' General\n"
            "I11 'цель не задана' General\n"
            "J11 '—' General\n"
            "K11 '3 из 5' General\n"
            "C12 None General\n"
            "E12 5 [$-419]#,##0\n"
            "G12 17 [$-419]#,##0\n"
            "H12 20 [$-419]#,##0\n"
            "L12 2 [$-419]+#,##0.0;-#,##0.0;0\n"
            "back 'Сводка'!A1\n"
            "J11 comment Целевое значение не задано.\n"
            "freeze C6 protected True\n");
}

TEST_F(SchoolSheetTest, MissingValueIsADashWithItsReason) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['+79991234567']
for c in ['C7', 'D7', 'E7', 'I7', 'K7']:
    print(c, repr(ws[c].value))
print(ws['E7'].comment.text)
print(ws['K7'].comment.text)
)");
  EXPECT_EQ(out,
            "C7 0\nD7 0\nE7 '—'\nI7 'нет данных'\nK7 '—'\n"
            "Нет значения: знаменатель равен 0: долю вычислить нельзя.\n"
            "Нет значения: знаменатель равен 0: долю вычислить нельзя.\n");
}

TEST_F(SchoolSheetTest, EverySchoolSheetHasAChartAndTheChartsSheetOnePerShare) {
  // 5 school charts + plan/fact + 3 share distributions.
  const auto out = test::openpyxl_eval(write(), R"(
names = zipfile.ZipFile(path).namelist()
print(len([n for n in names if n.startswith('xl/charts/chart')]))
)");
  EXPECT_EQ(out, "9\n");
}

TEST_F(SchoolSheetTest, ChartTitlesAndSeriesNamesAreFixedText) {
  // chart6 is on the sheet of the school named "=HYPERLINK(...)": series names
  // must never come from user text, where a leading '=' makes a formula.
  const auto out = test::openpyxl_eval(write(), R"(
import re
z = zipfile.ZipFile(path)
xml = z.read('xl/charts/chart6.xml').decode('utf-8')
print(sorted(set(re.findall(r'<c:v>([^<]*)</c:v>', xml)) & {'ОО', 'Медиана по ОО', 'Цель'}))
print('HYPERLINK' in ''.join(re.findall(r'<c:tx>.*?</c:tx>', xml)))
)");
  EXPECT_EQ(out, "['Медиана по ОО', 'ОО', 'Цель']\nFalse\n");
}

TEST_F(SchoolSheetTest, LongTextIsClippedToExcelsLimit) {
  std::string huge;
  for (int i = 0; i < 40'000; ++i) huge += "Ж";
  m_data.registry.schools[0].full_name = huge;
  const auto out = test::openpyxl_eval(write(), R"(
v = wb['МБОУ СОШ № 1']['A3'].value
print(len(v), v[-1], set(v[:-1]))
)");
  EXPECT_EQ(out, "32767 … {'Ж'}\n");
}

}  // namespace
