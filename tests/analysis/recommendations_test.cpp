#include "analysis/recommendations.h"

#include <gtest/gtest.h>

#include "analysis_fixture.h"
#include "support/russian_text.h"

namespace {

model::Definition make_definition() {
  return test::DefinitionBuilder()
      .direction("D1", "Выявление профессиональных дефицитов")
      .direction("D3", "Молодые педагоги и наставничество")
      .share("diag", "D1", {{2026, 80}})
      .share("network", "D3")
      .yesno("mentoring_doc", "D3", "Наличие Положения о наставничестве", {{2026, 100}})
      .build();
}

struct Recommended {
  model::Definition def;
  std::vector<model::Submission> subs;
  std::vector<analysis::SchoolRecommendations> recs;

  Recommended(std::vector<model::Submission> s, const std::vector<analysis::PeriodValues>& history = {},
              model::Definition d = make_definition())
      : def(std::move(d)), subs(std::move(s)) {
    std::vector<std::string> ids;
    for (const auto& x : subs) ids.push_back(x.school_id);
    const auto registry = test::registry_of(ids);
    const auto summary = aggregate::summarize(def, registry, subs, *model::parse_period("2026-11"));
    std::map<std::string, const model::Submission*> by_school;
    for (const auto& x : subs) by_school[x.school_id] = &x;
    const auto dyn = analysis::compute_dynamics(def, summary, history);
    recs = analysis::recommend(def, registry, summary, by_school, dyn);
  }
};

TEST(RecommendationsTest, DefaultRulesNameTheFigures) {
  const Recommended r({test::SubmissionBuilder("a").share("diag", 45).share("network", 20)
                   .yes("doc_mentoring_doc", false).build(),
               test::SubmissionBuilder("b").share("diag", 90).share("network", 40)
                   .yes("doc_mentoring_doc", true).build(),
               test::SubmissionBuilder("c").share("diag", 85).share("network", 30)
                   .yes("doc_mentoring_doc", true).build()});
  ASSERT_EQ(r.recs.size(), 3u);
  const auto& a = r.recs[0];
  EXPECT_EQ(a.school_name, "ОО a");
  ASSERT_EQ(a.directions.size(), 2u);
  EXPECT_EQ(a.directions[0].direction_name, "Выявление профессиональных дефицитов");
  ASSERT_EQ(a.directions[0].items.size(), 1u);
  EXPECT_EQ(a.directions[0].items[0].text,
            "Доля diag — 45,0 % при целевом значении 2026 года 80 % (отставание 35,0 п.п.). "
            "Включить в план методической работы ОО меры по достижению целевого значения, "
            "использовать опыт ОО, достигших его.");
  ASSERT_EQ(a.directions[1].items.size(), 2u);
  // Median of network: 30; a has 20.
  EXPECT_EQ(a.directions[1].items[0].text,
            "Доля network — 20,0 % при медиане по муниципалитету 30,0 % (ниже на 10,0 п.п.). "
            "Проанализировать причины отставания и перенять практики ОО с лучшими значениями.");
  // The form's answer is not quoted as a sentence («— «Нет»: разработать…»).
  EXPECT_EQ(a.directions[1].items[1].text,
            "В форме ОО не подтверждено: «Наличие Положения о наставничестве». Разработать и "
            "утвердить необходимый документ (организовать работу) и представить подтверждение в "
            "методическую службу.");
  for (const auto& d : a.directions) {
    for (const auto& item : d.items) EXPECT_EQ(test::describe_faults(item.text), "") << item.text;
  }
  EXPECT_EQ(a.count(), 3u);
  EXPECT_EQ(r.recs[1].count(), 0u);  // b meets the target, is above the median, has the document
  EXPECT_EQ(r.recs[2].count(), 0u);  // c: at the median is not below it
}

TEST(RecommendationsTest, DefinitionRulesWithSchoolAndDynamics) {
  auto def = make_definition();
  model::Rubric rubric;
  model::RecommendationRule rule;
  rule.when = model::RecommendationWhen::no_positive_dynamics;
  rule.indicator = "network";
  rule.text = "{school}: {indicator} {value}, было {previous} ({change}); цель {target}.";
  rubric.recommendations = {rule};
  def.rubric = rubric;
  analysis::PeriodValues prev;
  prev.period = "2026-10";
  prev.values["a"]["network"] = 31;
  prev.values["b"]["network"] = 35;
  const Recommended r({test::SubmissionBuilder("a").share("network", 20).share("diag", 90).build(),
                       test::SubmissionBuilder("b").share("network", 40).share("diag", 90).build()},
                      {prev}, def);
  const auto& recs = r.recs;
  ASSERT_EQ(recs.size(), 2u);
  ASSERT_EQ(recs[0].count(), 1u);
  EXPECT_EQ(recs[0].directions[0].items[0].text,
            "ОО a: Доля network 20,0 %, было 31,0 % (\u221211,0 п.п.); цель —.");
  EXPECT_EQ(recs[1].count(), 0u);  // b improved from 35 to 40
}

// Only gaps that matter: 3 p.p. below the median is noise with the default
// min_gap of 5; a definition may lower the threshold, per rule or for all.
TEST(RecommendationsTest, SmallGapsAreNotWorthARecommendation) {
  const std::vector<model::Submission> subs = {
      test::SubmissionBuilder("a").share("diag", 78).share("network", 27).yes("doc_mentoring_doc", true).build(),
      test::SubmissionBuilder("b").share("diag", 90).share("network", 30).yes("doc_mentoring_doc", true).build(),
      test::SubmissionBuilder("c").share("diag", 85).share("network", 40).yes("doc_mentoring_doc", true).build()};
  EXPECT_EQ(Recommended(subs).recs[0].count(), 0u);  // 2 p.p. below target, 3 below the median
  auto def = make_definition();
  def.rubric = model::Rubric{};
  def.rubric->recommendation_settings.min_gap = 2;
  EXPECT_EQ(Recommended(subs, {}, def).recs[0].count(), 2u);
  model::RecommendationRule rule;
  rule.when = model::RecommendationWhen::below_median;
  rule.indicator = "network";
  rule.text = "{indicator}: {value}.";
  rule.min_gap = 3;
  def.rubric->recommendation_settings.min_gap = 50;
  def.rubric->recommendations = {rule};
  EXPECT_EQ(Recommended(subs, {}, def).recs[0].count(), 1u);
}

// Ranked: below target first, then missing documents, then below the median;
// a larger gap before a smaller one. «Лучше меньше» is worded as such.
TEST(RecommendationsTest, RankedByImportanceAndWorstGapFirst) {
  auto def = test::DefinitionBuilder()
                 .direction("D1", "Д1")
                 .share("small", "D1")
                 .share("big", "D1")
                 .share("lower", "D1", {}, model::Better::lower)
                 .share("target", "D1", {{2026, 90}})
                 .yesno("doc", "D1", "Наличие положения")
                 .build();
  def.municipality = "Балахтинский район";
  const Recommended r({test::SubmissionBuilder("a").share("small", 40).share("big", 10).share("lower", 60)
                           .share("target", 70).yes("doc_doc", false).build(),
                       test::SubmissionBuilder("b").share("small", 50).share("big", 50).share("lower", 30)
                           .share("target", 95).yes("doc_doc", true).build(),
                       test::SubmissionBuilder("c").share("small", 60).share("big", 60).share("lower", 20)
                           .share("target", 95).yes("doc_doc", true).build()},
                      {}, def);
  const auto ranked = r.recs[0].ranked();
  ASSERT_EQ(ranked.size(), 5u);
  EXPECT_EQ(ranked[0]->indicator_id, "target");
  EXPECT_EQ(ranked[1]->when, model::RecommendationWhen::document_missing);
  EXPECT_EQ(ranked[2]->indicator_id, "big");    // 40 p.p. below the median
  EXPECT_EQ(ranked[3]->indicator_id, "lower");  // 30 p.p. above it, less is better
  EXPECT_EQ(ranked[4]->indicator_id, "small");  // 10 p.p.
  EXPECT_EQ(ranked[3]->text,
            "Доля lower — 60,0 % при медиане по району 30,0 % (выше на 30,0 п.п., а лучше меньше). "
            "Проанализировать причины отставания и перенять практики ОО с лучшими значениями.");
}

TEST(RecommendationsTest, FillTemplateKeepsUnknownNames) {
  EXPECT_EQ(analysis::fill_template("{a} и {b} {", {{"a", "1"}}), "1 и {b} {");
}

TEST(RecommendationsTest, DefaultRulesSkipCounts) {
  auto def = make_definition();
  model::IndicatorDef count;
  count.id = "n";
  count.kind = model::IndicatorKind::count;
  def.indicators.push_back(count);
  const auto rules = analysis::default_rules(def);
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].when, model::RecommendationWhen::below_target);
  EXPECT_EQ(rules[1].when, model::RecommendationWhen::below_median);
  EXPECT_EQ(rules[2].when, model::RecommendationWhen::document_missing);
  EXPECT_EQ(rules[2].input, "doc_mentoring_doc");
}

}  // namespace
