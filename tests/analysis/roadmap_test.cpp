#include "analysis/roadmap.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/analysis.h"
#include "analysis/analytical_summary.h"
#include "analysis/number_text.h"
#include "analysis_fixture.h"

namespace {

struct LkRow {
  const char* code;
  const char* id;
  const char* direction;
  std::map<int, double> targets;
  double fact_2022;
};

// Seed 001 (roadmap 2022–2026) and seed 000 (facts of 2022).
const std::vector<LkRow> k_lk = {
    {"1.1", "products", "D1", {{2022, 10}, {2023, 10}, {2024, 15}, {2025, 15}, {2026, 20}}, 10},
    {"1.2", "help", "D1", {{2022, 50}, {2023, 50}, {2024, 55}, {2025, 55}, {2026, 60}}, 50},
    {"1.3", "iom", "D1", {{2022, 30}, {2023, 60}, {2024, 100}, {2025, 100}, {2026, 100}}, 30},
    {"2.1", "practices", "D2", {{2022, 20}, {2023, 22}, {2024, 25}, {2025, 28}, {2026, 30}}, 20},
    {"2.2", "projects", "D2", {{2022, 10}, {2023, 10}, {2024, 10}, {2025, 15}, {2026, 20}}, 10},
    {"2.3", "apply", "D2", {{2022, 65}, {2023, 67}, {2024, 71}, {2025, 73}, {2026, 75}}, 65},
    {"3.1", "events", "D3", {{2022, 10}, {2023, 15}, {2024, 17}, {2025, 24}, {2026, 25}}, 10},
    {"3.2", "attestation", "D3", {{2023, 72}, {2024, 75}, {2025, 78}, {2026, 80}}, 70},
    {"4.1", "young", "D4", {{2022, 10}, {2023, 12}, {2024, 15}, {2025, 18}, {2026, 20}}, 10},
};

TEST(RoadmapTest, LeninskKuznetsky2022FactsEqualThePlan) {
  test::DefinitionBuilder db;
  for (const auto& r : k_lk) db.share(r.id, r.direction, r.targets, model::Better::higher, "", r.code);
  auto def = db.build();
  def.municipality = "Ленинск-Кузнецкий городской округ";
  const auto registry = test::registry_of({"s1", "s2", "s3"});
  // Three schools whose ratio of sums is the fact F: (F-5)/100, (F+5)/100, 2F/200.
  test::SubmissionBuilder s1("s1"), s2("s2"), s3("s3");
  for (const auto& r : k_lk) {
    s1.share(r.id, r.fact_2022 - 5, 100);
    s2.share(r.id, r.fact_2022 + 5, 100);
    s3.share(r.id, r.fact_2022, 200);
  }
  const auto summary = aggregate::summarize(def, registry, {s1.build(), s2.build(), s3.build()},
                                            *model::parse_period("2022"));
  const auto rows = analysis::build_roadmap(def, summary);
  ASSERT_EQ(rows.size(), 9u);
  int met = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.code);
    ASSERT_TRUE(row.municipal.has_value());
    if (row.code == std::string("3.2")) {
      EXPECT_NEAR(*row.municipal, 70, 1e-9);
      EXPECT_FALSE(row.target.has_value());
      EXPECT_EQ(row.status, aggregate::TargetStatus::no_target);
      EXPECT_EQ(row.status_text, "цель не задана");
      EXPECT_FALSE(row.gap.has_value());
      EXPECT_EQ(row.targets.size(), 4u);
      EXPECT_EQ(row.schools_meeting_target, 0);
      continue;
    }
    EXPECT_EQ(row.status_text, "достигнуто");
    ASSERT_TRUE(row.gap.has_value());
    EXPECT_NEAR(*row.gap, 0, 1e-9);
    EXPECT_EQ(row.year, 2022);
    EXPECT_EQ(row.schools_with_value, 3);
    EXPECT_EQ(row.schools_meeting_target, 2);  // F and F+5 reach it, F-5 does not
    // Each school's status against the target, as the summary keeps it.
    const auto* v1 = summary.value("s1", row.indicator_id);
    const auto* v2 = summary.value("s2", row.indicator_id);
    ASSERT_TRUE(v1 && v2);
    EXPECT_EQ(aggregate::status_name(v1->status), "не достигнуто");
    EXPECT_NEAR(*v1->gap, -5, 1e-9);
    EXPECT_EQ(aggregate::status_name(v2->status), "достигнуто");
    ++met;
  }
  EXPECT_EQ(met, 8);
  EXPECT_EQ(analysis::format_value(def.indicators[2], *rows[2].municipal), "30,0 %");

  // The same conclusion in the analytical summary, and no recommendation about
  // targets at the municipal level (3.2 has none).
  const std::vector<model::Submission> subs = {s1.build(), s2.build(), s3.build()};
  const auto a = analysis::analyze(def, registry, summary, subs, {});
  const auto text = analysis::write_analytical_summary(
      def, registry, summary, a,
      model::participation_of(registry, {}, summary.school_ids, summary.missing_school_ids));
  std::string all;
  for (const auto& p : text) all += p + "\n";
  EXPECT_NE(all.find("Все целевые значения 2022 года по округу достигнуты (8 показателей)."), std::string::npos)
      << all;
  // s1 is 5 p.p. below every 2022 target: 8 recommendations, one per indicator
  // with a target; and 3.2 (no target) answered as the worst of three values.
  EXPECT_EQ(a.recommendations[0].count(), 9u);
  EXPECT_EQ(a.recommendations[1].count(), 0u);
}

TEST(RoadmapTest, SchoolWithoutFormHasNoData) {
  const auto def = test::DefinitionBuilder().share("x", "D1", {{2026, 50}}).build();
  const auto registry = test::registry_of({"a", "b"});
  const auto summary = aggregate::summarize(def, registry, {test::SubmissionBuilder("a").share("x", 60).build()},
                                            *model::parse_period("2026-11"));
  const auto rows = analysis::build_roadmap(def, summary);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].schools_total, 1);  // only schools with an accepted form are listed
  EXPECT_EQ(rows[0].status_text, "достигнуто");
  EXPECT_NEAR(*rows[0].gap, 10, 1e-9);
}

}  // namespace
