#include "report/text_rows.h"

#include <gtest/gtest.h>

#include "report/book_context.h"

namespace {

std::string sentences(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "Предложение номер " + std::to_string(i + 1) +
           " о результатах мониторинга методической работы в округе. ";
  }
  out.pop_back();
  return out;
}

TEST(TextRowsTest, HeightIsLinesTimesFifteenWithASpareLineForLongTexts) {
  EXPECT_EQ(report::text_height("коротко", 50), 15);
  // 90 characters in a column 50 wide (45 a line): 2 lines.
  EXPECT_EQ(report::text_height(std::string(90, 'x'), 50), 30);
  // 180 characters: 4 lines; 270: 6 lines, plus a spare one.
  EXPECT_EQ(report::text_height(std::string(180, 'x'), 50), 60);
  EXPECT_EQ(report::text_height(std::string(270, 'x'), 50), 105);
  EXPECT_EQ(report::text_height(std::string(100'000, 'x'), 50), report::k_max_row_pt);
}

TEST(TextRowsTest, ShortTextIsOnePiece) {
  const auto pieces = report::split_for_rows("Одно предложение.", 100);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], "Одно предложение.");
  EXPECT_EQ(report::split_for_rows("", 100), std::vector<std::string>{""});
}

TEST(TextRowsTest, LongTextSplitsAtSentenceEndsAndLosesNothing) {
  const std::string text = sentences(80);  // about 6,000 characters
  const auto pieces = report::split_for_rows(text, 100);
  ASSERT_GT(pieces.size(), 1u);
  std::string joined;
  for (const auto& p : pieces) {
    EXPECT_LE(report::wrapped_lines(p, 100), report::k_max_lines_per_row);
    EXPECT_TRUE(p.ends_with('.')) << p.substr(p.size() - 20);
    joined += (joined.empty() ? "" : " ") + p;
  }
  EXPECT_EQ(joined, text);
}

TEST(TextRowsTest, TextWithoutSentencesSplitsAtSpaces) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "слово ";
  text.pop_back();
  const auto pieces = report::split_for_rows(text, 60);
  ASSERT_GT(pieces.size(), 1u);
  for (const auto& p : pieces) {
    EXPECT_FALSE(p.starts_with(' '));
    EXPECT_TRUE(p.ends_with("слово"));
  }
}

TEST(TextRowsTest, PageHeightGrowsWithWidthOnceScaledDown) {
  EXPECT_DOUBLE_EQ(report::page_height_pt(50), 450);  // fits at 100 %
  EXPECT_NEAR(report::page_height_pt(152), 450 * 152 * 7.7 / 784, 1e-9);
}

}  // namespace

namespace {

TEST(WrappedLinesTest, WrapsAtSpacesLikeASpreadsheet) {
  // Width 10: 9 characters a line. "аааа бббб" fits one line (9); a third
  // word starts a second; a word of 20 letters breaks over three lines.
  EXPECT_EQ(report::wrapped_lines("аааа бббб", 10), 1);
  EXPECT_EQ(report::wrapped_lines("аааа бббб вв", 10), 2);
  EXPECT_EQ(report::wrapped_lines(std::string(20, 'x'), 10), 3);
  EXPECT_EQ(report::wrapped_lines("ааааа ббббб ввввв", 10), 3);  // 17 characters, 3 lines
  EXPECT_EQ(report::wrapped_lines("а\nб\n", 10), 3);
  EXPECT_EQ(report::wrapped_lines("", 10), 1);
}

}  // namespace
