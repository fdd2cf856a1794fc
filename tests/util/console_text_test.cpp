#include "util/console_text.h"

#include <gtest/gtest.h>

namespace {

TEST(ConsoleTextTest, EscapesControlCharactersAndKeepsTheRest) {
  EXPECT_EQ(util::console_text("Школа №1\tок\n"), "Школа №1\tок\n");
  EXPECT_EQ(util::console_text("a\x1b[31mb\x07"), "a\\x1B[31mb\\x07");
  EXPECT_EQ(util::console_text("строка\rзатёрта"), "строка\\x0Dзатёрта");
  EXPECT_EQ(util::console_text(std::string("\0\x7f", 2)), "\\x00\\x7F");
  // U+009B, the one-byte CSI of some terminals; U+00A0 is ordinary text.
  EXPECT_EQ(util::console_text("\xC2\x9B" "2J \xC2\xA0"), "\\xC2\\x9B2J \xC2\xA0");
  EXPECT_EQ(util::console_text("\xC2"), "\xC2");  // a cut sequence is not read past the end
}

}  // namespace
