#include "mail/letter.h"

#include <gtest/gtest.h>

namespace {

using mail::Figure;
using mail::FigureChange;

TEST(LetterTest, ComparesFiguresByLabel) {
  const std::vector<Figure> before = {{"1.1", "45,0 %"}, {"1.2", "3"}, {"1.3", "Да"}};
  const std::vector<Figure> after = {{"1.2", "4"}, {"1.1", "45,0 %"}, {"1.4", "10"}};
  EXPECT_EQ(mail::compare_figures(before, after),
            (std::vector<FigureChange>{{"1.2", "3", "4"}, {"1.4", "", "10"}, {"1.3", "Да", ""}}));
  EXPECT_TRUE(mail::compare_figures(before, before).empty());
}

TEST(LetterTest, FiguresRoundTripWithAwkwardText) {
  const std::vector<Figure> figures = {{"СОШ № 1: 1.1 «Доля»", "45,0 % (9 из 20)"}, {"a\tb", "c\nd\\e\r"}};
  const auto text = mail::format_figures(figures);
  EXPECT_EQ(text, "СОШ № 1: 1.1 «Доля»\t45,0 % (9 из 20)\na\\tb\tc\\nd\\\\e\\r\n");
  const auto back = mail::parse_figures(text, "01.figures.tsv");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, figures);
  const auto broken = mail::parse_figures("a\tb\nno tab here\n", "01.figures.tsv");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().where.line, 2);
}

TEST(LetterTest, DigestFollowsTheFiguresOnly) {
  EXPECT_EQ(mail::figures_digest({}), "");
  const auto a = mail::figures_digest({{"1.1", "45,0 %"}});
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, mail::figures_digest({{"1.1", "45,0 %"}}));
  EXPECT_NE(a, mail::figures_digest({{"1.1", "45,1 %"}}));
}

}  // namespace
