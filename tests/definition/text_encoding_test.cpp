#include "definition/text_encoding.h"

#include <gtest/gtest.h>

using definition::TextEncoding;

TEST(TextEncodingTest, DetectsEncodings) {
  EXPECT_EQ(definition::detect_encoding("id;школа"), TextEncoding::utf8);
  EXPECT_EQ(definition::detect_encoding("\xEF\xBB\xBFid"), TextEncoding::utf8_bom);
  EXPECT_EQ(definition::detect_encoding("\xFF\xFEi\0d"), TextEncoding::utf16);
  EXPECT_EQ(definition::detect_encoding("id;\xF8\xEA\xEE\xEB\xE0"), TextEncoding::windows_1251);
}

TEST(TextEncodingTest, RejectsMalformedUtf8) {
  EXPECT_TRUE(definition::is_valid_utf8("Ёё №"));
  EXPECT_FALSE(definition::is_valid_utf8("\xD0"));          // truncated
  EXPECT_FALSE(definition::is_valid_utf8("\xC0\xAF"));      // overlong "/"
  EXPECT_FALSE(definition::is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(definition::is_valid_utf8("\xE8\xE2"));      // cp1251 "ив"
}

TEST(TextEncodingTest, ConvertsWindows1251) {
  // "Школа № 1 «Ёлочка» — ok" in Windows-1251.
  EXPECT_EQ(definition::windows_1251_to_utf8(
                "\xD8\xEA\xEE\xEB\xE0 \xB9 1 \xAB\xA8\xEB\xEE\xF7\xEA\xE0\xBB \x97 ok"),
            "Школа № 1 «Ёлочка» — ok");
  EXPECT_EQ(definition::windows_1251_to_utf8("\xC0\xDF\xE0\xFF"), "АЯая");
}

TEST(TextEncodingTest, ToUtf8StripsBom) {
  EXPECT_EQ(definition::to_utf8("\xEF\xBB\xBFid;код"), "id;код");
  EXPECT_EQ(definition::to_utf8("\xEA\xEE\xE4"), "код");
}

namespace {
TEST(TextEncodingTest, ValidatesUtf8GivenInChunksSplitInsideCharacters) {
  const std::string text = "Школа № 5 — «Ёлочка» €𝄞";  // 2-, 3- and 4-byte characters
  for (std::size_t step = 1; step <= text.size(); ++step) {
    definition::Utf8Validator v;
    for (std::size_t at = 0; at < text.size(); at += step) v.feed(std::string_view(text).substr(at, step));
    EXPECT_TRUE(v.valid()) << "step " << step;
  }
  definition::Utf8Validator cut;
  cut.feed("Шк\xD0");  // the last letter cut short by the end of the text
  EXPECT_FALSE(cut.valid());
  EXPECT_FALSE(cut.failed());
  definition::Utf8Validator bad;
  bad.feed("\xD8\xEA\xEE\xEB\xE0");  // «Школа» in Windows-1251
  bad.feed("ok");
  EXPECT_TRUE(bad.failed());
  EXPECT_FALSE(bad.valid());
}

}  // namespace
