#include "analysis/rubric_scoring.h"

#include <gtest/gtest.h>

#include "analysis_fixture.h"

namespace {

using analysis::Level;

// M1: two indicators (one bad), M2: one good indicator with a target.
model::Definition make_definition() {
  auto db = test::DefinitionBuilder()
                .share("m1_good", "D1", {}, model::Better::higher, "M1")
                .share("m1_bad", "D1", {}, model::Better::higher, "M1")
                .share("m2_share", "D2", {{2026, 50}}, model::Better::higher, "M2")
                .yesno_input("mon_present", "Мониторинг ведётся")
                .yesno_input("mon_dates", "Сроки определены")
                .yesno_input("mon_usage", "Результаты используются");
  auto def = db.build();
  def.indicators[1].bad = true;
  return def;
}

// A block of one parameter, scored by a test of m2_share.
model::RubricBlock binary_block(const std::string& id, const std::string& title, model::RubricPosition position,
                                model::EvidenceTest test) {
  model::RubricBlock b;
  b.id = id;
  b.title = title;
  b.kind = model::RubricKind::binary;
  b.params = {{"met", title, 1}};
  b.evidence[position.id]["met"].indicator = "m2_share";
  b.evidence[position.id]["met"].test = test;
  b.positions = {std::move(position)};
  b.computed_max = 1;
  return b;
}

model::Rubric make_rubric() {
  model::Rubric r;
  model::RubricBlock ind;
  ind.id = "indicators";
  ind.title = "Показатели";
  ind.kind = model::RubricKind::indicator_set;
  ind.positions = {{"M1", "м1"}, {"M2", "м2"}};
  ind.computed_max = 4;
  model::RubricBlock mon;
  mon.id = "monitoring";
  mon.title = "Мониторинг";
  mon.kind = model::RubricKind::checklist;
  mon.positions = {{"M1", "м1"}};
  mon.params = {{"present", "Наличие", 1}, {"dates", "Сроки", 1}, {"usage", "Использование", 1}};
  mon.gate_param = "present";
  mon.bad_gate = true;
  mon.evidence["M1"]["present"].input = "mon_present";
  mon.evidence["M1"]["dates"].input = "mon_dates";
  mon.evidence["M1"]["usage"].input = "mon_usage";
  mon.computed_max = 3;
  r.blocks = {ind, mon, binary_block("results", "Результаты", {"R", "цель достигнута"}, model::EvidenceTest::meets_target)};
  r.computed_total = 8;
  return r;
}

struct Scored {
  model::Definition def = make_definition();
  model::Rubric rubric = make_rubric();
  std::vector<model::Submission> subs;
  aggregate::Summary summary;
  std::map<std::string, const model::Submission*> by_school;
  analysis::Dynamics dynamics;

  explicit Scored(std::vector<model::Submission> s) : subs(std::move(s)) {
    std::vector<std::string> ids;
    for (const auto& x : subs) ids.push_back(x.school_id);
    summary = aggregate::summarize(def, test::registry_of(ids), subs, *model::parse_period("2026-11"));
    for (const auto& x : subs) by_school[x.school_id] = &x;
  }
  analysis::RubricScore score(const std::string& school) const {
    const analysis::EvidenceContext ctx{def, summary, by_school, dynamics, 50};
    return analysis::score_rubric(rubric, ctx, school);
  }
};

TEST(RubricScoringTest, SchoolScoresEveryBlockFromItsOwnData) {
  // a: M1 good + bad reported, M2 60 % (>= 50); monitoring present, dates, no usage.
  const Scored s({test::SubmissionBuilder("a")
                      .share("m1_good", 40).share("m1_bad", 10).share("m2_share", 60)
                      .yes("mon_present", true).yes("mon_dates", true).yes("mon_usage", false)
                      .build()});
  const auto r = s.score("a");
  const auto blocks = r.blocks();
  ASSERT_EQ(blocks.size(), 3u);
  // Показатели: M1 = 1 + 1 - 1 = 1 (has a bad one), M2 = 2.
  EXPECT_EQ(blocks[0].positions[0].points, 1);
  EXPECT_EQ(blocks[0].positions[1].points, 2);
  EXPECT_EQ(blocks[0].points, 3);
  // Мониторинг: present + dates = 2.
  EXPECT_EQ(blocks[1].points, 2);
  EXPECT_EQ(blocks[1].positions[0].params[0].note, "«Да»");
  EXPECT_EQ(blocks[1].positions[0].params[2].note, "«Нет»");
  // Результаты: 60 % >= 50 %.
  EXPECT_EQ(blocks[2].points, 1);
  EXPECT_EQ(blocks[2].positions[0].params[0].note, "60,0 % при цели 50 %");
  EXPECT_EQ(r.total, 6);
  EXPECT_EQ(r.max, 8);
  EXPECT_DOUBLE_EQ(r.share, 75);
  EXPECT_EQ(r.level, Level::medium);
}

TEST(RubricScoringTest, GateZeroesTheOtherParameters) {
  const Scored s({test::SubmissionBuilder("b")
                      .share("m1_good", 40).share("m1_bad", 10).share("m2_share", 40)
                      .yes("mon_present", false).yes("mon_dates", true).yes("mon_usage", true)
                      .build()});
  const auto r = s.score("b");
  const auto blocks = r.blocks();
  const auto& pos = blocks[1].positions[0];
  EXPECT_EQ(pos.points, 0);
  EXPECT_EQ(pos.params[1].points, 0);
  EXPECT_EQ(pos.params[1].note, "не засчитано: нет «Наличие»");
  EXPECT_EQ(blocks[2].points, 0);  // 40 % < 50 %
}

TEST(RubricScoringTest, BadGateNeedsANonBadIndicatorWithAValue) {
  // Only the bad indicator of M1 has a value (the good one's denominator is 0).
  const Scored s({test::SubmissionBuilder("c")
                      .share("m1_good", 0, 0).share("m1_bad", 10).share("m2_share", 50)
                      .yes("mon_present", true).yes("mon_dates", true).yes("mon_usage", true)
                      .build()});
  const auto r = s.score("c");
  const auto blocks = r.blocks();
  EXPECT_EQ(blocks[0].positions[0].points, -1);  // a single indicator, and it is bad
  const auto& pos = blocks[1].positions[0];
  EXPECT_EQ(pos.params[0].points, 0);
  EXPECT_EQ(pos.points, 0);  // gate failed -> dates and usage do not count
  EXPECT_EQ(blocks[2].points, 1);  // exactly at the target
  EXPECT_EQ(r.total, -1 + 2 + 0 + 1);
  EXPECT_EQ(r.level, Level::low);
}

TEST(RubricScoringTest, MunicipalityScoresFromMunicipalValuesAndMajorityOfYes) {
  const Scored s({test::SubmissionBuilder("a").share("m1_good", 40).share("m1_bad", 10)
                      .share("m2_share", 30).yes("mon_present", true).yes("mon_dates", true)
                      .yes("mon_usage", false).build(),
                  test::SubmissionBuilder("b").share("m1_good", 40).share("m1_bad", 10)
                      .share("m2_share", 80).yes("mon_present", true).yes("mon_dates", false)
                      .yes("mon_usage", false).build(),
                  test::SubmissionBuilder("c").share("m1_good", 40).share("m1_bad", 10)
                      .share("m2_share", 55).yes("mon_present", false).yes("mon_dates", true)
                      .build()});
  const auto r = s.score("");
  const auto blocks = r.blocks();
  EXPECT_TRUE(r.school_id.empty());
  const auto& mon = blocks[1].positions[0];
  EXPECT_EQ(mon.params[0].points, 1);  // 2 of 3 said «Да»: 66,7 % >= 50 %
  EXPECT_EQ(mon.params[0].note, "«Да» у 2 из 3 ОО (66,7 %)");
  EXPECT_EQ(mon.params[1].points, 1);  // 2 of 3
  EXPECT_EQ(mon.params[2].points, 0);  // 0 of 3 (c left it empty: counts as «Нет»)
  // Municipal m2_share = (30 + 80 + 55) / 300 = 55 % >= 50 %.
  EXPECT_EQ(blocks[2].points, 1);
  EXPECT_EQ(r.total, 3 + 2 + 1);
}

TEST(RubricScoringTest, SchoolsShareOneNotePoolAndBlockPointsAgreeWithTheDetail) {
  const Scored s({test::SubmissionBuilder("a").share("m1_good", 40).share("m1_bad", 10)
                      .share("m2_share", 60).yes("mon_present", false).yes("mon_dates", true)
                      .yes("mon_usage", true).build(),
                  test::SubmissionBuilder("b").share("m1_good", 40).share("m2_share", 60)
                      .yes("mon_present", false).yes("mon_dates", true).build()});
  const analysis::EvidenceContext ctx{s.def, s.summary, s.by_school, s.dynamics, 50};
  const auto results = analysis::score_schools(s.rubric, ctx);
  ASSERT_EQ(results.schools.size(), 2u);
  const auto a = results.of("a")->blocks();
  const auto b = results.of("b")->blocks();
  // The same gate note for both schools is one text of the run, not two copies.
  const auto& note_a = a[1].positions[0].params[1].note;
  const auto& note_b = b[1].positions[0].params[1].note;
  EXPECT_EQ(note_a, "не засчитано: нет «Наличие»");
  EXPECT_EQ(note_a.data(), note_b.data());
  EXPECT_EQ(a[2].positions[0].params[0].note, "60,0 % при цели 50 %");
  for (const auto& score : results.schools) {
    const auto blocks = score.blocks();
    ASSERT_EQ(score.block_count(), blocks.size());
    double total = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      EXPECT_EQ(score.block_points(i), blocks[i].points) << score.school_id << " block " << i;
      total += blocks[i].points;
    }
    EXPECT_EQ(score.total, total);
  }
  EXPECT_EQ(results.of("a")->block_points(0), 1 + 2);  // M1 with a bad indicator: 1 + 1 - 1; M2: 2
  EXPECT_EQ(results.of("b")->block_points(0), 2 + 2);  // M1 without
}

TEST(RubricScoringTest, AScoreOutlivesAMoveOfItsRubric) {
  // The yearly rubric's definition is moved into the run's results after scoring.
  Scored s({test::SubmissionBuilder("a").share("m1_good", 40).share("m2_share", 60)
                .yes("mon_present", false).yes("mon_dates", true).build()});
  const auto r = s.score("a");
  const model::Rubric moved = std::move(s.rubric);
  s.rubric = model::Rubric{};  // the old object now holds an empty rubric
  const auto blocks = r.blocks();
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[1].title, moved.blocks[1].title);
  EXPECT_EQ(blocks[1].positions[0].params[1].note, "не засчитано: нет «Наличие»");
  EXPECT_EQ(r.block_points(2), 1);
}

TEST(RubricScoringTest, Levels) {
  const model::RubricLevels lv{80, 50};
  EXPECT_EQ(analysis::level_for(80, lv), Level::high);
  EXPECT_EQ(analysis::level_for(79.9, lv), Level::medium);
  EXPECT_EQ(analysis::level_for(50, lv), Level::medium);
  EXPECT_EQ(analysis::level_for(-5, lv), Level::low);
  EXPECT_EQ(analysis::level_name(Level::medium), "средний");
}

}  // namespace

namespace {

// A block «Рост» whose only parameter needs the previous period.
model::Rubric with_growth_block() {
  auto r = make_rubric();
  r.blocks.push_back(binary_block("growth", "Рост", {"G", "охват растёт"}, model::EvidenceTest::positive_dynamics));
  r.computed_total = 9;
  return r;
}

}  // namespace

// On a first run there is no previous period: the parameter is «не оценивается»
// — no point lost, and not in the maximum either (8 of 8, not 8 of 9).
TEST(RubricScoringTest, FirstRunParameterNeedingAPreviousPeriodIsNotAssessed) {
  Scored s({test::SubmissionBuilder("a")
                .share("m1_good", 40).share("m1_bad", 10).share("m2_share", 60)
                .yes("mon_present", true).yes("mon_dates", true).yes("mon_usage", false)
                .build()});
  s.rubric = with_growth_block();
  const auto first = s.score("a");
  EXPECT_EQ(first.total, 6);
  EXPECT_EQ(first.max, 8);  // 9 - the growth parameter
  EXPECT_DOUBLE_EQ(first.share, 75);
  EXPECT_EQ(first.not_assessed, 1);
  const auto blocks = first.blocks();
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[3].max, 0);
  EXPECT_EQ(blocks[3].full_max, 1);
  EXPECT_FALSE(blocks[3].positions[0].params[0].assessed);
  EXPECT_EQ(blocks[3].positions[0].params[0].note, "не оценивается: нет данных за предыдущий период");
  EXPECT_EQ(first.block_max(3), 0);
  // With a previous period the parameter is judged: growth 50 -> 60 scores.
  analysis::PeriodValues prev;
  prev.period = "2026-10";
  prev.values["a"]["m2_share"] = 50;
  s.dynamics = analysis::compute_dynamics(s.def, s.summary, {prev});
  const auto second = s.score("a");
  EXPECT_EQ(second.max, 9);
  EXPECT_EQ(second.total, 7);
  EXPECT_EQ(second.not_assessed, 0);
}

// A block every school scores alike measures the method, not a school: flagged.
TEST(RubricScoringTest, BlockEqualForEverySchoolIsFlagged) {
  const Scored s({test::SubmissionBuilder("a").share("m1_good", 40).share("m1_bad", 10).share("m2_share", 60)
                      .yes("mon_present", true).yes("mon_dates", true).build(),
                  test::SubmissionBuilder("b").share("m1_good", 30).share("m1_bad", 20).share("m2_share", 40)
                      .yes("mon_present", true).yes("mon_dates", false).build()});
  const analysis::EvidenceContext ctx{s.def, s.summary, s.by_school, s.dynamics, 50};
  const auto r = analysis::score_schools(s.rubric, ctx);
  ASSERT_EQ(r.uniform_blocks.size(), 3u);
  EXPECT_TRUE(r.uniform_blocks[0]);   // «Показатели»: 3 at both schools
  EXPECT_FALSE(r.uniform_blocks[1]);  // «Мониторинг»: 2 and 1
  EXPECT_FALSE(r.uniform_blocks[2]);  // «Результаты»: 1 and 0
}

// The municipality's level never reads better than the conclusions: «высокий»
// by points with no satisfactory direction becomes «средний», and says why.
TEST(RubricScoringTest, LevelIsReconciledWithTheConclusions) {
  analysis::RubricResults r;
  r.municipal.share = 88.2;
  r.municipal.level = analysis::Level::high;
  analysis::reconcile_level(r, true, true);
  EXPECT_EQ(r.municipal.level, analysis::Level::high);
  EXPECT_EQ(r.level_note, "");
  analysis::reconcile_level(r, false, false);  // nothing judged: nothing to disagree with
  EXPECT_EQ(r.municipal.level, analysis::Level::high);
  analysis::reconcile_level(r, true, false);
  EXPECT_EQ(r.municipal.level, analysis::Level::medium);
  EXPECT_EQ(r.level_note,
            "по сумме баллов (88,2 %) он был бы высоким, но ни по одному направлению результаты не "
            "удовлетворительные");
}
