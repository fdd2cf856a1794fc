#include "analysis/analysis.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
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

model::Participation participation_of(const Fixture& f) {
  return model::participation_of(f.registry, {}, f.summary.school_ids, f.summary.missing_school_ids);
}

std::vector<std::string> summary_of(const Fixture& f, const analysis::Analysis& a) {
  return analysis::write_analytical_summary(f.def, f.registry, f.summary, a, participation_of(f));
}

TEST(AnalysisTest, AnalyticalSummaryDrawsTheConclusions) {
  const auto subs = forms();
  const Fixture f(subs);
  const auto a = analysis::analyze(f.def, f.registry, f.summary, subs, history());
  // Municipal: diag = (90 + 70 + 86) / 300 = 82 % (target 80: met; s2 misses it); network = 30 %
  // (median 30: at the median); yes/no: 2 of 3, no target: not judged. Previous
  // period: diag 80 -> 82 (+2), network 35 -> 30 (-5). Rubric: s1, s3 5 of 5, s2 4 of 5
  // (80 % = high); municipality 5 (2 of 3 «Да»); «Показатели» 4 of 4 at every school.
  // Groups (k = 2): s1 and s3 alike, s2 alone — no group of one, a profile of its own.
  const std::vector<std::string> expected = {
      "Что изучено:",
      "Формы мониторинга за ноябрь 2026 г. направлены в 4 ОО; представили формы 3 из 4 ОО, все "
      "представленные формы приняты к обработке. Изучены 3 показателя по 2 направлениям.",
      "Основные результаты:",
      // Every target reached: the table has the values, the page names none.
      "Все целевые значения 2026 года по муниципалитету достигнуты (1 показатель).",
      // One sentence for the directions, «и» before the last.
      "Результаты удовлетворительные (все показатели достигают целевых значений, а без целевых — не "
      "хуже медианы по ОО более чем на 5 п.п.) по направлениям «Выявление дефицитов» и «Сетевое "
      "взаимодействие».",
      // The period in words, not «(2026-10)».
      "Положительная динамика к октябрю 2026 г.: 1.1 «Доля diag» (+2,0 п.п.).",
      "По рубрике «Оценка методической работы» муниципалитет набрал 5 из 5 баллов (100,0 %), уровень "
      "«высокий». Уровень ОО по рубрике: высокий — 3 ОО. Блок «Показатели» (4 из 4 баллов) у всех ОО "
      "одинаков: он оценивает методику муниципалитета (её показатели), а не работу ОО.",
      "По совокупности 3 показателей 2 ОО имеют сходный профиль результатов; 1 ОО — с особым "
      "профилем, не похожим на группы.",
      // Recommendations and schools counted separately, with plural forms.
      "Подготовлены адресные рекомендации: 3 рекомендации для 1 ОО.",
      "Основные проблемы:",
      "Цели 2026 года достигли не все ОО: 1.1 «Доля diag» — 2 из 3 ОО.",
      // October's history has one school's values: the comparison says the set changed.
      "Без положительной динамики к октябрю 2026 г.: 2.1 «Доля network» (\u22125,0 п.п.). Состав ОО, "
      "представивших данные, изменился (1 ОО в октябре 2026 г., 3 ОО сейчас): изменения "
      "муниципальных значений отчасти объясняются составом.",
      "Нет положительной динамики по направлению «Сетевое взаимодействие».",
      "Ответ «Нет» в формах: «Наличие положения о сетевом взаимодействии» — 1 ОО.",
      "Не представили форму 1 ОО (ОО s4).",
      "Предлагаемые решения:",
      "1. Выявить причины отсутствия положительной динамики по направлению «Сетевое взаимодействие».",
      // s2 has all three recommendations; s1 is in the best quarter on both shares.
      "2. Оказать адресную методическую помощь ОО с наибольшим числом отставаний: ОО s2.",
      "3. Обобщить и распространить опыт ОО с лучшими значениями: по 1.1 «Доля diag» — ОО s1 (90,0 %); "
      "по 2.1 «Доля network» — ОО s1 (40,0 %).",
      // The school is named among the problems, not again here.
      "4. Обеспечить представление форм мониторинга всеми ОО: принятой формы нет у 1 ОО.",
      "5. Руководителям ОО рассмотреть результаты мониторинга и адресные рекомендации на педагогических "
      "(методических) советах и включить меры в планы методической работы.",
  };
  const auto text = summary_of(f, a);
  std::string all;
  for (const auto& p : text) all += p + "\n";
  ASSERT_EQ(text.size(), expected.size()) << all;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(text[i], expected[i]) << i;
    EXPECT_EQ(test::describe_faults(text[i]), "");
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
  EXPECT_EQ(summary_of(g, again), summary_of(f, base));
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
  const auto text = summary_of(f, a);
  EXPECT_NE(std::find(text.begin(), text.end(), "Данных предыдущих периодов нет: динамика показателей не оценивается."),
            text.end());
  // s2: below target (diag), below median (network), document missing.
  ASSERT_EQ(a.recommendations.size(), 3u);
  EXPECT_EQ(a.recommendations[1].count(), 3u);
  EXPECT_EQ(analysis::recommendation_text(f.def, f.summary, a.dynamics, a.rules, a.recommendations[1],
                                         a.recommendations[1].directions[0].items[0])
                .substr(0, 60),
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
  const auto p = model::participation_of(registry, {}, summary.school_ids, summary.missing_school_ids);
  EXPECT_EQ(analysis::write_analytical_summary(def, registry, summary, a, p),
            (std::vector<std::string>{
                "Что изучено:",
                "Формы мониторинга за 2026 год направлены в 1 ОО; представили формы 0 из 1 ОО, все "
                "представленные формы приняты к обработке.",
                "Основные проблемы:", "Не представили форму 1 ОО (ОО s1)."}));
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

// The municipality's rubric level and the conclusions on its results never
// disagree: full points for the method's own indicators and documents, but no
// direction with satisfactory results, is not «высокий».
TEST(AnalysisTest, MunicipalLevelAndConclusionsNeverDisagree) {
  // diag far below its target; network's municipal value (4 + 20 + 3) / 220 = 12,3 %
  // against a median of 30 %: neither direction is satisfactory. Rubric 5 of 5.
  const std::vector<model::Submission> subs = {
      test::SubmissionBuilder("s1").share("diag", 60).share("network", 40, 10).yes("doc_net_doc", true).build(),
      test::SubmissionBuilder("s2").share("diag", 50).share("network", 10, 200).yes("doc_net_doc", false).build(),
      test::SubmissionBuilder("s3").share("diag", 65).share("network", 30, 10).yes("doc_net_doc", true).build()};
  const Fixture f(subs);
  const auto a = analysis::analyze(f.def, f.registry, f.summary, subs, {});
  ASSERT_TRUE(a.rubric.has_value());
  EXPECT_EQ(a.rubric->municipal.total, 5);
  EXPECT_EQ(a.rubric->municipal.level, analysis::Level::medium);
  const auto findings = analysis::find_findings(f.def, f.summary, a);
  EXPECT_TRUE(findings.satisfactory.empty());
  std::string all;
  for (const auto& p : summary_of(f, a)) all += p + "\n";
  EXPECT_NE(all.find("муниципалитет набрал 5 из 5 баллов (100,0 %), уровень «средний»: по сумме баллов "
                     "(100,0 %) он был бы высоким, но ни по одному направлению результаты не "
                     "удовлетворительные."),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("Направлений с удовлетворительными результатами"), std::string::npos) << all;
  EXPECT_EQ(all.find("уровень «высокий»"), std::string::npos) << all;
  // And with the schools' levels computed as before: the rule is about the municipality.
  EXPECT_EQ(a.rubric->of("s1")->level, analysis::Level::high);
}
