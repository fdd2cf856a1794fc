#include "util/xlsx_file.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b.at(at + i));
  return v;
}

struct Entry {
  std::string name;
  std::uint32_t method = 0;
  std::uint32_t flags = 0;
};

// The entries of a zip file, from its central directory (APPNOTE 4.3.12, 4.3.16).
std::vector<Entry> central_directory(const std::string& zip) {
  const auto end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return {};
  const auto count = le(zip, end + 10, 2);
  std::size_t at = le(zip, end + 16, 4);
  std::vector<Entry> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (le(zip, at, 4) != 0x02014b50) return {};
    Entry e;
    e.flags = le(zip, at + 8, 2);
    e.method = le(zip, at + 10, 2);
    const auto name_len = le(zip, at + 28, 2);
    e.name = zip.substr(at + 46, name_len);
    entries.push_back(e);
    at += 46 + name_len + le(zip, at + 30, 2) + le(zip, at + 32, 2);
  }
  return entries;
}

}  // namespace

// libxlsxwriter asks minizip for zlib's default level; xlsx_file.cpp turns it
// into level 1, which minizip records in bits 1-2 of each entry's flags
// (APPNOTE 4.4.4: both set, "super fast"; 0 for the default level).
TEST(XlsxFileTest, PartsAreDeflatedAtTheFastestLevel) {
  test::TempDir dir;
  const fs::path out = dir / "книга.xlsx";
  auto file = util::XlsxFile::create(out);
  ASSERT_TRUE(file.has_value());
  lxw_worksheet* ws = workbook_add_worksheet(file->book(), "Лист");
  for (int row = 0; row < 200; ++row) {
    worksheet_write_string(ws, row, 0, "Доля педагогов, прошедших диагностику", nullptr);
    worksheet_write_number(ws, row, 1, row * 1.5, nullptr);
  }
  ASSERT_TRUE(file->commit().has_value());

  const auto entries = central_directory(test::read_file(out));
  ASSERT_GE(entries.size(), 8u);  // content types, rels, workbook, sheet, styles, theme, strings, props
  bool has_sheet = false;
  for (const auto& e : entries) {
    SCOPED_TRACE(e.name);
    EXPECT_EQ(e.method, 8u);  // deflate
    EXPECT_EQ(e.flags & 6u, 6u);
    has_sheet = has_sheet || e.name == "xl/worksheets/sheet1.xml";
  }
  EXPECT_TRUE(has_sheet);
}
