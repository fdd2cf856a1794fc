#include "util/text_key.h"

#include <gtest/gtest.h>

namespace {

TEST(TextKeyTest, IgnoresCasePunctuationSpacesAndTrailingStar) {
  EXPECT_EQ(util::text_key("Ваша образовательная организация *"), "ваша образовательная организация");
  EXPECT_EQ(util::text_key("  ВАША   образовательная\nорганизация?"), "ваша образовательная организация");
  EXPECT_EQ(util::text_key("Оцените, насколько вы удовлетворены (1–5)"), "оцените насколько вы удовлетворены 1 5");
}

TEST(TextKeyTest, ReadsYoAsYe) {
  EXPECT_EQ(util::text_key("Приозёрная СОШ"), util::text_key("приозерная сош"));
  EXPECT_EQ(util::text_key("ЁЛКА"), "елка");
}

TEST(TextKeyTest, QuotesNumberSignAndDashesSeparateWords) {
  EXPECT_EQ(util::text_key("МБОУ «СОШ №5»"), "мбоу сош 5");
  EXPECT_EQ(util::text_key("\"Кедровская\" СОШ"), "кедровская сош");
  EXPECT_EQ(util::text_key("Более 70 %"), util::text_key("более 70%"));
  EXPECT_EQ(util::text_key("Школьный — районный"), "школьный районный");
  EXPECT_EQ(util::text_key("a\u00A0b"), "a b");  // no-break space
}

TEST(TextKeyTest, KeepsDifferentWordsApart) {
  EXPECT_NE(util::text_key("Скорее удовлетворён"), util::text_key("Скорее не удовлетворён"));
  EXPECT_EQ(util::text_key(""), "");
  EXPECT_EQ(util::text_key("*** — ***"), "");
  EXPECT_EQ(util::text_key("Café"), "café");
}

}  // namespace
