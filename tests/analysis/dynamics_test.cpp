#include "analysis/dynamics.h"

#include <gtest/gtest.h>

#include "analysis_fixture.h"

namespace {

analysis::PeriodValues pv(std::string period, std::optional<double> a, std::optional<double> municipal) {
  analysis::PeriodValues p;
  p.period = std::move(period);
  p.values["a"]["x"] = a;
  p.municipal["x"] = municipal;
  return p;
}

TEST(DynamicsTest, ComparesWithPreviousAndSamePeriodOfEarlierYears) {
  auto def = test::DefinitionBuilder().share("x", "D1").share("y", "D1", {}, model::Better::lower).build();
  const auto summary = aggregate::summarize(
      def, test::registry_of({"a"}), {test::SubmissionBuilder("a").share("x", 60).share("y", 20).build()},
      *model::parse_period("2026-11"));
  // Given out of order, with a later period that must be ignored.
  auto h2 = pv("2025-11", 50, 48);
  h2.values["a"]["y"] = 30;
  std::vector<analysis::PeriodValues> history = {h2, pv("2026-12", 1, 1), pv("2026-10", 62.5, std::nullopt)};
  history[2].values["a"]["y"] = 20;
  const auto dyn = analysis::compute_dynamics(def, summary, history);
  EXPECT_EQ(dyn.periods, (std::vector<std::string>{"2026-10", "2025-11"}));
  const auto* row = dyn.find("a", "x");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->changes.size(), 2u);
  EXPECT_EQ(row->changes[0].kind, analysis::Comparison::previous_period);
  EXPECT_NEAR(*row->changes[0].change, -2.5, 1e-9);
  EXPECT_FALSE(*row->changes[0].improved);
  EXPECT_EQ(row->changes[1].kind, analysis::Comparison::same_period_earlier_year);
  EXPECT_NEAR(*row->changes[1].change, 10, 1e-9);
  EXPECT_TRUE(*row->changes[1].improved);
  EXPECT_EQ(analysis::comparison_text(row->changes[1]), "к ноябрю 2025 г.");
  EXPECT_EQ(analysis::comparison_text(row->changes[0]), "к октябрю 2026 г.");
  // better = lower: 30 -> 20 is an improvement; 20 -> 20 is not.
  const auto* y = dyn.find("a", "y");
  EXPECT_TRUE(*y->changes[1].improved);
  EXPECT_FALSE(*y->previous()->improved);
  // Municipality: no municipal value in 2026-10 -> unknown.
  const auto* m = dyn.find("", "x");
  ASSERT_NE(m, nullptr);
  EXPECT_NEAR(*m->current, 60, 1e-9);
  EXPECT_FALSE(m->previous()->improved.has_value());
  EXPECT_NEAR(*m->changes[1].change, 12, 1e-9);
}

// The municipal change says when it compares different sets of schools, and a
// yes/no indicator changes by schools, not by percentage points.
TEST(DynamicsTest, MunicipalChangeNamesTheSetOfSchoolsAndCountsYesAsSchools) {
  const auto def = test::DefinitionBuilder().share("x", "D1").yesno("doc", "D1", "Положение").build();
  const auto summary = aggregate::summarize(
      def, test::registry_of({"a", "b", "c"}),
      {test::SubmissionBuilder("a").share("x", 60).yes("doc_doc", true).build(),
       test::SubmissionBuilder("b").share("x", 40).yes("doc_doc", true).build(),
       test::SubmissionBuilder("c").share("x", 50).yes("doc_doc", false).build()},
      *model::parse_period("2022"));
  analysis::PeriodValues same;
  same.period = "2021";
  analysis::PeriodValues fewer = same;
  for (auto* p : {&same, &fewer}) {
    p->municipal["x"] = 45;
    p->municipal["doc"] = 100.0 / 3;
    p->values["a"] = {{"x", 50}, {"doc", 0}};
    p->values["b"] = {{"x", 40}, {"doc", 100}};
  }
  same.values["c"] = {{"x", 45}, {"doc", 0}};
  const auto x = def.find_indicator("x");
  const auto doc = def.find_indicator("doc");
  {
    const auto dyn = analysis::compute_dynamics(def, summary, {same});
    EXPECT_EQ(analysis::municipal_change_text(*x, *dyn.find("", "x")->previous()), "+5,0 п.п. к 2021 году");
    EXPECT_EQ(analysis::municipal_change_text(*doc, *dyn.find("", "doc")->previous()), "+1 ОО к 2021 году");
  }
  const auto dyn = analysis::compute_dynamics(def, summary, {fewer});
  const auto* c = dyn.find("", "x")->previous();
  ASSERT_TRUE(c->schools.has_value());
  EXPECT_EQ(c->schools->then, 2);
  EXPECT_EQ(c->schools->now, 3);
  EXPECT_EQ(c->schools->common, 2);
  EXPECT_EQ(analysis::municipal_change_text(*x, *c),
            "+5,0 п.п. к 2021 году (состав ОО изменился: 2 ОО в 2021 году, 3 ОО сейчас)");
  // Never «+33,3 п.п.» for a yes/no.
  EXPECT_EQ(analysis::municipal_change_text(*doc, *dyn.find("", "doc")->previous()),
            "+1 ОО к 2021 году (состав ОО изменился: 2 ОО в 2021 году, 3 ОО сейчас)");
}

TEST(DynamicsTest, NoHistoryNoChanges) {
  const auto def = test::DefinitionBuilder().share("x", "D1").build();
  const auto summary = aggregate::summarize(def, test::registry_of({"a"}),
                                            {test::SubmissionBuilder("a").share("x", 60).build()},
                                            *model::parse_period("2026"));
  const auto dyn = analysis::compute_dynamics(def, summary, {});
  EXPECT_TRUE(dyn.periods.empty());
  EXPECT_EQ(dyn.find("a", "x"), nullptr);  // no rows that would only repeat the values
  ASSERT_NE(dyn.find("", "x"), nullptr);   // the municipal row is kept
  EXPECT_EQ(dyn.find("", "x")->previous(), nullptr);
}

}  // namespace
