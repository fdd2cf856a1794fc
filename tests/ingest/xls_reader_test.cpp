// The FreeXL-based reader. Legacy .xls files cannot be written by our tools,
// so these tests use files of the shared wild corpus (skipped without it);
// LibreOffice-written .xls are covered by workbook_interop_test.cpp.
#include "ingest/xls_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/workbook.h"
#include "support/temp_dir.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

fs::path wild(std::string_view name) { return test::source_dir() / ".." / "shared" / "corpus" / "wild" / name; }

TEST(XlsReaderTest, MissingFileIsReported) {
  ReadBudget budget{ReadLimits{}};
  Workbook book;
  const auto err = read_xls("/nonexistent/книга.xls", budget, book);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "файл не найден или не читается");
}

// The same dates saved as .xls and .xlsx, in the 1900 and 1904 systems, read
// to the same 1900-system serials.
TEST(XlsReaderTest, DatesAgreeWithXlsxInBothSystems) {
  if (!fs::exists(wild("calamine__date.xls"))) GTEST_SKIP() << "no wild corpus";
  for (const char* name : {"calamine__date.xls", "calamine__date_1904.xls", "calamine__date.xlsx",
                           "calamine__date_1904.xlsx"}) {
    SCOPED_TRACE(name);
    const auto book = read_workbook(wild(name));
    ASSERT_TRUE(book) << model::to_string(book.error());
    EXPECT_EQ(book->date1904, std::string_view(name).find("1904") != std::string_view::npos);
    const Sheet& s = book->sheets.at(0);
    ASSERT_NE(s.find({0, 0}), nullptr);
    EXPECT_TRUE(s.find({0, 0})->is_date);
    EXPECT_EQ(s.find({0, 0})->number, 44197);  // 2021-01-01
    EXPECT_EQ(s.find({1, 0})->number, 44198);
    EXPECT_EQ(s.find({0, 1})->number, 15);
    EXPECT_FALSE(s.find({0, 1})->is_date);
  }
}

TEST(XlsReaderTest, EncryptedXlsIsRefusedAsPasswordProtected) {
  if (!fs::exists(wild("poi__password.xls"))) GTEST_SKIP() << "no wild corpus";
  for (const char* name : {"poi__password.xls", "poi__xor-encryption-abc.xls", "sheetjs__password_2002_40_xor.xls"}) {
    const auto book = read_workbook(wild(name));
    ASSERT_FALSE(book) << name;
    EXPECT_THAT(book.error().message, HasSubstr("файл защищён паролем")) << name;
  }
}

TEST(XlsReaderTest, HiddenAndChartSheetsAreListed) {
  if (!fs::exists(wild("calamine__any_sheets.xls"))) GTEST_SKIP() << "no wild corpus";
  const auto book = read_workbook(wild("calamine__any_sheets.xls"));
  ASSERT_TRUE(book) << model::to_string(book.error());
  EXPECT_EQ(book->format, "xls");
  EXPECT_GE(book->sheets.size(), 2u);
}

}  // namespace
}  // namespace ingest
