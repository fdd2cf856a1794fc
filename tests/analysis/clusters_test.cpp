#include "analysis/clusters.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis_fixture.h"

namespace {

// Three indicators; "def" is better = lower.
model::Definition make_definition() {
  return test::DefinitionBuilder()
      .share("a", "D1", {}, model::Better::higher, "", "1.1")
      .share("b", "D1", {}, model::Better::higher, "", "1.2")
      .share("def", "D2", {}, model::Better::lower, "", "2.1")
      .build();
}

model::Submission school(const std::string& id, std::optional<double> a, std::optional<double> b,
                         std::optional<double> d) {
  test::SubmissionBuilder s(id);
  if (a) s.share("a", *a);
  if (b) s.share("b", *b);
  if (d) s.share("def", *d);
  return s.build();
}

// Nine schools in three clear groups (high: s1-s3, middle: s4-s6, low: s7-s9) and
// one school with only one value of three (33 % < 60 %).
std::vector<model::Submission> schools() {
  return {school("s1", 90, 85, 10), school("s2", 92, 88, 12), school("s3", 88, 90, 8),
          school("s4", 60, 55, 30), school("s5", 62, 58, 32), school("s6", 58, 60, 28),
          school("s7", 20, 25, 60), school("s8", 22, 20, 62), school("s9", 18, 22, 58),
          school("s10", 50, std::nullopt, std::nullopt)};
}

analysis::Clustering run(std::vector<model::Submission> subs, int k = 3) {
  const auto def = make_definition();
  std::vector<std::string> ids;
  for (const auto& s : subs) ids.push_back(s.school_id);
  std::sort(ids.begin(), ids.end());
  const auto summary =
      aggregate::summarize(def, test::registry_of(ids), subs, *model::parse_period("2026-11"));
  return analysis::cluster_schools(def, summary, {k, 60});
}

TEST(ClustersTest, ThreeLevelsNamedByMeanZ) {
  const auto c = run(schools());
  EXPECT_EQ(c.k_used, 3);
  EXPECT_EQ(c.indicator_ids, (std::vector<std::string>{"a", "b", "def"}));
  ASSERT_EQ(c.clusters.size(), 3u);
  EXPECT_EQ(c.clusters[0].name, "опережающая группа");
  EXPECT_EQ(c.clusters[0].school_ids, (std::vector<std::string>{"s1", "s2", "s3"}));
  EXPECT_EQ(c.clusters[1].name, "основная группа");
  EXPECT_EQ(c.clusters[1].school_ids, (std::vector<std::string>{"s4", "s5", "s6"}));
  EXPECT_EQ(c.clusters[2].name, "группа поддержки");
  EXPECT_EQ(c.clusters[2].school_ids, (std::vector<std::string>{"s7", "s8", "s9"}));
  EXPECT_GT(c.clusters[0].mean_z, c.clusters[1].mean_z);
  EXPECT_EQ(c.insufficient_data, (std::vector<std::string>{"s10"}));
  EXPECT_EQ(c.cluster_of("s5")->name, "основная группа");
  EXPECT_EQ(c.cluster_of("s10"), nullptr);
}

TEST(ClustersTest, FactorsOfTheHighGroup) {
  const auto c = run(schools());
  // Municipal medians: a over 10 schools (s10 has 50) = (58 + 60) / 2 = 59; b and def over
  // 9 schools = 58 and 30. High group medians: a 90, b 88, def 10.
  const auto& f = c.clusters[0].factors;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].indicator_id, "a");
  EXPECT_DOUBLE_EQ(f[0].difference, 90 - 59);
  EXPECT_EQ(f[0].text, "1.1 «Доля a»: медиана группы 90,0 % при медиане по муниципалитету 59,0 % (+31,0 п.п.)");
  EXPECT_EQ(f[1].indicator_id, "b");
  EXPECT_DOUBLE_EQ(f[1].difference, 88 - 58);
  EXPECT_EQ(f[2].indicator_id, "def");
  EXPECT_DOUBLE_EQ(f[2].difference, 10 - 30);
  EXPECT_TRUE(f[2].favourable);
  EXPECT_EQ(f[2].text,
            "2.1 «Доля def»: медиана группы 10,0 % при медиане по муниципалитету 30,0 % (\u221220,0 п.п.), "
            "меньше — лучше");
}

TEST(ClustersTest, SameGroupsWhateverTheOrderOfSubmissions) {
  const auto base = run(schools());
  auto subs = schools();
  for (int round = 0; round < 5; ++round) {
    std::rotate(subs.begin(), subs.begin() + 3, subs.end());
    std::swap(subs[1], subs[7]);
    const auto c = run(subs);
    ASSERT_EQ(c.clusters.size(), base.clusters.size());
    for (std::size_t i = 0; i < c.clusters.size(); ++i) {
      EXPECT_EQ(c.clusters[i].school_ids, base.clusters[i].school_ids);
      EXPECT_EQ(c.clusters[i].name, base.clusters[i].name);
    }
  }
}

TEST(ClustersTest, KLargerThanSchoolsIsReducedWithAWarning) {
  const auto c = run({school("x", 90, 90, 10), school("y", 10, 10, 90)}, 3);
  EXPECT_EQ(c.k_used, 2);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0],
            "задано групп: 3, а ОО с достаточными данными: 2; число групп уменьшено до 2");
  EXPECT_EQ(c.clusters[0].name, "опережающая группа");
  EXPECT_EQ(c.clusters[0].school_ids, std::vector<std::string>{"x"});
  EXPECT_EQ(c.clusters[1].name, "группа поддержки");
}

TEST(ClustersTest, ImputesTheMeanWhenEnoughValues) {
  // s11 has 2 of 3 values (67 % >= 60 %): grouped, its missing "def" imputed as the mean.
  auto subs = schools();
  subs.push_back(school("s11", 91, 87, std::nullopt));
  const auto c = run(subs);
  EXPECT_EQ(c.cluster_of("s11")->name, "опережающая группа");
  EXPECT_EQ(c.insufficient_data, (std::vector<std::string>{"s10"}));
}

TEST(ClustersTest, GroupNamesAreNotRubricLevels) {
  EXPECT_EQ(analysis::group_names(1), std::vector<std::string>{"единая группа"});
  EXPECT_EQ(analysis::group_names(4)[1], "основная группа 1");
  EXPECT_EQ(analysis::group_names(7)[6], "группа 7");
  // A group's name never says what a rubric level says.
  for (int k = 1; k <= 8; ++k) {
    for (const auto& name : analysis::group_names(k)) {
      for (const char* level : {"высок", "средн", "низк", "уровень"}) {
        EXPECT_EQ(name.find(level), std::string::npos) << name;
      }
    }
  }
}

}  // namespace
