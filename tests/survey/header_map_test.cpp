#include "survey/header_map.h"

#include <gtest/gtest.h>

#include "survey_fixture.h"

namespace {

using Header = std::vector<std::string>;

class HeaderMapTest : public ::testing::Test {
 protected:
  test::SurveyWorld world;
  const model::SurveyDef& survey = world.survey();

  std::string errors(const survey::HeaderMap& m) {
    std::string out;
    for (const auto& e : m.errors) out += e + "\n";
    return out;
  }
};

TEST_F(HeaderMapTest, MapsGooglesColumnsByTheirQuestionTexts) {
  const auto m = survey::match_header(test::google_header(), survey);
  EXPECT_EQ(errors(m), "");
  EXPECT_EQ(m.service, survey::Service::google);
  EXPECT_EQ(m.time_column, 0u);
  EXPECT_EQ(m.email_column, 1u);
  EXPECT_EQ(m.school_column, 2u);
  EXPECT_FALSE(m.id_column);
  ASSERT_EQ(m.questions.size(), 5u);
  for (std::size_t q = 0; q < 5; ++q) EXPECT_EQ(m.questions[q].column, q + 3) << q;
  EXPECT_EQ(m.found_questions, 5);
  EXPECT_TRUE(m.unused.empty());
}

TEST_F(HeaderMapTest, IgnoresCasePunctuationYoSpacesAndTheRequiredStarAndFindsMovedColumns) {
  const Header header = {"ID", "Время создания", "Логин",
                         "участвуете ли Вы в НАСТАВНИЧЕСТВЕ *",
                         "Прошли ли вы  независимую оценку компетенций ?",
                         "Как часто вы применяете цифровые ресурсы",
                         "ВАША образовательная организация *",
                         "Оцените насколько вы удовлетворены методической поддержкой:",
                         "На каких уровнях вы транслируёте опыт?"};
  const auto m = survey::match_header(header, survey);
  EXPECT_EQ(errors(m), "");
  EXPECT_EQ(m.service, survey::Service::yandex);
  EXPECT_EQ(m.id_column, 0u);
  EXPECT_EQ(m.school_column, 6u);
  EXPECT_EQ(m.questions[0].column, 7u);
  EXPECT_EQ(m.questions[2].column, 8u);
  EXPECT_EQ(m.questions[4].column, 3u);
  EXPECT_EQ(m.unused, (std::vector<std::size_t>{2}));  // «Логин»
}

TEST_F(HeaderMapTest, FindsARenamedColumnByItsConfiguredTitle) {
  auto renamed = survey;
  renamed.questions[1].column = "Цифровые ресурсы на уроках";
  renamed.school_column = "Школа";
  Header header = test::google_header();
  header[2] = "Школа";
  header[4] = "Цифровые ресурсы на уроках";
  const auto m = survey::match_header(header, renamed);
  EXPECT_EQ(errors(m), "");
  EXPECT_EQ(m.school_column, 2u);
  EXPECT_EQ(m.questions[1].column, 4u);
}

TEST_F(HeaderMapTest, ReadsACheckboxGivenAsAColumnPerOption) {
  Header header = {"ID", "Время создания", "Ваша образовательная организация",
                   "Оцените, насколько вы удовлетворены методической поддержкой",
                   "Как часто вы применяете цифровые ресурсы?",
                   "На каких уровнях вы транслируете опыт? / Школьный",
                   "На каких уровнях вы транслируете опыт? / Районный",
                   "На каких уровнях вы транслируете опыт? [Региональный]",
                   "На каких уровнях вы транслируете опыт? / Не транслирую",
                   "На каких уровнях вы транслируете опыт? / Всероссийский",
                   "Прошли ли вы независимую оценку компетенций?", "Участвуете ли вы в наставничестве?"};
  const auto m = survey::match_header(header, survey);
  EXPECT_EQ(errors(m), "");
  const auto& sharing = m.questions[2];
  EXPECT_FALSE(sharing.column);
  EXPECT_EQ(sharing.options, (std::vector<std::pair<std::size_t, std::size_t>>{{5, 0}, {6, 1}, {7, 2}, {8, 3}}));
  EXPECT_EQ(sharing.unknown_options, (std::vector<std::size_t>{9}));  // an option the method does not know
  EXPECT_EQ(m.found_questions, 5);
}

TEST_F(HeaderMapTest, NamesAMissingQuestionByItsTextAndTheColumnThatLooksLikeIt) {
  Header header = test::google_header();
  header[4] = "Как часто вы используете цифровые ресурсы?";
  const auto m = survey::match_header(header, survey);
  ASSERT_EQ(m.errors.size(), 1u) << errors(m);
  EXPECT_EQ(m.errors[0],
            "в выгрузке нет столбца вопроса «Как часто вы применяете цифровые ресурсы?»; похожий столбец E — «Как "
            "часто вы используете цифровые ресурсы?»");
  EXPECT_EQ(m.found_questions, 4);
}

TEST_F(HeaderMapTest, RefusesAQuestionTwoColumnsAnswer) {
  Header header = test::google_header();
  header.push_back("как часто вы применяете цифровые ресурсы");
  const auto m = survey::match_header(header, survey);
  ASSERT_EQ(m.errors.size(), 1u) << errors(m);
  EXPECT_EQ(m.errors[0],
            "вопрос «Как часто вы применяете цифровые ресурсы?»: в выгрузке несколько столбцов с таким заголовком (E и "
            "I) — какой из них читать, не ясно");
}

TEST_F(HeaderMapTest, RefusesACheckboxGivenBothWays) {
  Header header = test::google_header();
  header.push_back("На каких уровнях вы транслируете опыт? / Школьный");
  const auto m = survey::match_header(header, survey);
  ASSERT_EQ(m.errors.size(), 1u) << errors(m);
  EXPECT_NE(m.errors[0].find("и столбец со всеми ответами, и столбцы по вариантам"), std::string::npos);
}

TEST_F(HeaderMapTest, RefusesAnExportWithoutTheSchoolQuestion) {
  Header header = test::google_header();
  header.erase(header.begin() + 2);
  const auto m = survey::match_header(header, survey);
  ASSERT_EQ(m.errors.size(), 1u) << errors(m);
  EXPECT_EQ(m.errors[0], "в выгрузке нет столбца вопроса о школе «Ваша образовательная организация»");
}

TEST_F(HeaderMapTest, ScoresHowMuchOfTheSurveyAHeaderHolds) {
  EXPECT_EQ(survey::header_score(test::google_header(), survey), 6);
  EXPECT_EQ(survey::header_score({"Отметка времени", "Ваш возраст", "Ваш стаж"}, survey), 0);
  EXPECT_EQ(survey::header_score({"id", "short_name", "full_name"}, survey), 0);
}

}  // namespace
