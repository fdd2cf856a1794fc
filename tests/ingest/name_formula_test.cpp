#include "ingest/name_formula.h"

#include <gtest/gtest.h>

namespace ingest {
namespace {

void expect_target(std::string_view formula, std::string_view sheet, std::string_view cell) {
  const auto t = parse_cell_formula(formula);
  ASSERT_TRUE(t) << formula;
  EXPECT_EQ(t->sheet, sheet) << formula;
  EXPECT_EQ(model::to_string(t->cell), cell) << formula;
}

TEST(NameFormulaTest, ParsesSingleCellReferences) {
  expect_target("'Форма'!$C$7", "Форма", "C7");
  expect_target("Форма!$C$7", "Форма", "C7");
  expect_target("Form!C7", "Form", "C7");
  expect_target("='It''s here'!B2", "It's here", "B2");
  expect_target("Form!$C$7:$C$7", "Form", "C7");
  expect_target("$'Форма'.$C$7", "Форма", "C7");  // LibreOffice's own notation
  expect_target("$Form.$D$1", "Form", "D1");
  expect_target("$A$1", "", "A1");
}

TEST(NameFormulaTest, RejectsEverythingElse) {
  for (const char* f : {"Form!$C$7:$D$9", "Form!A1,Form!B2", "#REF!", "Form!#REF!", "[1]Form!A1",
                        "42", "\"text\"", "'unterminated!A1", "Form!XFE1", "Form!A1048577", ""})
    EXPECT_FALSE(parse_cell_formula(f)) << f;
}

}  // namespace
}  // namespace ingest
