#include "ingest/styles.h"

#include <gtest/gtest.h>

#include "reader_test_util.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

TEST(StylesTest, ClassifiesBuiltinFormats) {
  EXPECT_EQ(classify_builtin_format(0), NumberKind::plain);
  EXPECT_EQ(classify_builtin_format(9), NumberKind::percent);
  EXPECT_EQ(classify_builtin_format(10), NumberKind::percent);
  EXPECT_EQ(classify_builtin_format(14), NumberKind::date);
  EXPECT_EQ(classify_builtin_format(22), NumberKind::date);
  EXPECT_EQ(classify_builtin_format(20), NumberKind::time);
  EXPECT_EQ(classify_builtin_format(23), NumberKind::plain);
  EXPECT_EQ(classify_builtin_format(46), NumberKind::time);
}

TEST(StylesTest, ClassifiesCustomFormatCodes) {
  EXPECT_EQ(classify_format_code("0.0%"), NumberKind::percent);
  EXPECT_EQ(classify_format_code("dd.mm.yyyy"), NumberKind::date);
  EXPECT_EQ(classify_format_code("[h]:mm"), NumberKind::time);
  EXPECT_EQ(classify_format_code("hh:mm:ss"), NumberKind::time);
  EXPECT_EQ(classify_format_code("mmmm"), NumberKind::date);
  EXPECT_EQ(classify_format_code("dd.mm.yyyy hh:mm"), NumberKind::date);
  EXPECT_EQ(classify_format_code("[$-419]d mmmm yyyy"), NumberKind::date);
  EXPECT_EQ(classify_format_code("#,##0\" руб.\""), NumberKind::plain);
  EXPECT_EQ(classify_format_code("0\" days\""), NumberKind::plain);  // quoted letters
  EXPECT_EQ(classify_format_code("[Red]0.00"), NumberKind::plain);
  EXPECT_EQ(classify_format_code("General"), NumberKind::plain);
  EXPECT_EQ(classify_format_code("0\\%"), NumberKind::plain);  // escaped percent sign
  EXPECT_EQ(classify_format_code("0.00E+00"), NumberKind::plain);
}

// The kinds read from a package holding only `xml` as styles.xml.
std::vector<NumberKind> read_kinds(const std::string& xml) {
  const auto bytes = test::ZipBuilder().add("styles.xml", xml).bytes();
  ZipArchive zip;
  EXPECT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  CellStyles styles;
  EXPECT_FALSE(read_styles(zip, "styles.xml", budget, styles));
  return styles.kinds();
}

TEST(StylesTest, ReadsCellXfsButNotCellStyleXfs) {
  const auto bytes = test::ZipBuilder()
                         .add("styles.xml",
                              "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
                              "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yy\"/></numFmts>"
                              "<cellStyleXfs><xf numFmtId=\"9\"/></cellStyleXfs>"
                              "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
                              "<xf numFmtId=\"10\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>")
                         .bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  CellStyles styles;
  ASSERT_FALSE(read_styles(zip, "styles.xml", budget, styles));
  EXPECT_EQ(styles.kinds().size(), 5u);
  EXPECT_EQ(styles.kind(0), NumberKind::plain);
  EXPECT_EQ(styles.kind(1), NumberKind::percent);
  EXPECT_EQ(styles.kind(2), NumberKind::date);
  EXPECT_EQ(styles.kind(3), NumberKind::percent);
  EXPECT_EQ(styles.kind(4), NumberKind::date);
  EXPECT_EQ(styles.kind(99), NumberKind::plain);
}

// Only the number formats and the cell formats are wanted: nothing after
// </cellXfs> is parsed (not even a stray second list, nor a malformed tail).
TEST(StylesTest, StopsAfterTheCellFormats) {
  EXPECT_EQ(read_kinds("<styleSheet><cellXfs><xf numFmtId=\"0\"/></cellXfs>"
                       "<dxfs><dxf><numFmt numFmtId=\"166\" formatCode=\"0%\"/></dxf></dxfs>"
                       "<cellXfs><xf numFmtId=\"9\"/></cellXfs><broken></styleSheet>"),
            std::vector<NumberKind>{NumberKind::plain});
}

}  // namespace
}  // namespace ingest
