#include "ingest/workbook_model.h"

#include <gtest/gtest.h>

namespace ingest {
namespace {

Workbook sample() {
  Workbook wb;
  Sheet form{"Форма", SheetState::visible, {}, {}};
  for (std::uint32_t r = 0; r < 10; r += 3) {
    Cell c;
    c.ref = {r, 2};
    c.type = CellType::number;
    c.number = r;
    form.cells.push_back(c);
  }
  wb.sheets.push_back(form);
  wb.sheets.push_back(Sheet{"It's", SheetState::hidden, {}, {}});
  wb.names = {{"In_Total", std::nullopt, "'Форма'!$C$7"},
              {"dup", 1u, "'It''s'!$A$1"},
              {"dup", std::nullopt, "Форма!C4"},
              {"range", std::nullopt, "Форма!$C$1:$C$9"},
              {"broken", std::nullopt, "#REF!"},
              {"elsewhere", std::nullopt, "Нет!A1"},
              {"local_plain", 0u, "$C$10"}};
  return wb;
}

TEST(WorkbookModelTest, FindsCellsByBinarySearch) {
  const auto wb = sample();
  EXPECT_EQ(wb.sheets[0].find({6, 2})->number, 6);
  EXPECT_EQ(wb.sheets[0].find({7, 2}), nullptr);
  EXPECT_EQ(wb.sheets[0].find({6, 3}), nullptr);
}

TEST(WorkbookModelTest, FindsSheetsExactlyThenIgnoringCase) {
  const auto wb = sample();
  EXPECT_EQ(wb.sheet("Форма"), &wb.sheets[0]);
  EXPECT_EQ(wb.sheet("ФОРМА"), &wb.sheets[0]);
  EXPECT_EQ(wb.sheet("it's"), &wb.sheets[1]);
  EXPECT_EQ(wb.sheet("Форм"), nullptr);
}

TEST(WorkbookModelTest, ResolvesNamesToSingleCells) {
  const auto wb = sample();
  const auto total = wb.resolve_name("in_total");
  ASSERT_TRUE(total);
  EXPECT_EQ(total->first, &wb.sheets[0]);
  EXPECT_EQ(model::to_string(total->second), "C7");
  const auto upper = wb.resolve_name("IN_Total");  // Excel's names ignore case
  ASSERT_TRUE(upper);
  EXPECT_EQ(model::to_string(upper->second), "C7");
  const auto dup = wb.resolve_name("DUP");  // workbook scope wins
  ASSERT_TRUE(dup);
  EXPECT_EQ(model::to_string(dup->second), "C4");
  const auto local = wb.resolve_name("local_plain");  // no sheet in formula: its own sheet
  ASSERT_TRUE(local);
  EXPECT_EQ(local->first, &wb.sheets[0]);
  EXPECT_EQ(model::to_string(local->second), "C10");
  EXPECT_FALSE(wb.resolve_name("range"));
  EXPECT_FALSE(wb.resolve_name("broken"));
  EXPECT_FALSE(wb.resolve_name("elsewhere"));
  EXPECT_FALSE(wb.resolve_name("nothing"));
}

}  // namespace
}  // namespace ingest
