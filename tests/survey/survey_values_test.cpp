#include "survey/survey_values.h"

#include <gtest/gtest.h>

#include "aggregate/summarize.h"
#include "survey_fixture.h"

namespace {

class SurveyValuesTest : public ::testing::Test {
 protected:
  test::SurveyWorld world;

  // Per school: respondents and counted answers of each of the five questions.
  survey::SurveyCounts counts(const std::map<std::string, std::vector<int>>& by_school) {
    survey::SurveyCounts c;
    c.survey = &world.survey();
    c.schools.resize(world.registry.schools.size(), survey::SchoolCounts{0, std::vector<int>(5, 0)});
    for (const auto& [id, v] : by_school) {
      auto& s = c.schools[world.index_of(id)];
      s.respondents = v[0];
      s.counted.assign(v.begin() + 1, v.end());
    }
    return c;
  }
  model::Submission form(const std::string& school, bool acts) {
    model::Submission s;
    s.school_id = school;
    s.period = world.period.id;
    s.values["acts"].value = acts;
    s.source.name = school + ".xlsx";
    return s;
  }
  std::vector<std::string> messages(const std::vector<survey::SurveyNotice>& notices) {
    std::vector<std::string> out;
    for (const auto& n : notices) out.push_back(n.notice.message);
    return out;
  }
};

TEST_F(SurveyValuesTest, GivesEachSchoolItsCountsAndLeavesOutTooFewAnswers) {
  // Teachers by the registry: s01 40, s02 30, s03 20, s04 12, s06 18, s07 not given. Threshold 25 %.
  std::vector<model::Submission> accepted = {form("s04", true), form("s06", false)};
  const auto notices = survey::add_survey_values(
      world.definition, world.registry, world.period,
      {counts({{"s01", {12, 9, 6, 4, 2, 5}},     // 30 %: counts
               {"s02", {35, 20, 10, 5, 1, 3}},   // more than the registry's 30
               {"s03", {3, 3, 3, 3, 3, 3}},      // 15 %: below the threshold
               {"s07", {5, 1, 2, 3, 4, 5}}})},   // no teachers count
      accepted);
  std::vector<std::string> schools;
  for (const auto& s : accepted) schools.push_back(s.school_id);
  EXPECT_EQ(schools, (std::vector<std::string>{"s01", "s02", "s03", "s04", "s06", "s07"}));  // s05: nothing

  const auto& s01 = accepted[0];
  EXPECT_EQ(s01.number("answered"), 12);
  EXPECT_EQ(s01.number("teachers_total"), 40);
  EXPECT_EQ(s01.number("satisfied"), 9);
  EXPECT_EQ(s01.number("mentoring"), 5);
  EXPECT_FALSE(s01.values.contains("acts"));  // no form
  EXPECT_FALSE(s01.form);
  EXPECT_TRUE(accepted[3].form);
  const auto& s03 = accepted[2];
  EXPECT_EQ(s03.number("answered"), 3);
  EXPECT_FALSE(s03.number("satisfied"));
  EXPECT_EQ(s03.no_value.at("satisfied"), model::NoValue::low_response);
  const auto& s04 = accepted[3];
  EXPECT_EQ(s04.number("answered"), 0);
  EXPECT_EQ(s04.no_value.at("digital"), model::NoValue::no_answers);
  EXPECT_EQ(s04.yes("acts"), true);
  const auto& s07 = accepted[5];
  EXPECT_EQ(s07.no_value.at("teachers_total"), model::NoValue::no_teachers_count);
  EXPECT_EQ(s07.number("satisfied"), 1);

  EXPECT_EQ(messages(notices),
            (std::vector<std::string>{
                "анкета «Анкета педагога»: МБОУ «Балахтинская СОШ № 2»: ответивших (35) больше, чем педагогов по реестру (30)",
                "анкета «Анкета педагога»: МБОУ «Кедровская СОШ»: ответили 3 из 20 педагогов (15 %) — меньше порога 25 %: "
                "показатели анкеты по этой ОО не вычислены и в значения района не вошли",
                "анкета «Анкета педагога»: МБОУ «Приозёрная ООШ»: ответили 0 из 12 педагогов (0 %) — меньше порога 25 %: "
                "показатели анкеты по этой ОО не вычислены и в значения района не вошли",
                "анкета «Анкета педагога»: МБОУ «Таёжная СОШ № 5»: ответили 0 из 18 педагогов (0 %) — меньше порога 25 %: "
                "показатели анкеты по этой ОО не вычислены и в значения района не вошли",
                "анкета «Анкета педагога»: МБОУ «Светлогорская гимназия»: в реестре школ не указано число педагогов — "
                "доли анкеты по этой ОО не вычислены"}));
}

TEST_F(SurveyValuesTest, TheAggregationShowsWhyAValueIsMissingAndLeavesItOutOfTheDistrictFigure) {
  std::vector<model::Submission> accepted = {form("s04", true), form("s06", false)};
  survey::add_survey_values(world.definition, world.registry, world.period,
                            {counts({{"s01", {12, 9, 6, 4, 2, 5}}, {"s02", {10, 8, 5, 1, 1, 1}},
                                     {"s03", {3, 3, 3, 3, 3, 3}}, {"s07", {5, 1, 2, 3, 4, 5}}})},
                            accepted);
  const auto summary = aggregate::summarize(world.definition, world.registry, accepted, world.period);
  const auto reason = [&](const char* school, const char* indicator) {
    return aggregate::missing_reason(summary.value(school, indicator)->missing);
  };
  EXPECT_EQ(reason("s03", "satisfied_share"), "ответили меньше педагогов, чем требует порог охвата анкеты");
  EXPECT_EQ(reason("s04", "satisfied_share"), "нет ответов на анкету");
  EXPECT_EQ(reason("s07", "satisfied_share"), "в реестре не указано число педагогов");
  EXPECT_EQ(reason("s01", "acts_present"), "форма не сдана или отклонена");
  EXPECT_EQ(reason("s01", "satisfied_share"), "");
  // By hand: satisfied over the registry's teachers of the schools with a value:
  // s01 9 of 40 and s02 8 of 30 -> 17 / 70 = 24.29 %.
  const auto* st = summary.stats("satisfied_share");
  ASSERT_TRUE(st->municipal);
  EXPECT_NEAR(*st->municipal, 17.0 / 70.0 * 100.0, 1e-9);
  EXPECT_EQ(st->schools_with_value, 2);
  // Coverage is a figure of its own, low or not: s01 12/40, s02 10/30, s03 3/20, s04 0/12, s06 0/18.
  const auto* coverage = summary.stats("coverage");
  EXPECT_NEAR(*coverage->municipal, 25.0 / 120.0 * 100.0, 1e-9);
  EXPECT_NEAR(*summary.value("s03", "coverage")->value, 15.0, 1e-9);
  // The digital share is over respondents, so s07 (no teachers count) has one:
  // s01 6/12, s02 5/10, s07 2/5 -> 13/27; s03 is below the threshold, s04 and s06 have no answers.
  EXPECT_NEAR(*summary.stats("digital_share")->municipal, 13.0 / 27.0 * 100.0, 1e-9);
  EXPECT_EQ(reason("s03", "digital_share"), "ответили меньше педагогов, чем требует порог охвата анкеты");
  EXPECT_EQ(summary.school_ids, (std::vector<std::string>{"s01", "s02", "s03", "s04", "s06", "s07"}));
}

}  // namespace
