// What a methodist finds in a method workbook, read by openpyxl (Debian's
// python3-openpyxl) and LibreOffice as independent readers: the sheets in
// order, a protected header row with a note on every column, sized columns,
// drop-down lists (kinds from fixed lists, codes from other sheets by
// formula), the roadmap as indicator × year with names shown by formula.
#include "definition/method_book_writer.h"

#include <gtest/gtest.h>

#include "definition/definition_loader.h"
#include "support/libreoffice.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

std::filesystem::path demo_book(const test::TempDir& dir) {
  const auto loaded = definition::load_definition(test::source_dir() / "templates/demo.toml");
  EXPECT_TRUE(loaded.has_value());
  const auto file = dir / "demo.xlsx";
  const auto written = definition::write_method_book(loaded->definition, file);
  EXPECT_TRUE(written.has_value()) << (written ? "" : model::to_string(written.error()));
  return file;
}

// Balakhta's teachers answer a questionnaire ([[survey]]), which the workbook
// has no sheets for: no workbook is written, and the methodist is told why.
TEST(MethodBookWriterTest, RefusesAMethodWithAQuestionnaire) {
  const auto loaded = definition::load_definition(test::source_dir() / "templates/balakhta.toml");
  ASSERT_TRUE(loaded.has_value());
  ASSERT_FALSE(loaded->definition.surveys.empty());
  test::TempDir dir;
  const auto written = definition::write_method_book(loaded->definition, dir / "balakhta.xlsx");
  ASSERT_FALSE(written.has_value());
  EXPECT_NE(written.error().message.find("собирает данные анкетой ([[survey]])"), std::string::npos)
      << written.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir / "balakhta.xlsx"));
}

TEST(MethodBookWriterTest, SheetsHeadersNotesAndProtection) {
  test::TempDir dir;
  const auto out = test::openpyxl_eval(demo_book(dir), R"py(
print(wb.sheetnames)
problems = []
for ws in wb.worksheets:
    if ws.title == 'Как заполнять':
        continue
    if not ws.protection.sheet:
        problems.append(ws.title + ': not protected')
    if not (ws.protection.insertRows is False and ws.protection.deleteRows is False and ws.protection.sort is False):
        problems.append(ws.title + ': rows may not be inserted, deleted or sorted')
    for cell in ws[1]:
        if cell.value is None:
            continue
        if cell.comment is None or len(cell.comment.text) < 20:
            problems.append(ws.title + ' ' + cell.coordinate + ': no note')
        if ws.title != 'Цели' or cell.column <= 2:
            if cell.protection.locked is not True:
                problems.append(ws.title + ' ' + cell.coordinate + ': header not locked')
        width = ws.column_dimensions[cell.column_letter].width
        if not width or width < 8:
            problems.append(ws.title + ' ' + cell.column_letter + ': not sized')
    for cell in ws[2]:
        if cell.value is not None and cell.protection.locked and not (ws.title == 'Цели' and cell.column == 2) \
                and ws.title not in ('Общее', 'Календарь'):
            problems.append(ws.title + ' ' + cell.coordinate + ': data locked')
print(problems)
f = wb['Поля формы']
print([c.value for c in f[1]])
print(f['B2'].protection.locked, f['C2'].value)
)py");
  EXPECT_EQ(out,
            "['Общее', 'Направления', 'Поля формы', 'Показатели', 'Цели', 'Блоки рубрики', 'Рубрика', "
            "'Рекомендации', 'Календарь', 'Как заполнять']\n"
            "[]\n"
            "['Код поля', 'Текст на форме', 'Вид', 'Обязательное', 'Не меньше', 'Не больше', 'Не больше поля', "
            "'Направление', 'Подсказка']\n"
            "False количество\n");
}

TEST(MethodBookWriterTest, DropDownsComeFromListsAndFromOtherSheets) {
  test::TempDir dir;
  const auto out = test::openpyxl_eval(demo_book(dir), R"py(
def lists(ws):
    out = {}
    for dv in ws.data_validations.dataValidation:
        col = str(dv.sqref).split(':')[0].rstrip('0123456789')
        out[ws[col + '1'].value] = dv.formula1
    return out
print(lists(wb['Поля формы']))
print(lists(wb['Показатели'])['Числитель'], lists(wb['Рубрика'])['Блок'])
names = {dn.name: dn.attr_text for dn in wb.defined_names.definedName}
print(names['method_fields'], names['method_indicators'])
g = wb['Общее']
print([(dv.sqref, dv.formula1) for dv in g.data_validations.dataValidation])
t = wb['Цели']
print([c.value for c in t[1]][:7], t['A2'].value, t['B2'].value[:40])
)py");
  EXPECT_EQ(out,
            "{'Вид': '\"количество,да/нет,текст\"', 'Обязательное': '\"Да,Нет\"', 'Не больше поля': "
            "'method_fields', 'Направление': 'method_directions'}\n"
            "method_fields method_blocks\n"
            "'Поля формы'!$A$2:$A$1001 'Показатели'!$A$2:$A$1001\n"
            "[(<MultiCellRange [B8]>, '\"ежемесячно,раз в полугодие,раз в год,"
            "раз в учебный год (сентябрь — август)\"')]\n"
            "['Код показателя', 'Показатель', 2025, 2026, 2027, 2028, None] diag_share "
            "=IFERROR(INDEX('Показатели'!$C$2:$C$1001\n");
}

TEST(MethodBookWriterTest, LibreOfficeShowsTheNamesTheFormulasLookUp) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  test::TempDir dir;
  const auto text = test::pdf_text(demo_book(dir), dir);
  // «Цели»: each code with its indicator's name beside it, and the year's targets.
  EXPECT_NE(text.find("young_mentored_share"), std::string::npos);
  EXPECT_NE(text.find("Доля молодых педагогов, закреплённых за наставником"), std::string::npos);
  EXPECT_NE(text.find("Как заполнять книгу методики"), std::string::npos);
  EXPECT_NE(text.find("metodmon method check Методика.xlsx"), std::string::npos);
}

}  // namespace
