#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

class ResultsWorkbookTest : public ::testing::Test {
 protected:
  fs::path write(const report::ReportOptions& options = {}) {
    const auto path = m_dir / "results.xlsx";
    const auto done = report::write_results_workbook(m_data.input(), path, options);
    EXPECT_TRUE(done.has_value()) << (done ? "" : model::to_string(done.error()));
    return path;
  }

  test::ReportFixture m_data;
  test::TempDir m_dir;
};

TEST_F(ResultsWorkbookTest, HasFixedSheetsThenOneValidUniqueSheetPerSchool) {
  const auto out = test::openpyxl_eval(write(), "for n in wb.sheetnames: print(n)");
  EXPECT_EQ(out,
            "Сводка\nДиаграммы\nОшибки\nМетодика\n"
            "МБОУ СОШ № 1\n"
            "=HYPERLINK(\"http___evil.example\n"  // cut to 31 characters
            "+79991234567\n"
            "Муниципальное бюджетное общеобр\n"
            "Муниципальное бюджетное общ (2)\n");
}

TEST_F(ResultsWorkbookTest, SummaryShowsValuesFormatsAndDashesWithReasons) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Сводка']
for c in ['A1', 'A7', 'C7', 'A8', 'A9', 'C9', 'D8', 'E7', 'E8', 'G7', 'C13', 'C14', 'C15', 'C16',
          'E14', 'C19', 'E19', 'G19', 'C20', 'G20', 'C21']:
    cell = ws[c]
    v = round(cell.value, 6) if isinstance(cell.value, float) else cell.value
    print(c, repr(v), cell.data_type, cell.number_format)
print('C9 comment:', ws['C9'].comment.text)
print('D11 comment:', ws['D11'].comment.text)
print('A13:', ws['A13'].value)
print('A19:', ws['A19'].value)
print('A23:', ws['A23'].value)
print('A24:', ws['A24'].value, '|', ws['C24'].value)
)");
  EXPECT_EQ(out,
            "A1 'Мониторинг методической работы (тест)' s General\n"
            "A7 'МБОУ СОШ № 1' s General\n"
            "C7 0.8 n [$-419]0.0%\" (2)\"\n"
            "A8 '=HYPERLINK(\"http://evil.example\",\"x\")' s General\n"
            "A9 '+79991234567' s General\n"
            "C9 '—' s General\n"
            "D8 0.5 n [$-419]0.0%\" (3)\"\n"
            "E7 'Да' s General\n"
            "E8 'Нет' s General\n"
            "G7 5 n [$-419]#,##0\n"
            "C13 0.72973 n [$-419]0.0%\n"
            "C14 0.8 n [$-419]0.0%\n"
            "C15 0.725 n [$-419]0.0%\n"
            "C16 0.825 n [$-419]0.0%\n"
            "E14 '—' s General\n"
            "C19 0.8 n [$-419]0.0%\n"
            "E19 1 n [$-419]0.0%\n"
            "G19 20 n [$-419]#,##0\n"
            "C20 3 n 0\n"
            "G20 '—' s General\n"
            "C21 4 n 0\n"
            "C9 comment: Нет значения: знаменатель равен 0: долю вычислить нельзя.\n"
            "D11 comment: Нет значения: значение не заполнено.\n"
            "A13: Муниципалитет (Σ числителей / Σ знаменателей)\n"
            "A19: Целевое значение 2026\n"
            "A23: Не сдали форму или форма отклонена (1 ОО):\n"
            "A24: Школа без формы | форма отклонена из-за ошибок — см. лист «Ошибки»\n");
}

TEST_F(ResultsWorkbookTest, SummaryIsFrozenFilteredProtectedAndPrintable) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Сводка']
print('freeze', ws.freeze_panes)
print('filter', ws.auto_filter.ref)
p = ws.protection
print('protected', p.sheet, 'password', p.password)
print('allowed', not p.formatColumns, not p.autoFilter, not p.selectLockedCells)
print('titles', ws.print_title_rows)
# fitToWidth absent means 1 (Excel's default); fitToHeight 0 means "as many pages as needed".
print('orientation', ws.page_setup.orientation, 'fit', ws.sheet_properties.pageSetUpPr.fitToPage,
      ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)
print('footer', ws.oddFooter.center.text)
print('links', ws['B7'].value, ws['B7'].hyperlink.location, ws['C24'].hyperlink.location)
rules = sorted(str(r.sqref) for r in ws.conditional_formatting)
print('cf', rules)
for name in wb.sheetnames:
    s = wb[name]
    print(name[:12], s.protection.sheet, s.freeze_panes is not None, s.page_setup.paperSize)
)");
  EXPECT_EQ(out,
            "freeze C7\n"
            "filter A6:G11\n"
            "protected True password None\n"
            "allowed True True True\n"
            "titles $4:$6\n"
            "orientation landscape fit True None 0\n"
            "footer Страница &P из &N\n"
            "links лист ОО → 'МБОУ СОШ № 1'!A1 'Ошибки'!A1\n"
            "cf ['C13', 'C7:C11', 'D13', 'D7:D11', 'E13', 'E7:E11', 'F7:F11', 'G13', 'G7:G11']\n"
            "Сводка True True 9\n"
            "Диаграммы True True 9\n"
            "Ошибки True True 9\n"
            "Методика True True 9\n"
            "МБОУ СОШ № 1 True True 9\n"
            "=HYPERLINK(\" True True 9\n"
            "+79991234567 True True 9\n"
            "Муниципально True True 9\n"
            "Муниципально True True 9\n");
}

TEST_F(ResultsWorkbookTest, TrafficLightRespectsBetterLowerAndScaleCentresOnMedian) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Сводка']
for cf in ws.conditional_formatting:
    if str(cf.sqref) in ('C7:C11', 'D7:D11', 'E7:E11', 'F7:F11'):
        for r in cf.rules:
            if r.type == 'expression':
                print(cf.sqref, r.formula[0], r.dxf.fill.bgColor.rgb, r.stopIfTrue)
            else:
                print(cf.sqref, r.type, [(v.type, v.val) for v in r.colorScale.cfvo], [c.rgb for c in r.colorScale.color])
)");
  EXPECT_EQ(out,
            "C7:C11 AND(ISNUMBER(C7),C7>=0.799999999) FFC6EFCE True\n"
            "C7:C11 AND(ISNUMBER(C7),C7>0.75) FFFFEB9C True\n"
            "C7:C11 ISNUMBER(C7) FFFFC7CE True\n"
            "D7:D11 AND(ISNUMBER(D7),D7<=0.300000001) FFC6EFCE True\n"
            "D7:D11 AND(ISNUMBER(D7),D7<0.35) FFFFEB9C True\n"
            "D7:D11 ISNUMBER(D7) FFFFC7CE True\n"
            "E7:E11 E7=\"Да\" FFC6EFCE True\n"
            "E7:E11 E7=\"Нет\" FFFFC7CE True\n"
            "F7:F11 colorScale [('min', 0.0), ('num', 0.75), ('max', 0.0)] "
            "['FFF8696B', 'FFFFFFFF', 'FF63BE7B']\n");
}

}  // namespace
