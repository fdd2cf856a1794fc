#include "survey/answer_rules.h"

#include <gtest/gtest.h>

#include "survey_fixture.h"
#include "util/text_key.h"

namespace {

class AnswerRulesTest : public ::testing::Test {
 protected:
  test::SurveyWorld world;

  // The answer to question `q` written alone in column 0.
  survey::Answer answer(std::size_t q, const std::string& cell) {
    survey::QuestionColumns columns;
    columns.column = 0;
    return answer_in(q, columns, {cell});
  }
  survey::Answer answer_in(std::size_t q, const survey::QuestionColumns& columns, const std::vector<std::string>& cells) {
    const auto& question = world.survey().questions[q];
    std::vector<std::string> choices, counted;
    for (const auto& c : question.choices) choices.push_back(util::text_key(c));
    for (const auto& c : question.counted) counted.push_back(util::text_key(c));
    return survey::read_answer(question, columns, cells, choices, counted);
  }
  static std::string outcome(const survey::Answer& a) {
    if (a.problem) return "ошибка: " + *a.problem;
    return a.empty ? "пусто" : a.counted ? "засчитан" : "не засчитан";
  }
};

constexpr std::size_t k_scale = 0, k_choice = 1, k_checkbox = 2, k_comma_choice = 3, k_yesno = 4;

TEST_F(AnswerRulesTest, ScaleCountsFromItsThreshold) {
  EXPECT_EQ(outcome(answer(k_scale, "5")), "засчитан");
  EXPECT_EQ(outcome(answer(k_scale, "4")), "засчитан");
  EXPECT_EQ(outcome(answer(k_scale, " 4,0 ")), "засчитан");
  EXPECT_EQ(outcome(answer(k_scale, "3")), "не засчитан");
  EXPECT_EQ(outcome(answer(k_scale, "1")), "не засчитан");
  EXPECT_EQ(outcome(answer(k_scale, "")), "пусто");
  for (const char* bad : {"6", "0", "-1", "4,5", "четыре", "4 из 5"}) {
    EXPECT_EQ(outcome(answer(k_scale, bad)),
              "ошибка: ответ на вопрос «Оцените, насколько вы удовлетворены методической поддержкой» должен быть целым "
              "числом от 1 до 5")
        << bad;
  }
}

TEST_F(AnswerRulesTest, ChoiceCountsItsCountedAnswersWhateverTheirCase) {
  EXPECT_EQ(outcome(answer(k_choice, "Регулярно")), "засчитан");
  EXPECT_EQ(outcome(answer(k_choice, "регулярно ")), "засчитан");
  EXPECT_EQ(outcome(answer(k_choice, "Иногда")), "не засчитан");
  EXPECT_EQ(outcome(answer(k_choice, "Часто")),
            "ошибка: ответ не из вариантов вопроса «Как часто вы применяете цифровые ресурсы?» («Регулярно»; "
            "«Иногда»; «Не применяю»)");
  EXPECT_EQ(outcome(answer(k_comma_choice, "Да, успешно")), "засчитан");
  EXPECT_EQ(outcome(answer(k_comma_choice, "Да, но не успешно")), "не засчитан");
}

TEST_F(AnswerRulesTest, YesNoCountsYes) {
  EXPECT_EQ(outcome(answer(k_yesno, "Да")), "засчитан");
  EXPECT_EQ(outcome(answer(k_yesno, "ДА")), "засчитан");
  EXPECT_EQ(outcome(answer(k_yesno, "Нет")), "не засчитан");
  EXPECT_EQ(outcome(answer(k_yesno, "yes")), "засчитан");
  EXPECT_NE(outcome(answer(k_yesno, "Иногда")).find("ошибка"), std::string::npos);
}

TEST_F(AnswerRulesTest, GooglesCheckboxCellCountsWhenAnyChosenOptionCounts) {
  EXPECT_EQ(outcome(answer(k_checkbox, "Школьный")), "засчитан");
  EXPECT_EQ(outcome(answer(k_checkbox, "Школьный, Районный, Региональный")), "засчитан");
  EXPECT_EQ(outcome(answer(k_checkbox, "Не транслирую")), "не засчитан");
  EXPECT_EQ(outcome(answer(k_checkbox, "районный;региональный")), "засчитан");
  EXPECT_EQ(outcome(answer(k_checkbox, "")), "пусто");
  EXPECT_EQ(outcome(answer(k_checkbox, "Школьный, Федеральный")),
            "ошибка: ответ не разбирается на варианты вопроса «На каких уровнях вы транслируете опыт?» («Школьный»; "
            "«Районный»; «Региональный»; «Не транслирую»)");
}

TEST_F(AnswerRulesTest, SplitsAJoinedCellEvenWhenAChoiceHoldsAComma) {
  const std::vector<std::string> keys = {util::text_key("Да, успешно"), util::text_key("Нет"),
                                         util::text_key("Да")};
  EXPECT_EQ(survey::split_options("Да, успешно, Нет", keys), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(survey::split_options("Нет, Да", keys), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(survey::split_options("Да, успешно", keys), (std::vector<std::size_t>{0}));
  EXPECT_FALSE(survey::split_options("Да, хорошо", keys));
  // «A, B» that is both one choice and two: refused rather than guessed.
  const std::vector<std::string> both = {"a", "b", util::text_key("A, B")};
  EXPECT_FALSE(survey::split_options("A, B", both));
}

TEST_F(AnswerRulesTest, YandexsColumnPerOptionCountsTheChosenOnes) {
  survey::QuestionColumns columns;
  columns.options = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {"", "Районный", "", ""})), "засчитан");
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {"1", "", "", ""})), "засчитан");
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {"", "", "+", ""})), "засчитан");
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {"", "", "", "Не транслирую"})), "не засчитан");
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {"", "-", "0", ""})), "пусто");
  EXPECT_EQ(outcome(answer_in(k_checkbox, columns, {})), "пусто");  // a short row
  const auto wrong = answer_in(k_checkbox, columns, {"", "Региональный", "", ""});
  EXPECT_EQ(outcome(wrong),
            "ошибка: в столбце варианта «Районный» вопроса «На каких уровнях вы транслируете опыт?» записано не "
            "название варианта и не отметка");
  EXPECT_EQ(wrong.column, 1u);
  EXPECT_EQ(wrong.found, "Региональный");
  columns.unknown_options = {4};
  const auto other = answer_in(k_checkbox, columns, {"Школьный", "", "", "", "Всероссийский"});
  EXPECT_NE(outcome(other).find("отмечен вариант, которого нет среди вариантов вопроса"), std::string::npos);
  EXPECT_EQ(other.column, 4u);
}

}  // namespace
