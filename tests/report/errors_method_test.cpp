// The «Ошибки» and «Методика» sheets of the results workbook.
#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

class ErrorsMethodTest : public ::testing::Test {
 protected:
  std::filesystem::path write() {
    const auto path = m_dir / "results.xlsx";
    EXPECT_TRUE(report::write_results_workbook(m_data.input(), path).has_value());
    return path;
  }
  test::ReportFixture m_data;
  test::TempDir m_dir;
};

TEST_F(ErrorsMethodTest, ErrorsSheetHasOneRowPerProblemAndSetAsideFile) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Ошибки']
print(ws['A1'].value)
print(ws['A3'].value)
for r in range(5, 11):
    print(r, [ws.cell(row=r, column=c).value for c in range(1, 10)])
print('filter', ws.auto_filter.ref, 'freeze', ws.freeze_panes, 'wrap', ws['G7'].alignment.wrap_text)
)");
  EXPECT_EQ(out,
            "Ошибки и замечания во входных файлах\n"
            "Файлов: 4; принят: 2; отклонён: 1; пропущен: 1. Ошибок: 2, предупреждений: 1.\n"
            "5 ['Файл', 'ОО', 'Итог обработки файла', 'Лист', 'Ячейка', 'Важность', "
            "'Что не так', 'Найдено', 'Как исправить']\n"
            "6 ['s2.xlsx', '=HYPERLINK(\"http://evil.example\",\"x\")', 'принят', 'Форма', 'C9', "
            "'предупреждение', 'молодых педагогов больше половины всех педагогов', '40', "
            "'проверьте значение']\n"
            "7 ['s6.xlsx', 'Школа без формы', 'отклонён', 'Форма', 'C7', 'ошибка', "
            "'ожидалось целое число', '12,5', 'введите число без букв и пробелов']\n"
            "8 ['s6.xlsx', 'Школа без формы', 'отклонён', 'Форма', 'C9', 'ошибка', "
            "'прошедших диагностику больше, чем всего педагогов', '70', "
            "'проверьте значения в ячейках C7 и C9']\n"
            "9 ['~$s1.xlsx', 'не определена', 'пропущен', None, None, None, "
            "'Файл не обработан: пропущен.', None, None]\n"
            "10 [None, None, None, None, None, None, None, None, None]\n"
            "filter A5:I9 freeze B6 wrap True\n");
}

TEST_F(ErrorsMethodTest, ErrorsSheetSaysSoWhenThereIsNothingWrong) {
  m_data.run.files.resize(1);  // only the accepted s1.xlsx
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Ошибки']
print(ws['A3'].value)
print(ws['A6'].value)
print(ws.auto_filter.ref)
)");
  EXPECT_EQ(out,
            "Файлов: 1; принят: 1. Ошибок: 0, предупреждений: 0.\n"
            "Ошибок и замечаний нет: все файлы приняты.\n"
            "None\n");
}

TEST_F(ErrorsMethodTest, MethodSheetNamesSourcesRulesAndEveryFileWithItsChecksum) {
  const auto out = test::openpyxl_eval(write(), R"(
ws = wb['Методика']
cells = {}
for row in ws.iter_rows():
    for c in row:
        if c.value is not None:
            cells[c.coordinate] = c.value
def row_of(text):
    return [k for k, v in cells.items() if isinstance(v, str) and text in v]
def right_of(label):
    k = row_of(label)[0]
    return ws.cell(row=ws[k].row, column=2).value
print(ws['A1'].value)
for label in ['Название', 'Версия формы', 'Документ-источник', 'Период',
              'Время формирования', 'Версия программы', 'Реестр ОО']:
    print(label, '=', right_of(label))
# What a methodist reads here has no machine paths, file names of the method or ids.
texts = [v for k, v in cells.items() if isinstance(v, str) and ws[k].row < ws[row_of('a' * 64)[0]].row - 1]
import re
print([t for t in texts if re.search(r'(^|[\s(])/[A-Za-z]|[A-Za-z]:\\|\.toml|\.csv', t)],
      [t for t in texts if 'test.toml' in t or 'test-def' in t or '2026-11)' in t or 'registry.csv' in t])
print(len(row_of('В документе нет значения 2022 года')))
print(row_of('цель 2022 года не задана') != [])
print(row_of('QUARTILE.INC') != [], row_of('Σ числителей / Σ знаменателей') != [])
sha = row_of('a' * 64)[0]
r = ws[sha].row
print([ws.cell(row=r, column=c).value for c in range(1, 6)])
print(ws[sha].font.name)
print(len(row_of('b' * 64)), len(row_of('c' * 64)), len(row_of('d' * 64)))
ind = row_of('«Прошли диагностику» / «Всего педагогов»')[0]
print([ws.cell(row=ws[ind].row, column=c).value for c in (1, 3, 5, 6)])
print(ws.protection.sheet, ws.page_setup.orientation)
)");
  EXPECT_EQ(out,
            "Методика и исходные данные\n"
            "Название = Мониторинг методической работы (тест)\n"
            "Версия формы = 2026.1\n"
            "Документ-источник = Положение о мониторинге (тест)\n"
            "Период = ноябрь 2026\n"
            "Время формирования = 23.11.2026 09:00\n"
            "Версия программы = metodmon 0.1.0\n"
            "Реестр ОО = 6 ОО\n"
            "[] []\n"
            "1\n"
            "True\n"
            "True True\n"
            "['s1.xlsx', 'МБОУ СОШ № 1', 'принят', '" + std::string(64, 'a') + "', '20480']\n"
            "Courier New\n"
            "1 1 1\n"
            "['1.1', 'доля, %', 'больше', '2025: 70 %; 2026: 80 %']\n"
            "True landscape\n");
}

}  // namespace
