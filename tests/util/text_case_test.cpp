#include "util/text_case.h"

#include <gtest/gtest.h>

namespace {

TEST(TextCaseTest, UpperFirstCyrillicAndLatin) {
  EXPECT_EQ(util::upper_first("целое число"), "Целое число");
  EXPECT_EQ(util::upper_first("рост"), "Рост");      // р is D1 80
  EXPECT_EQ(util::upper_first("ёлка"), "Ёлка");
  EXPECT_EQ(util::upper_first("яблоко"), "Яблоко");
  EXPECT_EQ(util::upper_first("abc"), "Abc");
  EXPECT_EQ(util::upper_first("«цитата»"), "«цитата»");  // not a letter: unchanged
  EXPECT_EQ(util::upper_first(""), "");
}

TEST(TextCaseTest, LowerFirst) {
  EXPECT_EQ(util::lower_first("Мониторинг методической работы"), "мониторинг методической работы");
  EXPECT_EQ(util::lower_first("Развитие"), "развитие");  // Р is D0 A0
  EXPECT_EQ(util::lower_first("Ёж"), "ёж");
  EXPECT_EQ(util::lower_first("ОО"), "оО");  // only the first letter changes
}

TEST(TextCaseTest, SentenceCapitalisesAndEndsWithFullStop) {
  EXPECT_EQ(util::sentence("целое число от 0"), "Целое число от 0.");
  EXPECT_EQ(util::sentence("Уже есть точка. "), "Уже есть точка.");
  EXPECT_EQ(util::sentence("вопрос?"), "Вопрос?");
  EXPECT_EQ(util::join_sentences("Педагоги на дату заполнения", "целое число от 0"),
            "Педагоги на дату заполнения. Целое число от 0.");
  EXPECT_EQ(util::join_sentences("", "текст"), "Текст.");
}

TEST(TextCaseTest, LowerTextFoldsAsciiAndCyrillicCase) {
  EXPECT_EQ(util::lower_text("Форма ЁЖ Sheet"), "форма ёж sheet");
  EXPECT_EQ(util::lower_text("ПРЯ"), "пря");
  EXPECT_EQ(util::lower_text("€"), "€");
}

}  // namespace
