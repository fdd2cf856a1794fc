#include "analysis/analysis.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis_fixture.h"
#include "support/russian_text.h"

namespace {

// Two directions; D1: diag (target 80 in 2026, position M4); D2: network (no
// target, position M3) and a yes/no document. A tiny rubric: indicators block
// (M3, M4) and a binary documents block.
model::Definition make_definition() {
  auto def = test::DefinitionBuilder()
                 .direction("D1", "Выявление дефицитов")
                 .direction("D2", "Сетевое взаимодействие")
                 .share("diag", "D1", {{2026, 80}}, model::Better::higher, "M4", "1.1")
                 .share("network", "D2", {}, model::Better::higher, "M3", "2.1")
                 .yesno("net_doc", "D2", "Наличие положения о сетевом взаимодействии")
                 .build();
  def.title = "Мониторинг методической работы";
  model::Rubric r;
  r.title = "Оценка методической работы";
  model::RubricBlock ind;
  ind.id = "indicators";
  ind.title = "Показатели";
  ind.kind = model::RubricKind::indicator_set;
  ind.positions = {{"M3", "сеть"}, {"M4", "сопровождение"}};
  ind.computed_max = 4;
  model::RubricBlock docs;
  docs.id = "docs";
  docs.title = "Документы";
  docs.kind = model::RubricKind::binary;
  docs.positions = {{"NET", "положение"}};
  docs.params = {{"met", "Документы", 1}};
  docs.evidence["NET"]["met"].input = "doc_net_doc";
  docs.computed_max = 1;
  r.blocks = {ind, docs};
  r.computed_total = 5;
  r.clusters.k = 2;
  def.rubric = r;
  return def;
}

std::vector<model::Submission> forms() {
  return {test::SubmissionBuilder("s1").share("diag", 90).share("network", 40).yes("doc_net_doc", true).build(),
          test::SubmissionBuilder("s2").share("diag", 70).share("network", 20).yes("doc_net_doc", false).build(),
          test::SubmissionBuilder("s3").share("diag", 86).share("network", 30).yes("doc_net_doc", true).build()};
}

std::vector<analysis::PeriodValues> history() {
  analysis::PeriodValues oct;
  oct.period = "2026-10";
  oct.municipal = {{"diag", 80}, {"network", 35}};
  oct.values["s1"] = {{"diag", 85}, {"network", 45}};
  analysis::PeriodValues last_year;
  last_year.period = "2025-11";
  last_year.municipal = {{"diag", 60}, {"network", 20}};
  return {last_year, oct};
}

struct Fixture {
  model::Definition def = make_definition();
  model::Registry registry = test::registry_of({"s1", "s2", "s3", "s4"});
  aggregate::Summary summary;

  explicit Fixture(const std::vector<model::Submission>& subs) {
    summary = aggregate::summarize(def, registry, subs, *model::parse_period("2026-11"));
  }
};

TEST(AnalysisTest, AnalyticalSummaryDrawsTheConclusions) {
  const auto subs = forms();
  const Fixture f(subs);
  const auto a = analysis::analyze(f.def, f.registry, f.summary, subs, history());
  // Municipal: diag = (90 + 70 + 86) / 300 = 82 % (target 80: met); network = 30 %
  // (median 30: at the median); yes/no: 2 of 3, no target: not judged. Previous
  // period: diag 80 -> 82 (+2), network 35 -> 30 (-5). Rubric: s1, s3 5 of 5, s2 4 of 5
  // (80 % = high); municipality 5 (2 of 3 «Да»).
  const std::vector<std::string> expected = {
      "Мониторинг методической работы за ноябрь 2026 г.: формы представили 3 из 4 ОО. Нет принятой "
      "формы (не представлена или отклонена): ОО s4.",
      // One sentence for the directions, «и» before the last.
      "Результаты удовлетворительные (все показатели достигают целевых значений, а без целевых — не "
      "хуже медианы по ОО более чем на 5 п.п.) по направлениям «Выявление дефицитов» и «Сетевое "
      "взаимодействие».",
      // The period in words, not «(2026-10)».
      "Положительная динамика к октябрю 2026 г.: 1.1 «Доля diag» (+2,0 п.п.).",
      "Без положительной динамики к октябрю 2026 г.: 2.1 «Доля network» (\u22125,0 п.п.).",
      // October's history has one school's values: the comparison says the set changed.
      "Состав ОО, представивших данные, изменился (1 ОО в октябре 2026 г., 3 ОО сейчас): изменения "
      "муниципальных значений отчасти объясняются составом.",
      "Следует выявить причины отсутствия положительной динамики по направлению «Сетевое взаимодействие».",
      "Все целевые значения 2026 года по муниципалитету достигнуты.",
      "Целевого значения достигли ОО: 1.1 — 2 из 3 ОО.",
      // Groups in words: no «(2)», no z-scores, a yes/no as schools, not as «медиана 0,0 %».
      "По совокупности 3 показателей ОО объединены в две группы по сходству результатов. «Опережающая "
      "группа» — 2 ОО: ОО s1, ОО s3. Сильные стороны (лучше, чем в целом по муниципалитету): «Наличие "
      "положения о сетевом взаимодействии» (есть у 2 из 2 ОО группы против 2 из 3 ОО); 2.1 «Доля "
      "network» (медиана 35,0 % против 30,0 %); 1.1 «Доля diag» (медиана 88,0 % против 86,0 %). "
      "«Группа поддержки» — 1 ОО: ОО s2. Слабые стороны (хуже, чем в целом по муниципалитету): "
      "«Наличие положения о сетевом взаимодействии» (есть у 0 из 1 ОО группы против 2 из 3 ОО); 1.1 "
      "«Доля diag» (медиана 70,0 % против 86,0 %); 2.1 «Доля network» (медиана 20,0 % против 30,0 %).",
      "Оценка по рубрике «Оценка методической работы»: муниципалитет — 5 из 5 баллов (100,0 %, уровень "
      "«высокий»); медиана баллов ОО — 5. Уровень ОО по рубрике: высокий — 3 ОО, средний — 0 ОО, "
      "низкий — 0 ОО.",
      // Recommendations and schools counted separately, with plural forms.
      "Подготовлены адресные рекомендации: 3 рекомендации для 1 ОО.",
  };

  std::string all;
  for (const auto& p : a.summary) all += p + "\n";
  ASSERT_EQ(a.summary.size(), expected.size()) << all;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.summary[i], expected[i]) << i;
    EXPECT_EQ(test::describe_faults(a.summary[i]), "");
  }
}

TEST(AnalysisTest, SameAnalysisWhateverTheOrderOfFormsAndHistory) {
  auto subs = forms();
  const Fixture f(subs);
  const auto base = analysis::analyze(f.def, f.registry, f.summary, subs, history());
  std::reverse(subs.begin(), subs.end());
  auto h = history();
  std::reverse(h.begin(), h.end());
  const Fixture g(subs);
  const auto again = analysis::analyze(g.def, g.registry, g.summary, subs, h);
  EXPECT_EQ(again.summary, base.summary);
  EXPECT_EQ(again.method_notes, base.method_notes);
  ASSERT_TRUE(again.rubric.has_value());
  EXPECT_EQ(again.rubric->schools.size(), 3u);
  EXPECT_EQ(again.rubric->of("s2")->total, base.rubric->of("s2")->total);
}

TEST(AnalysisTest, RubricPerSchoolAndMunicipality) {
  const auto subs = forms();
  const Fixture f(subs);
  const auto a = analysis::analyze(f.def, f.registry, f.summary, subs, {});
  ASSERT_TRUE(a.rubric.has_value());
  EXPECT_EQ(a.rubric->of("s1")->total, 5);
  EXPECT_EQ(a.rubric->of("s2")->total, 4);  // no document
  EXPECT_DOUBLE_EQ(a.rubric->of("s2")->share, 80);
  EXPECT_EQ(a.rubric->municipal.total, 5);  // 2 of 3 said «Да»
  EXPECT_EQ(a.rubric->of("s4"), nullptr);  // no form, no score
  EXPECT_EQ(a.summary[2], "Данных предыдущих периодов нет: динамика показателей не оценивается.");
  // s2: below target (diag), below median (network), document missing.
  ASSERT_EQ(a.recommendations.size(), 3u);
  EXPECT_EQ(a.recommendations[1].count(), 3u);
  EXPECT_EQ(a.recommendations[1].directions[0].items[0].text.substr(0, 60),
            std::string("Доля diag — 70,0 % при целевом значении 2026 года 80 % (отставание 10,0 п.п.)")
                .substr(0, 60));
}

TEST(AnalysisTest, NoRubricNoFormsStillGivesText) {
  auto def = make_definition();
  def.rubric.reset();
  const auto registry = test::registry_of({"s1"});
  const auto summary = aggregate::summarize(def, registry, {}, *model::parse_period("2026"));
  const auto a = analysis::analyze(def, registry, summary, {}, {});
  EXPECT_FALSE(a.rubric.has_value());
  ASSERT_EQ(a.summary.size(), 1u);
  EXPECT_EQ(a.summary[0],
            "Мониторинг методической работы за 2026 год: формы представили 0 из 1 ОО. "
            "Нет принятой формы (не представлена или отклонена): ОО s1.");
  EXPECT_TRUE(a.clusters.clusters.empty());
}

}  // namespace

TEST(AnalysisTest, RubricPlacesAreComputedOnceAndEqualTotalsShareAPlace) {
  const auto subs = forms();
  const Fixture f(subs);
  const auto a = analysis::analyze(f.def, f.registry, f.summary, subs, {});
  ASSERT_TRUE(a.rubric.has_value());
  ASSERT_EQ(a.rubric->of("s3")->total, a.rubric->of("s1")->total);
  EXPECT_EQ(a.rubric->of("s1")->rank, 1);
  EXPECT_EQ(a.rubric->of("s3")->rank, 1);
  EXPECT_EQ(a.rubric->of("s2")->rank, 3);  // 1, 1, 3 as RANK.EQ
  EXPECT_FALSE(a.rubric->municipal.rank.has_value());
  ASSERT_EQ(a.recommendations_of("s2"), &a.recommendations[1]);
  EXPECT_EQ(a.recommendations_of("s4"), nullptr);  // no form
  // An index that no longer matches the scores is not trusted.
  auto edited = *a.rubric;
  std::swap(edited.schools[0], edited.schools[2]);
  EXPECT_EQ(edited.of("s1")->school_id, "s1");
  EXPECT_EQ(edited.of("s3")->school_id, "s3");
}
