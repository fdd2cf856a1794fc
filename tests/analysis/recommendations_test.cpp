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
    summary = aggregate::summarize(def, registry, subs, *model::parse_period("2026-11"));
    std::map<std::string, const model::Submission*> by_school;
    for (const auto& x : subs) by_school[x.school_id] = &x;
    dyn = analysis::compute_dynamics(def, summary, history);
    rules = analysis::effective_rules(def);
    recs = analysis::recommend(def, registry, summary, by_school, dyn, rules);
  }
  aggregate::Summary summary;
  analysis::Dynamics dyn;
  std::vector<model::RecommendationRule> rules;

  std::string text(const analysis::SchoolRecommendations& s, const analysis::Recommendation& item) const {
    return analysis::recommendation_text(def, summary, dyn, rules, s, item);
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
  EXPECT_EQ(r.text(a, a.directions[0].items[0]),
            "Доля diag — 45,0 % при целевом значении 2026 года 80 % (отставание 35,0 п.п.). "
            "Включить в план методической работы ОО меры по достижению целевого значения.");
  ASSERT_EQ(a.directions[1].items.size(), 2u);
  // network: 20, 30, 40; the lower quartile is 25 and a's 20 is under it.
  EXPECT_EQ(r.text(a, a.directions[1].items[0]),
            "Доля network — 20,0 %, в нижней четверти значений ОО (медиана по муниципалитету 30,0 %). "
            "Проанализировать причины и перенять практики ОО с лучшими значениями.");
  EXPECT_EQ(a.directions[1].items[0].when, model::RecommendationWhen::bottom_quartile);
  // The form's answer is not quoted as a sentence («— «Нет»: разработать…»).
  EXPECT_EQ(r.text(a, a.directions[1].items[1]),
            "В форме ОО не подтверждено: «Наличие Положения о наставничестве». Разработать и "
            "утвердить необходимый документ (организовать работу) и представить подтверждение в "
            "методическую службу.");
  for (const auto& d : a.directions) {
    for (const auto& item : d.items) EXPECT_EQ(test::describe_faults(r.text(a, item)), "") << r.text(a, item);
  }
  EXPECT_EQ(a.count(), 3u);
  EXPECT_EQ(r.recs[1].count(), 0u);  // b meets the target, is above the median, has the document
  EXPECT_EQ(r.recs[2].count(), 0u);  // c: at the median is not in the worst quarter
}

// Every shortfall is answered: each missed target (however small the gap),
// each value in the worst quarter and each «Нет», by the method's own rule
// when it has one for that indicator, otherwise by a completing rule in the
// indicator's direction; one answer per school and indicator.
TEST(RecommendationsTest, EveryMissedTargetAndEveryNoIsAnswered) {
  auto def = make_definition();
  def.rubric = model::Rubric{};
  model::RecommendationRule own;  // the method speaks of network only
  own.when = model::RecommendationWhen::below_median;
  own.indicator = "network";
  own.text = "{indicator}: {value}. Включить педагогов в работу сетевых сообществ.";
  def.rubric->recommendations = {own};
  std::vector<model::Submission> subs;
  // diag: 79.9 (misses 80 by 0,1), 45, 90, 85, 60; network spread; «Нет» at two schools.
  const double diag[] = {79.9, 45, 90, 85, 60};
  const double networks[] = {30, 20, 40, 35, 10};
  const bool doc[] = {true, false, true, false, true};
  for (int i = 0; i < 5; ++i) {
    subs.push_back(test::SubmissionBuilder("s" + std::to_string(i + 1))
                       .share("diag", diag[i])
                       .share("network", networks[i])
                       .yes("doc_mentoring_doc", doc[i])
                       .build());
  }
  const Recommended r(subs, {}, def);
  for (std::size_t i = 0; i < r.recs.size(); ++i) {
    const auto& s = r.recs[i];
    std::map<std::string, int> answers;  // indicator or input -> recommendations
    for (const auto& d : s.directions) {
      for (const auto& item : d.items) ++answers[item.indicator_id.empty() ? item.input_id : item.indicator_id];
    }
    const auto* v = r.summary.value(s.school_id, "diag");
    const bool missed = v->status == aggregate::TargetStatus::not_met;
    EXPECT_EQ(answers["diag"], missed ? 1 : 0) << s.school_id;
    EXPECT_EQ(answers["doc_mentoring_doc"], doc[i] ? 0 : 1) << s.school_id;
    EXPECT_LE(answers["network"], 1) << s.school_id;
    for (const auto& d : s.directions) {
      for (const auto& item : d.items) EXPECT_EQ(test::describe_faults(r.text(s, item)), "") << r.text(s, item);
    }
  }
  // s1 misses by 0,1 p.p.: answered although far below min_gap.
  ASSERT_EQ(r.recs[0].count(), 1u);
  EXPECT_EQ(r.text(r.recs[0], r.recs[0].directions[0].items[0]).substr(0, 64),
            std::string("Доля diag — 79,9 % при целевом значении 2026 года 80 % (отставание 0,1 п.п.)").substr(0, 64));
  // network 10 (s5) is both below the median by 20 and in the worst quarter: the
  // method's own rule answers it, and no completing rule repeats it.
  const auto& s5 = r.recs[4];
  int network = 0;
  for (const auto& d : s5.directions) {
    for (const auto& item : d.items) {
      if (item.indicator_id != "network") continue;
      ++network;
      EXPECT_FALSE(r.rules[item.rule].completing);
      EXPECT_EQ(r.text(s5, item), "Доля network: 10,0 %. Включить педагогов в работу сетевых сообществ.");
    }
  }
  EXPECT_EQ(network, 1);
}

// A lower-is-better indicator is worded as such: above its target or the
// median is the shortfall («превышение», «выше … а лучше меньше»).
TEST(RecommendationsTest, WordingFollowsTheIndicatorsDirection) {
  auto def = test::DefinitionBuilder()
                 .direction("D1", "Д1")
                 .share("deficits", "D1", {{2026, 30}}, model::Better::lower, "", "1.4")
                 .build();
  def.municipality = "Крымский район";
  const Recommended r({test::SubmissionBuilder("a").share("deficits", 45).build(),
                       test::SubmissionBuilder("b").share("deficits", 20).build(),
                       test::SubmissionBuilder("c").share("deficits", 25).build()},
                      {}, def);
  ASSERT_EQ(r.recs[0].count(), 1u);
  EXPECT_EQ(r.text(r.recs[0], r.recs[0].directions[0].items[0]),
            "Доля deficits — 45,0 % при целевом значении 2026 года не более 30 % (превышение 15,0 п.п.). "
            "Включить в план методической работы ОО меры по снижению значения до целевого.");
  EXPECT_EQ(r.recs[1].count(), 0u);  // 20 is the best value
  EXPECT_EQ(r.recs[2].count(), 0u);  // 25: at the median, within the target
}

// «68,8 % при цели 90 % (отставание 21,2 п.п.)»: the gap is the difference of
// the printed values (68,75 prints as 68,8), not 21,25 rounded to 21,3.
TEST(RecommendationsTest, GapIsTheDifferenceOfThePrintedValues) {
  auto def = test::DefinitionBuilder().direction("D1", "Д1").share("young", "D1", {{2026, 90}}).build();
  const Recommended r({test::SubmissionBuilder("a").share("young", 68.75, 80).build(),
                       test::SubmissionBuilder("b").share("young", 95).build()},
                      {}, def);
  ASSERT_EQ(r.recs[0].count(), 1u);
  EXPECT_EQ(r.text(r.recs[0], r.recs[0].directions[0].items[0]).substr(0, 80),
            std::string("Доля young — 68,8 % при целевом значении 2026 года 90 % (отставание 21,2 п.п.)")
                .substr(0, 80));
  EXPECT_NEAR(*r.summary.value("a", "young")->gap, -21.2, 1e-9);
}

// A share from a small denominator is named with its counts.
TEST(RecommendationsTest, SmallDenominatorIsGivenWithItsCounts) {
  auto def = test::DefinitionBuilder().direction("D1", "Д1").share("young", "D1", {{2026, 90}}).build();
  const Recommended r({test::SubmissionBuilder("a").share("young", 50, 2).build(),
                       test::SubmissionBuilder("b").share("young", 95).build()},
                      {}, def);
  ASSERT_EQ(r.recs[0].count(), 1u);
  EXPECT_NE(r.text(r.recs[0], r.recs[0].directions[0].items[0]).find("Доля young — 50,0 % (1 из 2) при целевом"),
            std::string::npos)
      << r.text(r.recs[0], r.recs[0].directions[0].items[0]);
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
  EXPECT_EQ(r.text(recs[0], recs[0].directions[0].items[0]),
            "ОО a: Доля network 20,0 %, было 31,0 % (\u221211,0 п.п.); цель —.");
  EXPECT_EQ(recs[1].count(), 0u);  // b improved from 35 to 40
}

// The method's own rules fire only on gaps that matter: 3 p.p. below the
// median is noise with the default min_gap of 5; a definition may lower the
// threshold, per rule or for all. A missed target is answered whatever its gap.
TEST(RecommendationsTest, SmallGapsAreNotWorthAMethodsRule) {
  const std::vector<model::Submission> subs = {
      test::SubmissionBuilder("a").share("diag", 78).share("network", 29).yes("doc_mentoring_doc", true).build(),
      test::SubmissionBuilder("b").share("diag", 90).share("network", 30).yes("doc_mentoring_doc", true).build(),
      test::SubmissionBuilder("c").share("diag", 85).share("network", 40).yes("doc_mentoring_doc", true).build(),
      test::SubmissionBuilder("d").share("diag", 85).share("network", 28).yes("doc_mentoring_doc", true).build()};
  auto def = make_definition();
  def.rubric = model::Rubric{};
  model::RecommendationRule rule;
  rule.when = model::RecommendationWhen::below_median;
  rule.indicator = "network";
  rule.text = "{indicator}: {value}.";
  def.rubric->recommendations = {rule};
  // network: 28, 29, 30, 40 — median 29,5; d is 1,5 p.p. below: not worth the method's rule.
  const auto by_default = Recommended(subs, {}, def);
  const auto count_own = [](const Recommended& r, std::size_t school) {
    int n = 0;
    for (const auto& d : r.recs[school].directions) {
      for (const auto& item : d.items) n += r.rules[item.rule].completing ? 0 : 1;
    }
    return n;
  };
  EXPECT_EQ(count_own(by_default, 3), 0);
  ASSERT_EQ(by_default.recs[0].count(), 1u);  // a: 2 p.p. below the target of 80, answered
  EXPECT_EQ(by_default.recs[0].directions[0].items[0].when, model::RecommendationWhen::below_target);
  def.rubric->recommendations[0].min_gap = 1;
  EXPECT_EQ(count_own(Recommended(subs, {}, def), 3), 1);
  def.rubric->recommendations[0].min_gap.reset();
  def.rubric->recommendation_settings.min_gap = 1;
  EXPECT_EQ(count_own(Recommended(subs, {}, def), 3), 1);
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
  EXPECT_EQ(r.text(r.recs[0], *ranked[3]),
            "Доля lower — 60,0 %, в четверти наибольших значений ОО, а лучше меньше (медиана по району "
            "30,0 %). Проанализировать причины и перенять практики ОО с лучшими значениями.");
}

TEST(RecommendationsTest, CommonAdviceLeavesOutEachSchoolsFigures) {
  auto def = make_definition();
  model::RecommendationRule rule;
  rule.when = model::RecommendationWhen::below_target;
  rule.indicator = "diag";
  rule.text = "{indicator}: {value} при цели {target} (отставание {gap}). Провести диагностику в {year} году. "
              "Для {school} — отдельно.";
  EXPECT_EQ(analysis::common_advice(rule, def, 2026), "Провести диагностику в 2026 году.");
  rule.text = "Нет Положения о наставничестве: разработать и утвердить Положение.";
  EXPECT_EQ(analysis::common_advice(rule, def, 2026), rule.text);
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
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].when, model::RecommendationWhen::below_target);     // diag has targets
  EXPECT_EQ(rules[1].when, model::RecommendationWhen::bottom_quartile);  // diag
  EXPECT_EQ(rules[2].when, model::RecommendationWhen::bottom_quartile);  // network
  EXPECT_EQ(rules[3].when, model::RecommendationWhen::document_missing);
  EXPECT_EQ(rules[3].input, "doc_mentoring_doc");
  for (const auto& rule : rules) EXPECT_TRUE(rule.completing);
}

}  // namespace
