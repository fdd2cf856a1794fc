#include "model/definition_compare.h"

#include <gtest/gtest.h>

namespace {

model::Definition small() {
  model::Definition d;
  d.id = "t";
  d.version = "1";
  model::InputDef in;
  in.id = "teachers_total";
  in.label = "Педагоги";
  in.min = 0;
  in.line = 12;
  d.inputs = {in};
  model::IndicatorDef ind;
  ind.id = "share";
  ind.targets = {{2025, 70}, {2026, 80}};
  d.indicators = {ind};
  model::Rubric r;
  model::RubricBlock b;
  b.id = "m";
  b.positions = {{"M1", "Позиция"}};
  b.params = {{"present", "Наличие", 1}};
  b.evidence["M1"]["present"] = model::Evidence{"doc", "", "", model::EvidenceTest::meets_target, 40};
  r.blocks = {b};
  d.rubric = r;
  d.file = "t.toml";
  return d;
}

TEST(DefinitionCompareTest, WhereItWasReadFromIsNoDifference) {
  auto other = small();
  other.file = "t.xlsx";
  other.inputs[0].line = 0;
  other.rubric->blocks[0].evidence["M1"]["present"].line = 7;
  EXPECT_TRUE(model::definition_differences(small(), other).empty());
}

TEST(DefinitionCompareTest, EachDifferenceIsNamedByItsPath) {
  auto other = small();
  other.indicators[0].targets[2026] = 85;
  other.indicators[0].targets.erase(2025);
  other.inputs[0].max = 100;
  other.rubric->blocks[0].evidence["M1"]["present"].input = "doc2";
  other.schedule = model::Schedule{};
  EXPECT_EQ(model::definition_differences(small(), other),
            (std::vector<std::string>{"inputs[1].max: — ≠ 100", "indicators[1].targets[2025]: есть ≠ нет",
                                      "indicators[1].targets[2026]: 80 ≠ 85",
                                      "rubric.blocks[1].evidence[M1][present].input: \"doc\" ≠ \"doc2\"",
                                      "schedule: false ≠ true"}));
  other = small();
  other.inputs.push_back(other.inputs[0]);
  EXPECT_EQ(model::definition_differences(small(), other), (std::vector<std::string>{"inputs: 1 ≠ 2 элементов"}));
}

TEST(DefinitionCompareTest, SourcesAreComparedByTheirContent) {
  auto a = small();
  auto b = small();
  auto src = std::make_shared<model::Definition>(small());
  a.sources = {{"m1", "m1.toml", src, 3}};
  auto changed = std::make_shared<model::Definition>(small());
  changed->title = "Другой";
  b.sources = {{"m1", "../m1.toml", changed, 0}};
  EXPECT_EQ(model::definition_differences(a, b),
            (std::vector<std::string>{"sources[1].title: \"\" ≠ \"Другой\""}));
}

}  // namespace
