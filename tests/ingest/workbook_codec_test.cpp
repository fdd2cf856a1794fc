#include "ingest/workbook_codec.h"

#include <gtest/gtest.h>

namespace ingest {
namespace {

Workbook sample() {
  Workbook wb;
  wb.format = "xls";
  wb.date1904 = true;
  Sheet s{"Форма", SheetState::very_hidden, {}, {{9, 2}, {10, 3}}};  // C10, D11: formulas never calculated
  Cell a;
  a.ref = {6, 2};
  a.type = CellType::number;
  a.number = 0.125;
  a.is_percent = true;
  a.from_formula = true;
  Cell b;
  b.ref = {7, 0};
  b.text = std::string("текст\0с нулём", 23);
  s.cells = {a, b};
  wb.sheets = {s, Sheet{"Пустой", SheetState::visible, {}, {}}};
  wb.names = {{"in_total", std::nullopt, "'Форма'!$C$7"}, {"local", 1u, "$A$1"}};
  return wb;
}

TEST(WorkbookCodecTest, RoundTripsWorkbook) {
  const auto wb = sample();
  std::string bytes;
  encode_result(std::nullopt, wb, bytes);
  Status status = make_error("stale", "");
  Workbook back;
  ASSERT_TRUE(decode_result(bytes, status, back));
  EXPECT_FALSE(status);
  EXPECT_EQ(back.format, "xls");
  EXPECT_TRUE(back.date1904);
  ASSERT_EQ(back.sheets.size(), 2u);
  EXPECT_EQ(back.sheets[0].state, SheetState::very_hidden);
  ASSERT_EQ(back.sheets[0].cells.size(), 2u);
  EXPECT_EQ(back.sheets[0].unsaved_formulas, (std::vector<model::CellRef>{{9, 2}, {10, 3}}));
  EXPECT_TRUE(back.sheets[1].unsaved_formulas.empty());
  const auto& a = back.sheets[0].cells[0];
  EXPECT_EQ(a.ref, (model::CellRef{6, 2}));
  EXPECT_EQ(a.number, 0.125);
  EXPECT_TRUE(a.is_percent);
  EXPECT_FALSE(a.is_date);
  EXPECT_TRUE(a.from_formula);
  EXPECT_EQ(back.sheets[0].cells[1].text, wb.sheets[0].cells[1].text);
  EXPECT_EQ(back.sheets[1].name, "Пустой");
  ASSERT_EQ(back.names.size(), 2u);
  EXPECT_FALSE(back.names[0].local_sheet);
  EXPECT_EQ(back.names[1].local_sheet, 1u);
  EXPECT_EQ(back.names[0].formula, "'Форма'!$C$7");
}

TEST(WorkbookCodecTest, RoundTripsError) {
  ReadError e = make_error("ошибка", "совет", "найдено");
  e.sheet = "Лист";
  e.cell = model::CellRef{1, 2};
  std::string bytes;
  encode_result(e, Workbook{}, bytes);
  Status status;
  Workbook back;
  ASSERT_TRUE(decode_result(bytes, status, back));
  ASSERT_TRUE(status);
  EXPECT_EQ(status->message, "ошибка");
  EXPECT_EQ(status->hint, "совет");
  EXPECT_EQ(status->found, "найдено");
  EXPECT_EQ(status->sheet, "Лист");
  EXPECT_EQ(status->cell, (model::CellRef{1, 2}));
}

TEST(WorkbookCodecTest, RejectsEveryTruncationAndTrailingBytes) {
  std::string bytes;
  encode_result(std::nullopt, sample(), bytes);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    Status status;
    Workbook back;
    EXPECT_FALSE(decode_result(std::string_view(bytes).substr(0, cut), status, back)) << cut;
  }
  Status status;
  Workbook back;
  EXPECT_FALSE(decode_result(bytes + "x", status, back));
}

}  // namespace
}  // namespace ingest
