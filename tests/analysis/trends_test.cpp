#include "analysis/trends.h"

#include <gtest/gtest.h>

#include "analysis_fixture.h"

namespace {

analysis::PeriodValues period(std::string id,
                              std::map<std::string, std::optional<double>> x,
                              std::optional<double> municipal) {
  analysis::PeriodValues p;
  p.period = std::move(id);
  for (const auto &[school, v] : x)
    p.values[school]["x"] = v;
  p.municipal["x"] = municipal;
  return p;
}

} // namespace

TEST(TrendsTest, PeriodsOldestFirstEndingNowWithMunicipalMedianAndSchools) {
  const auto def = test::DefinitionBuilder().share("x", "D1").build();
  const auto now = aggregate::summarize(
      def, test::registry_of({"a", "b", "c"}),
      {test::SubmissionBuilder("a").share("x", 60).build(),
       test::SubmissionBuilder("b").share("x", 40).build(),
       test::SubmissionBuilder("c").share("x", 20).build()},
      *model::parse_period("2026-11"));
  // Out of order, one later period (ignored), "c" absent in September, "z"
  // (no form now) counted in the median then but not listed.
  const auto t = analysis::compute_trends(
      def, now,
      {period("2026-10", {{"a", 50}, {"b", 30}, {"c", 10}}, 31),
       period("2026-12", {{"a", 1}}, 1),
       period("2026-09", {{"a", 40}, {"b", 20}, {"z", 90}}, 45)});
  EXPECT_EQ(t.periods,
            (std::vector<std::string>{"2026-09", "2026-10", "2026-11"}));
  EXPECT_TRUE(t.shown());
  const auto *x = t.find("x");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->municipal, (std::vector<std::optional<double>>{45, 31, 40}));
  EXPECT_EQ(x->median, (std::vector<std::optional<double>>{40, 30, 40}));
  EXPECT_EQ(x->schools.at("c"),
            (std::vector<std::optional<double>>{std::nullopt, 10, 20}));
  EXPECT_EQ(x->schools.at("a"),
            (std::vector<std::optional<double>>{40, 50, 60}));
  EXPECT_FALSE(x->schools.contains("z"));
}

TEST(TrendsTest, TwoPeriodsAreNotATrendAndOnlyTheNearestAreKept) {
  const auto def = test::DefinitionBuilder().share("x", "D1").build();
  const auto now = aggregate::summarize(
      def, test::registry_of({"a"}),
      {test::SubmissionBuilder("a").share("x", 60).build()},
      *model::parse_period("2026"));
  const auto two =
      analysis::compute_trends(def, now, {period("2025", {{"a", 50}}, 50)});
  EXPECT_FALSE(two.shown());
  // Not shown: the municipal values are kept, the schools' are not made.
  ASSERT_NE(two.find("x"), nullptr);
  EXPECT_EQ(two.find("x")->municipal,
            (std::vector<std::optional<double>>{50, 60}));
  EXPECT_TRUE(two.find("x")->schools.empty());
  const auto t =
      analysis::compute_trends(def, now,
                               {period("2022", {}, 1), period("2023", {}, 2),
                                period("2024", {}, 3), period("2025", {}, 4)},
                               3);
  EXPECT_EQ(t.periods, (std::vector<std::string>{"2024", "2025", "2026"}));
}
