#include "analysis/indicator_set.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

using analysis::IndicatorFacts;

model::RubricBlock seed_block() {  // seed 003: 2 / 1 / -1, lone bad is not presence
  model::RubricBlock b;
  b.kind = model::RubricKind::indicator_set;
  return b;
}

double score(std::vector<IndicatorFacts> facts, const model::RubricBlock& b = seed_block()) {
  return analysis::score_indicator_set(facts, b).total();
}

constexpr IndicatorFacts k_match{true, false};
constexpr IndicatorFacts k_nomatch{false, false};
constexpr IndicatorFacts k_bad{true, true};

TEST(IndicatorSetTest, Case1PresentMatchesNoBadScoresTwo) {
  const auto s = analysis::score_indicator_set(std::vector{k_match, k_match}, seed_block());
  EXPECT_EQ(s.presence, 1);
  EXPECT_EQ(s.match, 1);
  EXPECT_EQ(s.deduction, 0);
  EXPECT_EQ(s.total(), 2);
}

TEST(IndicatorSetTest, Case2PresentDoesNotMatchNoBadScoresOne) {
  const auto s = analysis::score_indicator_set(std::vector{k_nomatch, k_nomatch}, seed_block());
  EXPECT_EQ(s.presence, 1);
  EXPECT_EQ(s.match, 0);
  EXPECT_EQ(s.total(), 1);
  // A mixed list does not match (strict reading).
  EXPECT_EQ(score({k_match, k_nomatch}), 1);
}

TEST(IndicatorSetTest, Case3MatchesWithABadIndicatorScoresOne) {
  const auto s = analysis::score_indicator_set(std::vector{k_match, k_bad}, seed_block());
  EXPECT_EQ(s.presence, 1);
  EXPECT_EQ(s.match, 1);
  EXPECT_EQ(s.deduction, -1);
  EXPECT_EQ(s.total(), 1);
  // The deduction falls once per position, not per bad indicator.
  EXPECT_EQ(score({k_match, k_bad, k_bad, k_bad}), 1);
}

TEST(IndicatorSetTest, Case4DoesNotMatchWithABadIndicatorScoresZero) {
  const auto s = analysis::score_indicator_set(std::vector{k_nomatch, k_bad}, seed_block());
  EXPECT_EQ(s.presence, 1);
  EXPECT_EQ(s.match, 0);
  EXPECT_EQ(s.deduction, -1);
  EXPECT_EQ(s.total(), 0);
}

TEST(IndicatorSetTest, Case5SingleBadIndicatorScoresMinusOne) {
  const auto s = analysis::score_indicator_set(std::vector{k_bad}, seed_block());
  EXPECT_EQ(s.presence, 0);
  EXPECT_EQ(s.match, 0);
  EXPECT_EQ(s.deduction, -1);
  EXPECT_EQ(s.total(), -1);
  EXPECT_EQ(analysis::explain(s),
            "показателей: 1 (неэффективных или с негативными последствиями: 1); наличие не "
            "засчитано: все показатели неэффективные: 0 + 0 − 1 = −1");
}

TEST(IndicatorSetTest, Case6NoIndicatorScoresZero) {
  const auto s = analysis::score_indicator_set(std::vector<IndicatorFacts>{}, seed_block());
  EXPECT_EQ(s.total(), 0);
  EXPECT_EQ(s.deduction, 0);
  EXPECT_EQ(analysis::explain(s), "показателей нет: 0");
}

TEST(IndicatorSetTest, LoneBadCountsPresenceWhenTheFileSaysSo) {
  auto b = seed_block();
  b.lone_bad_counts_presence = true;
  EXPECT_EQ(score({k_bad}, b), 1 + 1 - 1);
}

TEST(IndicatorSetTest, OfficialTwoOneVariant) {  // Rosobrnadzor: 2 match / 1 no match, no deduction
  auto b = seed_block();
  b.bad_deduction = 0;
  EXPECT_EQ(score({k_match}, b), 2);
  EXPECT_EQ(score({k_nomatch}, b), 1);
  EXPECT_EQ(score({k_match, k_bad}, b), 2);
}

}  // namespace
