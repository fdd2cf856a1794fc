// Package-level behaviour of the .xlsx reader: parts, relationships,
// namespaces, sheet list, names, and what is refused.
#include "ingest/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reader_test_util.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;

const std::string k_row = "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>т</t></is></c></row>";

void expect_two_cells(const Workbook& wb) {
  ASSERT_EQ(wb.sheets.size(), 1u);
  ASSERT_EQ(wb.sheets[0].cells.size(), 2u);
  EXPECT_EQ(wb.sheets[0].cells[0].number, 1);
  EXPECT_EQ(wb.sheets[0].cells[1].text, "т");
}

TEST(XlsxReaderTest, ReadsStrictAndPrefixedNamespaces) {
  for (auto package : {test::XlsxPackage().strict(), test::XlsxPackage().prefixed(),
                       test::XlsxPackage().strict().prefixed()}) {
    Workbook wb;
    ASSERT_FALSE(test::read_xlsx_bytes(package.sheet("S", k_row).zip().bytes(), wb));
    expect_two_cells(wb);
    EXPECT_EQ(wb.format, "xlsx");
  }
}

TEST(XlsxReaderTest, KeepsWorkbookOrderWithAbsoluteTargetsAndStates) {
  const auto bytes = test::XlsxPackage()
                         .absolute_targets()
                         .sheet("Первый", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
                         .sheet("_meta", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>", "veryHidden")
                         .sheet("Скрытый", "<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>", "hidden")
                         .zip()
                         .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb));
  ASSERT_EQ(wb.sheets.size(), 3u);
  EXPECT_EQ(wb.sheets[0].name, "Первый");
  EXPECT_EQ(wb.sheets[0].cells.at(0).number, 1);
  EXPECT_EQ(wb.sheets[0].state, SheetState::visible);
  EXPECT_EQ(wb.sheets[1].cells.at(0).number, 2);
  EXPECT_EQ(wb.sheets[1].state, SheetState::very_hidden);
  EXPECT_EQ(wb.sheets[2].cells.at(0).number, 3);
  EXPECT_EQ(wb.sheets[2].state, SheetState::hidden);
}

TEST(XlsxReaderTest, ReadsDefinedNamesWithScopesAndSkipsBuiltins) {
  const auto bytes = test::XlsxPackage()
                         .sheet("Форма", "<row r=\"7\"><c r=\"C7\"><v>42</v></c></row>")
                         .sheet("Other", "<row r=\"1\"><c r=\"A1\"><v>5</v></c></row>")
                         .defined_names("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Форма'!$A$1:$D$9</definedName>"
                                        "<definedName name=\"in_total\">'Форма'!$C$7</definedName>"
                                        "<definedName name=\"local\" localSheetId=\"1\">$A$1</definedName>")
                         .zip()
                         .bytes();
  Workbook wb;
  ASSERT_FALSE(test::read_xlsx_bytes(bytes, wb));
  ASSERT_EQ(wb.names.size(), 2u);
  EXPECT_EQ(wb.names[0].name, "in_total");
  EXPECT_EQ(wb.names[0].formula, "'Форма'!$C$7");
  EXPECT_FALSE(wb.names[0].local_sheet);
  EXPECT_EQ(wb.names[1].local_sheet, 1u);
  const auto total = wb.resolve_name("IN_TOTAL");
  ASSERT_TRUE(total);
  EXPECT_EQ(total->first->name, "Форма");
  EXPECT_EQ(total->first->find(total->second)->number, 42);
  const auto local = wb.resolve_name("local");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->first->name, "Other");
  EXPECT_EQ(local->first->find(local->second)->number, 5);
}

TEST(XlsxReaderTest, ToleratesBackslashPartNamesAndMissingStyles) {
  // Rebuild with Windows separators, as some producers write them.
  const auto bytes = test::ZipBuilder()
                         .add("[Content_Types].xml", "<Types/>")
                         .add("_rels\\.rels",
                              "<Relationships><Relationship Id=\"r\" Type=\"http://x/officeDocument\" "
                              "Target=\"xl/workbook.xml\"/></Relationships>")
                         .add("xl\\workbook.xml",
                              "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"a\"/></sheets></workbook>")
                         .add("xl\\_rels\\workbook.xml.rels",
                              "<Relationships><Relationship Id=\"a\" Type=\"http://x/worksheet\" "
                              "Target=\"worksheets\\sheet1.xml\"/></Relationships>")
                         .add("xl\\worksheets\\sheet1.xml", "<worksheet><sheetData>" + k_row + "</sheetData></worksheet>")
                         .bytes();
  Workbook wb;
  const auto err = test::read_xlsx_bytes(bytes, wb);
  ASSERT_FALSE(err) << err->message;
  expect_two_cells(wb);
}

TEST(XlsxReaderTest, RefusesForeignZipPackages) {
  struct Case {
    test::ZipBuilder zip;
    const char* message;
  };
  const std::vector<Case> cases = {
      {test::ZipBuilder().add("word/document.xml", "<w/>"), "это не книга Excel, а документ Word (*.docx)"},
      {test::ZipBuilder().add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", true).add("content.xml", "<x/>"),
       "это книга OpenDocument (*.ods), а нужна книга Excel (*.xlsx)"},
      {test::ZipBuilder().add("mimetype", "application/vnd.oasis.opendocument.text", true).add("content.xml", "<x/>"),
       "это не книга Excel (похоже на документ OpenDocument)"},
      {test::ZipBuilder().add("xl/workbook.bin", "\x01"), "это двоичная книга Excel (*.xlsb), такой формат не принимается"},
      {test::ZipBuilder().add("notes.txt", "hi"), "это zip-архив, но в нём нет книги Excel (нет части xl/workbook.xml)"},
  };
  for (const auto& c : cases) {
    Workbook wb;
    const auto err = test::read_xlsx_bytes(c.zip.bytes(), wb);
    ASSERT_TRUE(err) << c.message;
    EXPECT_EQ(err->message, c.message);
    EXPECT_FALSE(err->hint.empty());
  }
}

TEST(XlsxReaderTest, RefusesBrokenPackages) {
  Workbook wb;
  auto err = test::read_xlsx_bytes(
      test::XlsxPackage().sheet("S", k_row).part("xl/_rels/workbook.xml.rels", "").zip().bytes(), wb);
  ASSERT_TRUE(err);  // empty rels part: malformed XML
  EXPECT_THAT(err->message, HasSubstr("испорченный XML"));

  err = test::read_xlsx_bytes(test::XlsxPackage().zip().bytes(), wb);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "книга Excel повреждена: в книге нет ни одного листа");

  err = test::read_xlsx_bytes(
      test::XlsxPackage().sheet("S", k_row).part("xl/_rels/workbook.xml.rels", "<Relationships/>").zip().bytes(), wb);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "книга Excel повреждена: лист «S» не найден в списке частей");
}

TEST(XlsxReaderTest, RefusesEntityDeclarationsInAnyPart) {
  const std::string evil =
      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
      "<sst><si><t>&b;</t></si></sst>";
  Workbook wb;
  const auto err = test::read_xlsx_bytes(
      test::XlsxPackage().shared_strings("").sheet("S", k_row).part("xl/sharedStrings.xml", evil).zip().bytes(), wb);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("xl/sharedStrings.xml"));
  EXPECT_THAT(err->message, HasSubstr("DOCTYPE"));
}

TEST(XlsxReaderTest, RefusesTooManySheets) {
  test::XlsxPackage p;
  for (int i = 0; i < 5; ++i) p.sheet("S" + std::to_string(i), "");
  ReadLimits limits;
  limits.max_sheets = 4;
  Workbook wb;
  const auto err = test::read_xlsx_bytes(p.zip().bytes(), wb, limits);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("в книге больше 4 листов"));
}

TEST(XlsxReaderTest, StopsWhenOutOfTime) {
  std::string rows;
  for (int r = 1; r <= 20000; ++r) rows += "<row><c><v>" + std::to_string(r) + "</v></c></row>";
  ReadLimits limits;
  limits.max_seconds = 0;
  Workbook wb;
  const auto err = test::read_xlsx_bytes(test::XlsxPackage().sheet("S", rows).zip().bytes(), wb, limits);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("файл читается слишком долго"));
}

}  // namespace
}  // namespace ingest
