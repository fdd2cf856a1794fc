// [[survey]]: a questionnaire whose exports fill inputs of the definition.
#include "definition/survey_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "definition/definition_loader.h"

namespace {

using Strings = std::vector<std::string>;

constexpr std::string_view k_head = R"([definition]
id = "s"
version = "1"
title = "Анкета"
periodicity = "half_year"

[[direction]]
id = "M"
name = "Методическая работа"
)";

// Lines 11-19: the survey; 21-27 its first question; 29-34 the second.
constexpr std::string_view k_survey = R"(
[[survey]]
id = "teachers"
title = "Анкета педагога"
respondents = "teachers"
school_question = "Ваша школа"
respondents_input = "answered"
registry_input = "teachers_total"
min_response_rate = 50
direction = "M"

[[survey.question]]
id = "digital"
label = "Педагоги, регулярно применяющие цифровые ресурсы"
text = "Как часто вы применяете цифровые ресурсы?"
kind = "choice"
choices = ["Регулярно", "Иногда", "Не применяю"]
counts = ["Регулярно"]

[[survey.question]]
id = "satisfied"
text = "Оцените методическую поддержку"
kind = "scale"
scale = [1, 5]
at_least = 4
)";

constexpr std::string_view k_indicator = R"(
[[indicator]]
id = "digital_share"
name = "Доля применяющих цифровые ресурсы"
kind = "share"
numerator = "digital"
denominator = "teachers_total"
)";

Strings errors_of(const std::string& toml) {
  const auto loaded = definition::parse_definition(toml, "s.toml");
  Strings out;
  if (!loaded) {
    for (const auto& d : loaded.error()) out.push_back(model::to_string(d));
  }
  return out;
}

// `k_survey` with `from` replaced by `to` (a line of it).
std::string survey_with(std::string_view from, std::string_view to) {
  std::string s(k_survey);
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return std::string(k_head) + s + std::string(k_indicator);
}

TEST(SurveyLoaderTest, LoadsASurveyAsInputsWithoutAForm) {
  const auto loaded = definition::parse_definition(std::string(k_head) + std::string(k_survey) + std::string(k_indicator), "s.toml");
  ASSERT_TRUE(loaded) << model::to_string(loaded.error().front());
  const auto& def = loaded->definition;
  ASSERT_EQ(def.surveys.size(), 1u);
  const auto& s = def.surveys[0];
  EXPECT_EQ(s.respondents, model::Respondents::teachers);
  EXPECT_EQ(s.min_response_rate, 50.0);
  ASSERT_EQ(s.questions.size(), 2u);
  EXPECT_EQ(s.questions[0].kind, model::QuestionKind::choice);
  EXPECT_EQ(s.questions[0].counted, (Strings{"Регулярно"}));
  EXPECT_EQ(s.questions[1].label, "Оцените методическую поддержку");  // the text when no label
  EXPECT_EQ(s.questions[1].at_least, 4);
  EXPECT_FALSE(def.has_form());
  Strings inputs;
  for (const auto& in : def.inputs) inputs.push_back(in.id + " " + in.survey + " " + in.label);
  EXPECT_EQ(inputs, (Strings{"answered teachers Педагоги, ответившие на анкету «Анкета педагога» (чел.)",
                             "teachers_total teachers Педагогические работники ОО по реестру школ (чел.)",
                             "digital teachers Педагоги, регулярно применяющие цифровые ресурсы",
                             "satisfied teachers Оцените методическую поддержку"}));
  EXPECT_EQ(def.find_input("digital")->not_more_than, "answered");
  EXPECT_EQ(def.find_input("answered")->not_more_than, "teachers_total");
  EXPECT_EQ(def.find_input("digital")->direction, "M");
  EXPECT_TRUE(loaded->warnings.size() == 1) << loaded->warnings.size();  // no targets: the usual one
}

TEST(SurveyLoaderTest, YesNoCountsYesUnlessTold) {
  const auto toml = survey_with("kind = \"scale\"\nscale = [1, 5]\nat_least = 4", "kind = \"yesno\"\ncounts = [\"нет\"]");
  const auto loaded = definition::parse_definition(toml, "s.toml");
  ASSERT_TRUE(loaded) << model::to_string(loaded.error().front());
  EXPECT_EQ(loaded->definition.surveys[0].questions[1].counted, (Strings{"Нет"}));
  EXPECT_EQ(loaded->definition.surveys[0].questions[1].choices, (Strings{"Да", "Нет"}));
}

TEST(SurveyLoaderTest, ReportsEachMistakeAtItsLine) {
  EXPECT_EQ(errors_of(survey_with("respondents = \"teachers\"", "respondents = \"pupils\"")),
            (Strings{"s.toml:14 [survey[1].respondents]: недопустимое значение ключа «respondents» в [[survey]], "
                     "найдено «pupils». Как исправить: допустимые значения: teachers, administration"}));
  EXPECT_EQ(errors_of(survey_with("school_question = \"Ваша школа\"\n", "")),
            (Strings{"s.toml:11 [survey[1].school_question]: в [[survey]] не указан обязательный ключ «school_question». "
                     "Как исправить: добавьте строку school_question = \"…\""}));
  EXPECT_EQ(errors_of(survey_with("counts = [\"Регулярно\"]", "counts = [\"Часто\"]")),
            (Strings{"s.toml:27 [survey[1].question[1].counts]: вопрос «digital»: засчитываемого ответа «Часто» нет "
                     "среди вариантов, найдено «Часто». Как исправить: варианты вопроса: Регулярно, Иногда, Не "
                     "применяю"}));
  EXPECT_EQ(errors_of(survey_with("\"Иногда\", \"Не", "\"иногда!\", \"Иногда\", \"Не")),
            (Strings{"s.toml:26 [survey[1].question[1].choices]: вопрос «digital»: варианты «иногда!» и «Иногда» не "
                     "различить (они отличаются только регистром, знаками или пробелами), найдено «Иногда». Как "
                     "исправить: оставьте один из них"}));
  EXPECT_EQ(errors_of(survey_with("scale = [1, 5]", "scale = [5, 1]")),
            (Strings{"s.toml:33 [survey[1].question[2].scale]: вопрос «satisfied»: шкала должна идти от меньшего "
                     "числа к большему (не больше 100 шагов), найдено «[ 5, 1 ]». Как исправить: запишите, например, "
                     "scale = [1, 5]",
                     "s.toml:34 [survey[1].question[2].at_least]: вопрос «satisfied»: at_least должен быть целым "
                     "числом в пределах шкалы, найдено «4». Как исправить: укажите балл шкалы, начиная с которого ответ "
                     "засчитывается"}));
  EXPECT_EQ(errors_of(survey_with("kind = \"choice\"", "kind = \"radio\"")).size(), 1u);
}

TEST(SurveyLoaderTest, RegistryTeachersAndTheResponseRateBelongToATeachersSurvey) {
  EXPECT_EQ(errors_of(survey_with("respondents = \"teachers\"", "respondents = \"administration\"")),
            (Strings{"s.toml:17 [survey[1].registry_input]: анкета «teachers»: число педагогов из реестра — "
                     "знаменатель только анкеты педагогов. Как исправить: для анкеты административной команды удалите "
                     "registry_input; доли считаются от числа ответивших"}));
  EXPECT_EQ(errors_of(survey_with("min_response_rate = 50", "min_response_rate = 150")),
            (Strings{"s.toml:18 [survey[1].min_response_rate]: анкета «teachers»: порог охвата должен быть больше 0 и "
                     "не больше 100 (%). Как исправить: укажите процент без знака «%», например min_response_rate = 50"}));
}

TEST(SurveyLoaderTest, AQuestionsInputIdMustBeFreeAndTheirColumnsToldApart) {
  const std::string with_form = std::string(k_head) + R"(
[[input]]
id = "digital"
label = "Цифровые ресурсы"
kind = "count"
)" + std::string(k_survey) + std::string(k_indicator);
  const auto errors = errors_of(with_form);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("id «digital» повторяется среди полей формы (input): впервые объявлен в строке 12"),
            std::string::npos)
      << errors[0];
  EXPECT_EQ(errors_of(survey_with("text = \"Оцените методическую поддержку\"", "text = \"КАК часто вы применяете цифровые ресурсы\"")),
            (Strings{"s.toml:31 [survey[1].question[2].text]: вопрос «satisfied» записан так же, как вопрос "
                     "«digital»: столбцы выгрузки не различить. Как исправить: если в форме они различаются, укажите у "
                     "вопроса column = \"…\" — заголовок столбца в выгрузке"}));
}

TEST(SurveyLoaderTest, AFormFieldCannotBeBoundedByASurveysCount) {
  const std::string toml = std::string(k_head) + R"(
[[input]]
id = "events"
label = "Мероприятия"
kind = "count"
not_more_than = "answered"
)" + std::string(k_survey) + std::string(k_indicator);
  const auto errors = errors_of(toml);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("поле формы нельзя ограничить числом «answered» из анкеты"), std::string::npos) << errors[0];
}

TEST(SurveyLoaderTest, ASurveyWithoutQuestionsIsReported) {
  const std::string toml = std::string(k_head) + std::string(k_survey.substr(0, k_survey.find("[[survey.question]]"))) +
                           R"(
[[indicator]]
id = "n"
name = "Ответившие"
kind = "count"
input = "answered"
)";
  EXPECT_EQ(errors_of(toml), (Strings{"s.toml:11 [survey[1]]: в анкете «teachers» нет ни одного вопроса "
                                      "[[survey.question]]. Как исправить: добавьте после [[survey]] вопросы: "
                                      "[[survey.question]] с ключами id, text, kind"}));
}

}  // namespace
