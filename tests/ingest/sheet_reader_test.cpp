// Cell-level behaviour of the worksheet reader, through packages built by
// hand (test::XlsxPackage) and read with the core .xlsx reader.
#include "ingest/sheet_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/zip_archive.h"
#include "reader_test_util.h"
#include "support/temp_dir.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;

const Cell& cell_at(const Workbook& wb, std::string_view ref, std::size_t sheet = 0) {
  static const Cell k_none{};
  const auto* c = wb.sheets.at(sheet).find(*model::parse_cell_ref(ref));
  EXPECT_NE(c, nullptr) << ref;
  return c ? *c : k_none;
}

TEST(SheetReaderTest, ReadsEveryValueType) {
  const auto bytes =
      test::XlsxPackage()
          .shared_strings("<si><t>Школа №1</t></si><si/><si><r><t>Бо</t></r><r><rPr><b/></rPr><t>льшой</t></r>"
                          "<rPh><t>phonetic</t></rPh></si><si><t>a_x000D_b</t></si>")
          .sheet("Форма",
                 "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                 "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                 "<row r=\"2\"><c r=\"A2\"><v>12.5</v></c><c r=\"B2\" t=\"n\"><v>-3</v></c>"
                 "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c>"
                 "<c r=\"E2\" t=\"str\"><f>A1&amp;\"!\"</f><v>Школа №1!</v></c>"
                 "<c r=\"F2\" t=\"inlineStr\"><is><r><t>вв</t></r><r><t>од</t></r></is></c>"
                 "<c r=\"G2\"><f t=\"shared\" ref=\"G2:G3\" si=\"0\">A2*2</f><v>25</v></c>"
                 "<c r=\"H2\" t=\"d\"><v>2024-01-01T12:00:00</v></c><c r=\"I2\"/><c r=\"J2\"><v></v></c></row>"
                 "<row r=\"3\"><c r=\"G3\"><f t=\"shared\" si=\"0\"/><v>-6</v></c></row>")
          .zip()
          .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb)) << test::error_text(test::read_xlsx_bytes(bytes, wb));
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].name, "Форма");
  EXPECT_EQ(cell_at(wb, "A1").text, "Школа №1");
  EXPECT_EQ(wb.sheets[0].find(*model::parse_cell_ref("B1")), nullptr);  // empty shared string
  EXPECT_EQ(cell_at(wb, "C1").text, "Большой");
  EXPECT_EQ(cell_at(wb, "D1").text, "a\rb");
  EXPECT_EQ(cell_at(wb, "A2").type, CellType::number);
  EXPECT_EQ(cell_at(wb, "A2").number, 12.5);
  EXPECT_FALSE(cell_at(wb, "A2").from_formula);
  EXPECT_EQ(cell_at(wb, "B2").number, -3);
  EXPECT_EQ(cell_at(wb, "C2").type, CellType::boolean);
  EXPECT_EQ(cell_at(wb, "C2").number, 1);
  EXPECT_EQ(cell_at(wb, "D2").type, CellType::error);
  EXPECT_EQ(cell_at(wb, "D2").text, "#DIV/0!");
  EXPECT_EQ(cell_at(wb, "E2").text, "Школа №1!");
  EXPECT_TRUE(cell_at(wb, "E2").from_formula);
  EXPECT_EQ(cell_at(wb, "F2").text, "ввод");
  EXPECT_EQ(cell_at(wb, "G2").number, 25);
  EXPECT_TRUE(cell_at(wb, "G2").from_formula);
  EXPECT_EQ(cell_at(wb, "G3").number, -6);
  EXPECT_TRUE(cell_at(wb, "G3").from_formula);
  EXPECT_EQ(cell_at(wb, "H2").number, 45292.5);
  EXPECT_TRUE(cell_at(wb, "H2").is_date);
  EXPECT_EQ(wb.sheets[0].find(*model::parse_cell_ref("I2")), nullptr);
  EXPECT_EQ(wb.sheets[0].find(*model::parse_cell_ref("J2")), nullptr);
  EXPECT_EQ(wb.sheets[0].cells.size(), 12u);
}

// A formula written by a program that does not calculate has no <v>: the
// cell is empty to `find`, but listed so the form reader can say why.
TEST(SheetReaderTest, ListsFormulasWhoseValueWasNeverSaved) {
  const auto bytes = test::XlsxPackage()
                         .sheet("S", "<row r=\"1\"><c r=\"C1\"><f>A1+B1</f></c><c r=\"D1\" t=\"str\"><f>A1</f><v></v></c>"
                                     "<c r=\"E1\"><f>1</f><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><f>2</f></c></row>")
                         .zip()
                         .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb));
  const auto& sheet = wb.sheets.at(0);
  EXPECT_EQ(sheet.unsaved_formulas, (std::vector<model::CellRef>{{0, 2}, {1, 1}}));
  EXPECT_EQ(sheet.find({0, 2}), nullptr);
  EXPECT_TRUE(sheet.has_unsaved_formula({1, 1}));
  EXPECT_FALSE(sheet.has_unsaved_formula({0, 3}));  // saved: an empty text result
  EXPECT_FALSE(sheet.has_unsaved_formula({0, 4}));
}

TEST(SheetReaderTest, CellsAndRowsWithoutAddressesFollowThePreviousOne) {
  const auto bytes = test::XlsxPackage()
                         .sheet("S", "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c></row>"
                                     "<row><c><v>7</v></c></row><row r=\"10\"><c r=\"B10\"><v>8</v></c></row>"
                                     "<row><c><v>9</v></c></row>")
                         .zip()
                         .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb));
  EXPECT_EQ(cell_at(wb, "A1").number, 1);
  EXPECT_EQ(cell_at(wb, "B1").number, 2);
  EXPECT_EQ(cell_at(wb, "E1").number, 5);
  EXPECT_EQ(cell_at(wb, "F1").number, 6);
  EXPECT_EQ(cell_at(wb, "A2").number, 7);
  EXPECT_EQ(cell_at(wb, "B10").number, 8);
  EXPECT_EQ(cell_at(wb, "A11").number, 9);
}

TEST(SheetReaderTest, AppliesPercentAndDateFormatsAnd1904System) {
  const auto package = [](bool is1904) {
    auto p = test::XlsxPackage()
                 .styles("<numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy\"/>",
                         "<xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
                         "<xf numFmtId=\"46\"/>")
                 .sheet("S", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0.25</v></c><c r=\"B1\" s=\"2\"><v>43831</v></c>"
                             "<c r=\"C1\" s=\"3\"><v>0</v></c><c r=\"D1\" s=\"77\"><v>3</v></c>"
                             "<c r=\"E1\" s=\"4\"><v>10.5</v></c></row>");
    if (is1904) p.date1904();
    return p.zip().bytes();
  };
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(package(false), wb));
  EXPECT_FALSE(wb.date1904);
  EXPECT_TRUE(cell_at(wb, "A1").is_percent);
  EXPECT_EQ(cell_at(wb, "A1").number, 0.25);
  EXPECT_TRUE(cell_at(wb, "B1").is_date);
  EXPECT_EQ(cell_at(wb, "B1").number, 43831);  // 2020-01-01
  EXPECT_FALSE(cell_at(wb, "D1").is_date);     // unknown style index: plain
  EXPECT_FALSE(cell_at(wb, "D1").is_percent);

  Workbook wb1904;
  ASSERT_FALSE(test::read_xlsx_bytes(package(true), wb1904));
  EXPECT_TRUE(wb1904.date1904);
  EXPECT_EQ(cell_at(wb1904, "B1").number, 43831 + 1462);  // converted to the 1900 system
  EXPECT_EQ(cell_at(wb1904, "C1").number, 1462);          // 1904-01-01
  EXPECT_EQ(cell_at(wb1904, "A1").number, 0.25);          // non-dates untouched
  EXPECT_TRUE(cell_at(wb1904, "E1").is_date);
  EXPECT_EQ(cell_at(wb1904, "E1").number, 10.5);          // a duration ([h]:mm:ss) is not a date
}

TEST(SheetReaderTest, SortsCellsAndLaterDuplicateWins) {
  const auto bytes = test::XlsxPackage()
                         .sheet("S", "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"1\"><c r=\"B1\"><v>2</v></c>"
                                     "<c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>22</v></c></row>")
                         .zip()
                         .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb));
  const auto& cells = wb.sheets[0].cells;
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(model::to_string(cells[0].ref), "A1");
  EXPECT_EQ(model::to_string(cells[1].ref), "B1");
  EXPECT_EQ(cells[1].number, 22);
  EXPECT_EQ(model::to_string(cells[2].ref), "A3");
}

TEST(SheetReaderTest, RefusesAddressesBeyondTheSheet) {
  for (const char* rows : {"<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
                           "<row r=\"1048577\"><c><v>1</v></c></row>", "<row r=\"0\"><c><v>1</v></c></row>"}) {
    Workbook wb;
    const auto err = test::read_xlsx_bytes(test::XlsxPackage().sheet("Лист1", rows).zip().bytes(), wb);
    ASSERT_TRUE(err) << rows;
    EXPECT_THAT(err->message, HasSubstr("адрес ячейки вне листа Excel")) << rows;
    EXPECT_EQ(err->sheet, "Лист1");
  }
}

TEST(SheetReaderTest, RefusesMissingSharedStringWithCell) {
  Workbook wb;
  const auto err = test::read_xlsx_bytes(
      test::XlsxPackage().shared_strings("<si><t>a</t></si>")
          .sheet("S", "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>5</v></c></row>").zip().bytes(), wb);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("несуществующую общую строку №5"));
  ASSERT_TRUE(err->cell);
  EXPECT_EQ(model::to_string(*err->cell), "C4");
}

TEST(SheetReaderTest, RefusesMoreCellsThanTheLimit) {
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 10; ++c) rows += "<c><v>" + std::to_string(r * c) + "</v></c>";
    rows += "</row>";
  }
  ReadLimits limits;
  limits.max_cells = 999;
  Workbook wb;
  const auto err = test::read_xlsx_bytes(test::XlsxPackage().sheet("Big", rows).zip().bytes(), wb, limits);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "в книге больше 999 заполненных ячеек — это не похоже на школьную форму");
  EXPECT_EQ(err->sheet, "Big");
  limits.max_cells = 1000;
  EXPECT_FALSE(test::read_xlsx_bytes(test::XlsxPackage().sheet("Big", rows).zip().bytes(), wb, limits));
}

// One large shared string referenced by many cells: each cell copies the
// text, so the text budget (not memory) is what stops the file.
TEST(SheetReaderTest, SharedStringAmplificationIsStoppedByTextBudget) {
  std::string rows;
  for (int r = 1; r <= 2000; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>0</v></c></row>";
  const auto bytes = test::XlsxPackage()
                         .shared_strings("<si><t>" + std::string(100'000, 'x') + "</t></si>")
                         .sheet("S", rows)
                         .zip()
                         .bytes();
  ReadLimits limits;
  limits.max_text_bytes = 50'000'000;  // 2000 copies of 100 kB = 200 MB would exceed it
  Workbook wb;
  const auto err = test::read_xlsx_bytes(bytes, wb, limits);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("текст в ячейках книги занимает больше 47 МБ"));
  EXPECT_LE(wb.sheets[0].cells.size(), 500u);  // stopped early, not after copying everything
}

// Only <sheetData> is parsed: a tail the reader has no use for (merged cells,
// validations) is not, even when malformed, but it is still inflated to the
// end, so the budget (and the zip's checksum) still cover the whole part.
TEST(SheetReaderTest, ReadsUpToTheEndOfSheetDataAndInflatesTheRest) {
  std::string tail = "<mergeCells>";
  for (int i = 0; i < 1000; ++i) tail += "<mergeCell ref=\"A" + std::to_string(i + 2) + ":B2\"/>";
  tail += "</mergeCells><dataValidations><broken></worksheet>";
  const auto bytes = test::ZipBuilder()
                         .add("s.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"
                                       "</sheetData>" + tail)
                         .bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()}));
  const std::vector<std::string> strings;
  const CellStyles styles;
  const SheetContext context{strings, styles, false};
  ReadLimits limits;
  ReadBudget budget(limits);
  Sheet sheet;
  sheet.name = "S";
  ASSERT_FALSE(read_sheet(zip, "s.xml", context, budget, sheet));
  ASSERT_EQ(sheet.cells.size(), 1u);
  const auto* a1 = sheet.find(*model::parse_cell_ref("A1"));
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->number, 7);

  limits.max_uncompressed_bytes = tail.size() / 2;  // the tail alone is over it
  ReadBudget small(limits);
  Sheet again;
  EXPECT_TRUE(read_sheet(zip, "s.xml", context, small, again));
}

// Rows of a package streamed from its file: the cells read_sheet keeps, a
// row at a time, in column order even when written out of it.
TEST(SheetReaderTest, StreamsRowsFromTheFileWithTheSameCells) {
  const auto bytes = test::XlsxPackage()
                         .shared_strings("<si><t>ID</t></si><si><t>Школа</t></si>")
                         .sheet("Ответы",
                                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                                "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>СОШ 1</t></is></c><c r=\"A2\"><v>7</v></c></row>"
                                "<row r=\"4\"><c r=\"C4\"><v>4</v></c></row>"
                                "<row r=\"5\"><c r=\"A5\"><f>A4</f></c></row>"
                                "<c r=\"A6\"><v>9</v></c>")  // a cell outside any <row>
                         .zip()
                         .bytes();
  test::TempDir dir;
  const auto path = dir.write("export.xlsx", bytes);
  ReadBudget budget(ReadLimits{});
  std::string sheet;
  std::vector<std::pair<std::uint32_t, std::string>> rows;
  const auto status = read_xlsx_rows(path.string(), budget, sheet, [&](std::uint32_t row, std::span<const Cell> cells) {
    std::string text;
    for (const auto& c : cells) text += model::to_string(c.ref) + "=" + (c.type == CellType::number ? std::to_string(static_cast<int>(c.number)) : c.text) + " ";
    rows.emplace_back(row, text);
    return Status{};
  });
  ASSERT_FALSE(status) << test::error_text(status);
  EXPECT_EQ(sheet, "Ответы");
  EXPECT_EQ(rows, (std::vector<std::pair<std::uint32_t, std::string>>{
                      {0, "A1=ID B1=Школа "}, {1, "A2=7 B2=СОШ 1 "}, {3, "C4=4 "}, {5, "A6=9 "}}));
}

TEST(SheetReaderTest, AStreamedRowReaderStopsAtTheSinksError) {
  const auto bytes = test::XlsxPackage()
                         .sheet("Ответы", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>")
                         .zip()
                         .bytes();
  test::TempDir dir;
  const auto path = dir.write("export.xlsx", bytes);
  ReadBudget budget(ReadLimits{});
  std::string sheet;
  int seen = 0;
  const auto status = read_xlsx_rows(path.string(), budget, sheet, [&](std::uint32_t, std::span<const Cell>) {
    ++seen;
    return Status{make_error("хватит", "")};
  });
  ASSERT_TRUE(status);
  EXPECT_EQ(status->message, "хватит");
  EXPECT_EQ(status->sheet, "Ответы");
  EXPECT_EQ(seen, 1);
  EXPECT_TRUE(read_xlsx_rows((dir / "none.xlsx").string(), budget, sheet, [](std::uint32_t, std::span<const Cell>) {
    return Status{};
  }));
}

}  // namespace
}  // namespace ingest
