#include "report/cell_text.h"

#include <gtest/gtest.h>

namespace {

using report::clip_text;
using report::utf16_length;

TEST(CellTextTest, ShortTextIsUnchanged) {
  EXPECT_EQ(clip_text("Школа № 1"), "Школа № 1");
  EXPECT_EQ(clip_text(""), "");
}

TEST(CellTextTest, ClipsLongCyrillicTextAtCharacterBoundary) {
  std::string text;
  for (int i = 0; i < 40'000; ++i) text += "Ж";
  const std::string clipped = clip_text(text);
  EXPECT_EQ(utf16_length(clipped), report::k_max_cell_chars);
  EXPECT_TRUE(clipped.ends_with("…"));
  EXPECT_EQ(report::sanitize_utf8(clipped), clipped);  // still valid UTF-8
  EXPECT_EQ(clipped.size(), 32'766u * 2 + 3);          // 32,766 × "Ж" + "…"
}

TEST(CellTextTest, CountsCharactersOutsideTheBmpTwice) {
  const std::string smile = "\xF0\x9F\x98\x80";
  EXPECT_EQ(utf16_length(smile), 2u);
  EXPECT_EQ(clip_text("ab" + smile, 3), "ab…");
  EXPECT_EQ(clip_text("ab" + smile, 4), "ab" + smile);
}

TEST(CellTextTest, ReplacesInvalidBytes) {
  EXPECT_EQ(report::sanitize_utf8("a\xC0\xAF" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_EQ(report::sanitize_utf8("\xD0"), "\xEF\xBF\xBD");  // cut sequence
}

TEST(CellTextTest, EscapesAmpersandsInHeadersAndFooters) {
  EXPECT_EQ(report::escape_header_footer("Школа & сад"), "Школа && сад");
}

TEST(CellTextTest, FormatsDecimalsWithComma) {
  EXPECT_EQ(report::format_decimal(72.97297), "73,0");
  EXPECT_EQ(report::format_decimal(12.25, 2), "12,25");
  EXPECT_EQ(report::format_decimal(-0.01), "0,0");
}

}  // namespace
