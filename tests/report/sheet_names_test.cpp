#include "report/sheet_names.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "report/cell_text.h"
#include "support/temp_dir.h"

namespace {

using report::SheetNamer;
using report::valid_sheet_name;

TEST(SheetNamesTest, ReplacesForbiddenCharactersAndApostrophes) {
  EXPECT_EQ(valid_sheet_name("СОШ [1]: 5*?/\\"), "СОШ _1__ 5____");
  EXPECT_EQ(valid_sheet_name("'Лицей'"), "’Лицей’");
  EXPECT_EQ(valid_sheet_name("  Гимназия\t№ 2\n "), "Гимназия № 2");
  EXPECT_EQ(valid_sheet_name(""), "Лист");
  EXPECT_EQ(valid_sheet_name("   "), "Лист");
  EXPECT_EQ(valid_sheet_name("history"), "History_");
}

TEST(SheetNamesTest, CutsToThirtyOneCharactersAtCharacterBoundary) {
  const std::string name = valid_sheet_name(
      "Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»");
  EXPECT_EQ(name, "Муниципальное бюджетное общеобр");
  EXPECT_EQ(report::utf16_length(name), 31u);
  // A character outside the BMP counts twice in Excel's 31.
  const std::string emoji = valid_sheet_name(std::string(30, 'a') + "\xF0\x9F\x98\x80");
  EXPECT_EQ(emoji, std::string(30, 'a'));
  // Invalid UTF-8 never reaches the workbook.
  EXPECT_EQ(valid_sheet_name("Шк\xFFола"), "Шк\xEF\xBF\xBDола");
}

TEST(SheetNamesTest, UniqueIgnoringCyrillicAndLatinCase) {
  SheetNamer names;
  names.reserve("Сводка");
  EXPECT_EQ(names.unique_name("СВОДКА"), "СВОДКА (2)");
  EXPECT_EQ(names.unique_name("мбоу сош № 1"), "мбоу сош № 1");
  EXPECT_EQ(names.unique_name("МБОУ СОШ № 1"), "МБОУ СОШ № 1 (2)");
  EXPECT_EQ(names.unique_name("Ёлочка"), "Ёлочка");
  EXPECT_EQ(names.unique_name("ёЛОЧКА"), "ёЛОЧКА (2)");
  EXPECT_EQ(names.unique_name("School"), "School");
  EXPECT_EQ(names.unique_name("SCHOOL"), "SCHOOL (2)");
}

TEST(SheetNamesTest, SuffixFitsWhenLongNamesClash) {
  SheetNamer names;
  const std::string base(40, 'x');
  EXPECT_EQ(names.unique_name(base), std::string(31, 'x'));
  EXPECT_EQ(names.unique_name(base), std::string(27, 'x') + " (2)");
  EXPECT_EQ(names.unique_name(base), std::string(27, 'x') + " (3)");
  for (int i = 4; i <= 12; ++i) names.unique_name(base);
  EXPECT_EQ(names.unique_name(base), std::string(26, 'x') + " (13)");
}

TEST(SheetNamesTest, EveryNameIsAcceptedByLibxlsxwriter) {
  const std::vector<std::string> wanted = {
      "Сводка", "=HYPERLINK(\"http://evil\",\"x\")", "+79991234567", "'quoted'", "a:b/c\\d",
      "Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус А)",
      "Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус Б)",
      "Школа", "ШКОЛА", "", "-", "@home", "History"};
  test::TempDir dir;
  lxw_workbook* book = workbook_new((dir / "names.xlsx").c_str());
  ASSERT_NE(book, nullptr);
  SheetNamer names;
  for (const auto& w : wanted) {
    const std::string name = names.unique_name(w);
    EXPECT_LE(report::utf16_length(name), 31u) << name;
    EXPECT_EQ(workbook_validate_sheet_name(book, name.c_str()), LXW_NO_ERROR) << name;
    EXPECT_NE(workbook_add_worksheet(book, name.c_str()), nullptr) << name;
  }
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
}

}  // namespace
