#include "support/base64_decode.h"
#include "util/base64.h"

#include <gtest/gtest.h>

namespace {

using test::base64_decode;
using util::base64_encode;

// RFC 4648, section 10.
TEST(Base64Test, EncodesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Test, DecodesRfc4648Vectors) {
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
  EXPECT_EQ(base64_decode("Zm9v"), "foo");
  EXPECT_EQ(base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64_decode("Zm9vYmE="), "fooba");
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
}

TEST(Base64Test, EncodesHighBytesAndCyrillic) {
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00\x01", 4)), "//4AAQ==");
  EXPECT_EQ(base64_encode("Отчёт"), "0J7RgtGH0ZHRgg==");
  EXPECT_EQ(base64_decode("0J7RgtGH0ZHRgg=="), "Отчёт");
}

TEST(Base64Test, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t len = 0; len <= all.size(); len += 37) {
    const auto part = all.substr(0, len);
    EXPECT_EQ(base64_decode(base64_encode(part)), part) << len;
  }
}

TEST(Base64Test, BreaksLinesWithCrlfAndDecodesThemBack) {
  const std::string bytes(100, 'a');  // 136 base64 characters
  const auto text = util::base64_encode_lines(bytes, 76);
  ASSERT_EQ(text.size(), 136u + 2u);
  EXPECT_EQ(text.substr(76, 2), "\r\n");
  EXPECT_EQ(text.find("\r\n", 78), std::string::npos);
  EXPECT_EQ(base64_decode(text), bytes);
}

}  // namespace
