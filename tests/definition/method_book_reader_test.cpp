// A method workbook changed the way a person changes it (openpyxl, Debian's
// python3-openpyxl, as an independent writer) and read back: each mistake is
// named by workbook, sheet, row and column header, in Russian; what a saved
// workbook may hold instead of a plain value (a number typed as text, "12,5",
// a percent cell, TRUE, a month's number) reads as meant.
#include "definition/method_book_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "definition/method_book_writer.h"
#include "model/definition_compare.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// Writes `def` as method.xlsx in `dir`, lets openpyxl run `edits` on it (the
// workbook is `wb`) and save it again; returns the path.
fs::path edited(const test::TempDir& dir, std::string_view edits,
                const model::Definition& def = definition::example_method(2026)) {
  const auto file = dir / "method.xlsx";
  const auto written = definition::write_method_book(def, file);
  EXPECT_TRUE(written.has_value()) << (written ? "" : model::to_string(written.error()));
  if (edits.empty()) return file;
  const std::string script = "import sys, openpyxl, warnings\nwarnings.simplefilter('ignore')\n"
                             "wb = openpyxl.load_workbook(sys.argv[1])\n" +
                             std::string(edits) + "\nwb.save(sys.argv[1])\n";
  const auto r = test::run_python(script, {file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return file;
}

std::vector<std::string> errors_of(const fs::path& file) {
  const auto loaded = definition::load_definition(file);
  std::vector<std::string> out;
  if (loaded) return out;
  for (const auto& d : loaded.error()) out.push_back(model::to_string(d));
  return out;
}

std::string all(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

model::Definition demo() {
  auto loaded = definition::load_definition(test::source_dir() / "templates/demo.toml");
  EXPECT_TRUE(loaded.has_value());
  return loaded ? loaded->definition : model::Definition{};
}

TEST(MethodBookReaderTest, ExampleMethodLoadsWithoutWarnings) {
  test::TempDir dir;
  const auto file = edited(dir, "");
  const auto loaded = definition::load_definition(file);
  ASSERT_TRUE(loaded.has_value()) << all(errors_of(file));
  EXPECT_TRUE(loaded->warnings.empty()) << model::to_string(loaded->warnings.front());
  const auto& d = loaded->definition;
  EXPECT_EQ(d.id, "my-method");
  ASSERT_EQ(d.inputs.size(), 2u);
  EXPECT_EQ(d.inputs[1].not_more_than, "teachers_total");
  ASSERT_EQ(d.indicators.size(), 1u);
  EXPECT_EQ(d.indicators[0].targets, (std::map<int, double>{{2026, 60}, {2027, 70}, {2028, 80}}));
  ASSERT_TRUE(d.rubric.has_value());
  EXPECT_EQ(d.rubric->computed_total, 2);
  ASSERT_TRUE(d.schedule.has_value());
  EXPECT_EQ(d.schedule->months, std::vector<int>{12});
  // Written again from what it loaded, it loads to the same.
  const auto again = dir / "again.xlsx";
  ASSERT_TRUE(definition::write_method_book(d, again).has_value());
  const auto reloaded = definition::load_definition(again);
  ASSERT_TRUE(reloaded.has_value());
  EXPECT_TRUE(model::definition_differences(d, reloaded->definition).empty());
}

// ------------------------------------------------ the mistakes a person makes

TEST(MethodBookReaderTest, MissingReferencedFieldIsNamedWithSheetRowAndColumn) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Показатели']['E2'] = 'teachers_x'");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Показатели», строка 2, «Числитель»: поля «teachers_x» нет на листе «Поля "
            "формы». Как исправить: коды на листе «Поля формы»: teachers_total, teachers_courses\n");
}

TEST(MethodBookReaderTest, ReferenceWithATypoSuggestsTheCode) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Поля формы']['G3'] = 'teachers_totl'");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Поля формы», строка 3, «Не больше поля»: поля «teachers_totl» нет на листе "
            "«Поля формы». Как исправить: возможно, имелось в виду «teachers_total»; коды на листе «Поля "
            "формы»: teachers_total, teachers_courses\n");
}

TEST(MethodBookReaderTest, DuplicateCodeNamesTheFirstRow) {
  test::TempDir dir;
  const auto file = edited(dir, "ws = wb['Направления']\nws['A3'] = 'D1'\nws['B3'] = 'Другое направление'");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Направления», строка 3, «Код»: код «D1» уже есть в строке 2, найдено «D1». "
            "Как исправить: дайте каждой строке свой код\n");
}

TEST(MethodBookReaderTest, TargetForUnknownIndicator) {
  test::TempDir dir;
  const auto file = edited(dir, "ws = wb['Цели']\nws['A3'] = 'courses_shar'\nws['C3'] = 50");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Цели», строка 3, «Код показателя»: показателя «courses_shar» нет на листе "
            "«Показатели». Как исправить: возможно, имелось в виду «courses_share»; коды на листе "
            "«Показатели»: courses_share\n");
}

TEST(MethodBookReaderTest, DeclaredRubricMaximumThatDoesNotAddUpIsAWarningAtItsCell) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Блоки рубрики']['D2'] = 3");
  const auto loaded = definition::load_definition(file);
  ASSERT_TRUE(loaded.has_value()) << all(errors_of(file));
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_EQ(model::to_string(loaded->warnings[0]),
            "method.xlsx, лист «Блоки рубрики», строка 2, «Заявленный максимум»: блок «Показатели»: "
            "заявленный максимум 3 не равен сумме баллов по строкам 2 (1 поз. × 2); используется 2, найдено "
            "«3». Как исправить: исправьте «Заявленный максимум» или добавьте недостающую позицию оценивания");
  EXPECT_EQ(loaded->definition.rubric->computed_total, 2);
}

TEST(MethodBookReaderTest, ParameterPointsThatDifferBetweenPositionsAreAnError) {
  test::TempDir dir;
  // demo's «Рубрика»: rows 2-4 «Показатели» M1 M3 M4, rows 5-7 «Мониторинг» M1
  // present / dates / usage, rows 8-10 the same for M4.
  const auto file = edited(dir, "ws = wb['Рубрика']\nassert ws['D9'].value == 'dates'\nws['F9'] = 2", demo());
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Рубрика», строка 9, «Баллы»: у параметра «dates» в строке 6 другие баллы: 1, "
            "найдено «2». Как исправить: параметры блока одни и те же у всех его позиций: исправьте баллы\n");
}

TEST(MethodBookReaderTest, UnknownRecommendationPlaceholder) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Рекомендации']['E2'] = '{indicator}: {valeu} при цели {target}'");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Рекомендации», строка 2, «Текст рекомендации»: неизвестная подстановка "
            "{valeu} в тексте рекомендации, найдено «{valeu}». Как исправить: возможно, имелось в виду "
            "«value»; допустимые подстановки: school, indicator, input, value, target, median, gap, "
            "previous, change, year\n");
}

TEST(MethodBookReaderTest, KindOutsideTheList) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Поля формы']['C2'] = 'число'");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Поля формы», строка 2, «Вид»: значения «число» нет в списке. Как исправить: "
            "выберите из списка в ячейке: «количество», «да/нет», «текст»\n");
}

TEST(MethodBookReaderTest, EmptyRequiredCell) {
  test::TempDir dir;
  const auto file = edited(dir, "wb['Поля формы']['B3'] = None");
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Поля формы», строка 3, «Текст на форме»: не заполнено. Как исправить: "
            "Вопрос, который видит школа: «Общее количество педагогических работников (чел.)».\n");
}

TEST(MethodBookReaderTest, EmptyRequiredSetting) {
  test::TempDir dir;
  const auto file = edited(dir, "ws = wb['Общее']\nassert ws['A3'].value == 'Версия'\nws['B3'] = None");
  const auto errors = errors_of(file);
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_TRUE(errors[0].starts_with("method.xlsx, лист «Общее», строка 3, «Версия»: не заполнено. Как исправить: "
                                    "Версия методики"))
      << errors[0];
}

TEST(MethodBookReaderTest, CheckOfTheDefinitionFormatIsMovedToItsCellAndWorded) {
  test::TempDir dir;
  // A limit on a yes/no field: the definition checks reject it (TOML: "ключ
  // «min» не применяется"); the workbook names the column instead.
  const auto file = edited(dir, "ws = wb['Поля формы']\nassert ws['A5'].value == 'doc_deficits_act'\nws['E5'] = 1",
                           demo());
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Поля формы», строка 5, «Не меньше»: столбец «Не меньше» не применяется: поле "
            "вида «да/нет» не числовое. Как исправить: Только для количества: наименьшее допустимое число. "
            "Пусто — 0.\n");
}

TEST(MethodBookReaderTest, ShareOverAYesNoFieldIsRefusedInTheWorkbooksWords) {
  test::TempDir dir;
  const auto file = edited(dir, "ws = wb['Показатели']\nassert ws['A2'].value == 'diag_share'\n"
                                "ws['E2'] = 'doc_deficits_act'", demo());
  EXPECT_EQ(all(errors_of(file)),
            "method.xlsx, лист «Показатели», строка 2, «Числитель»: показатель «diag_share»: числитель "
            "«doc_deficits_act» — поле вида «да/нет», а доля считается только по полям вида «количество». "
            "Как исправить: укажите поле вида «количество» или сделайте показатель вида «да/нет»\n");
}

TEST(MethodBookReaderTest, MissingSheetAndMissingColumn) {
  test::TempDir dir;
  const auto file = edited(dir, "del wb['Направления']\nwb['Поля формы']['C1'] = 'Тип'");
  const auto errors = errors_of(file);
  ASSERT_GE(errors.size(), 2u) << all(errors);
  EXPECT_EQ(errors[0], "method.xlsx: в книге нет листа «Направления». Как исправить: добавьте лист «Направления» "
                       "(его заголовки — как в книге, которую пишет «metodmon method new»)");
  EXPECT_NE(all(errors).find("method.xlsx, лист «Поля формы», строка 1, «Вид»: на листе «Поля формы» нет "
                             "столбца «Вид»"),
            std::string::npos)
      << all(errors);
}

TEST(MethodBookReaderTest, EveryMistakeOfOneWorkbookIsReportedInSheetAndRowOrder) {
  test::TempDir dir;
  const auto file = edited(dir,
                           "wb['Рекомендации']['E2'] = '{valeu}'\n"
                           "wb['Показатели']['E2'] = 'teachers_x'\n"
                           "wb['Поля формы']['C3'] = 'число'\n"
                           "wb['Поля формы']['B2'] = None\n");
  const auto errors = errors_of(file);
  ASSERT_EQ(errors.size(), 4u) << all(errors);
  EXPECT_TRUE(errors[0].starts_with("method.xlsx, лист «Поля формы», строка 2, «Текст на форме»")) << errors[0];
  EXPECT_TRUE(errors[1].starts_with("method.xlsx, лист «Поля формы», строка 3, «Вид»")) << errors[1];
  EXPECT_TRUE(errors[2].starts_with("method.xlsx, лист «Показатели», строка 2, «Числитель»")) << errors[2];
  EXPECT_TRUE(errors[3].starts_with("method.xlsx, лист «Рекомендации», строка 2, «Текст рекомендации»"))
      << errors[3];
}

// ------------------------------------------- values as a saved workbook holds them

TEST(MethodBookReaderTest, ValuesAsPeopleTypeThemReadAsMeant) {
  test::TempDir dir;
  const auto file = edited(dir,
                           "ws = wb['Цели']\n"
                           "ws['C2'] = '62,5'\n"                      // a decimal typed as text
                           "ws['D2'] = 0.7\nws['D2'].number_format = '0%'\n"  // 70 % in a percent cell
                           "ws['E2'] = ' 80 '\n"                      // a number stored as text
                           "ws['F1'] = '2029 г.'\nws['F2'] = '85%'\n"  // a year header written out
                           "wb['Поля формы']['D2'] = True\n"          // TRUE for «Да»
                           "wb['Поля формы']['F2'] = '1 500'\n"        // thousands with a space
                           "wb['Показатели']['H2'] = 'Выше.'\n"       // a choice in other case
                           "wb['Календарь']['B2'] = 5\n"              // a month by its number
                           "wb['Общее']['B8'] = 'Раз в год'\n");
  const auto loaded = definition::load_definition(file);
  ASSERT_TRUE(loaded.has_value()) << all(errors_of(file));
  const auto& d = loaded->definition;
  EXPECT_EQ(d.indicators[0].targets,
            (std::map<int, double>{{2026, 62.5}, {2027, 70}, {2028, 80}, {2029, 85}}));
  EXPECT_TRUE(d.inputs[0].required);
  EXPECT_EQ(d.inputs[0].max, 1500);
  EXPECT_EQ(d.indicators[0].better, model::Better::higher);
  EXPECT_EQ(d.schedule->months, std::vector<int>{5});
  EXPECT_EQ(d.periodicity, model::Periodicity::year);
}

TEST(MethodBookReaderTest, UnreadableValuesAreLocated) {
  test::TempDir dir;
  const auto file = edited(dir,
                           "wb['Цели']['C2'] = 'около 60'\n"
                           "wb['Поля формы']['D3'] = 'может быть'\n"
                           "wb['Календарь']['B2'] = 'зимой'\n"
                           "wb['Поля формы']['A2'] = 'Teachers total'\n");
  const auto errors = errors_of(file);
  EXPECT_NE(all(errors).find("method.xlsx, лист «Поля формы», строка 2, «Код поля»: недопустимый код, найдено "
                             "«Teachers total»"),
            std::string::npos)
      << all(errors);
  EXPECT_NE(all(errors).find("method.xlsx, лист «Поля формы», строка 3, «Обязательное»: ожидалось «Да» или "
                             "«Нет», найдено «может быть»"),
            std::string::npos)
      << all(errors);
  EXPECT_NE(all(errors).find("method.xlsx, лист «Цели», строка 2, «2026»: цель на 2026 год: ожидалось число, "
                             "найдено «около 60»"),
            std::string::npos)
      << all(errors);
  EXPECT_NE(all(errors).find("method.xlsx, лист «Календарь», строка 2, «Месяц сбора форм»: ожидался месяц, "
                             "найдено «зимой»"),
            std::string::npos)
      << all(errors);
}

TEST(MethodBookReaderTest, RowsAddedInTheMiddleAndEmptyRowsBetween) {
  test::TempDir dir;
  // A new field inserted above the others, an empty row left after it, and a
  // share over it; the drop-down lists follow the sheets by formula.
  const auto file = edited(dir,
                           "ws = wb['Поля формы']\nws.insert_rows(2, 2)\n"
                           "ws['A2'] = 'young_total'\nws['B2'] = 'Молодые педагоги (чел.)'\nws['C2'] = 'количество'\n"
                           "ws['G2'] = 'teachers_total'\n"
                           "wi = wb['Показатели']\nwi['A3'] = 'young_share'\nwi['C3'] = 'Доля молодых педагогов'\n"
                           "wi['D3'] = 'доля'\nwi['E3'] = 'young_total'\nwi['F3'] = 'teachers_total'\n");
  const auto loaded = definition::load_definition(file);
  ASSERT_TRUE(loaded.has_value()) << all(errors_of(file));
  const auto& d = loaded->definition;
  ASSERT_EQ(d.inputs.size(), 3u);
  EXPECT_EQ(d.inputs[0].id, "young_total");
  EXPECT_EQ(d.inputs[0].not_more_than, "teachers_total");
  ASSERT_EQ(d.indicators.size(), 2u);
  EXPECT_EQ(d.indicators[1].denominator, "teachers_total");
  // Its roadmap row is missing: the definition checks warn about it, at its row.
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_TRUE(model::to_string(loaded->warnings[0])
                  .starts_with("method.xlsx, лист «Показатели», строка 3, «Код показателя»: показатель «young_share»: "
                               "не заданы целевые значения (лист «Цели»)"))
      << model::to_string(loaded->warnings[0]);
}

TEST(MethodBookReaderTest, AFileThatIsNoWorkbookIsReadAsToml) {
  test::TempDir dir;
  const auto toml = dir.write("m.xlsx", "[definition]\nid = \"x\"\n");
  EXPECT_FALSE(definition::is_method_book(toml));
  const auto loaded = definition::load_definition(toml);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_TRUE(model::to_string(loaded.error().front()).starts_with("m.xlsx:")) << model::to_string(loaded.error().front());
  const auto book = edited(dir, "");
  EXPECT_TRUE(definition::is_method_book(book));
}

TEST(MethodBookReaderTest, ASchoolFormIsNoMethod) {
  test::TempDir dir;
  // A workbook that is not a method workbook: every sheet is missing.
  const auto file = edited(dir, "for name in list(wb.sheetnames)[:-1]:\n    del wb[name]\nwb.create_sheet('Форма')");
  const auto errors = errors_of(file);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0], "method.xlsx: в книге нет листа «Общее». Как исправить: добавьте лист «Общее» со столбцами "
                       "«Что» и «Значение»");
}

}  // namespace
