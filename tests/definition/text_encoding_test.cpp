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
