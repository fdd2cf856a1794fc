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

// Three groups of three: lettered, the same size, so by their first school
// (s1, s4, s7); named by what sets them apart, never by a level.
TEST(ClustersTest, GroupsAreProfilesLetteredLargestFirst) {
  const auto c = run(schools());
  EXPECT_EQ(c.k_used, 3);
  EXPECT_EQ(c.indicator_ids, (std::vector<std::string>{"a", "b", "def"}));
  ASSERT_EQ(c.clusters.size(), 3u);
  EXPECT_EQ(c.clusters[0].name, "группа А");
  EXPECT_EQ(c.clusters[0].school_ids, (std::vector<std::string>{"s1", "s2", "s3"}));
  EXPECT_EQ(c.clusters[1].name, "группа Б");
  EXPECT_EQ(c.clusters[1].school_ids, (std::vector<std::string>{"s4", "s5", "s6"}));
  EXPECT_EQ(c.clusters[2].name, "группа В");
  EXPECT_EQ(c.clusters[2].school_ids, (std::vector<std::string>{"s7", "s8", "s9"}));
  // The profile says which values are higher or lower than the municipality's median.
  EXPECT_EQ(c.clusters[0].profile, "выше, чем по муниципалитету: доля a, доля b; ниже: доля def");
  EXPECT_EQ(c.clusters[2].profile, "выше, чем по муниципалитету: доля def; ниже: доля a, доля b");
  EXPECT_GT(c.clusters[0].mean_z, c.clusters[1].mean_z);
  EXPECT_EQ(c.insufficient_data, (std::vector<std::string>{"s10"}));
  EXPECT_EQ(c.cluster_of("s5")->name, "группа Б");
  EXPECT_EQ(c.cluster_of("s10"), nullptr);
  EXPECT_TRUE(c.singles.empty());
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

// Two schools and k = 3: two groups of one are no groups; each school has a
// profile of its own.
TEST(ClustersTest, KLargerThanSchoolsIsReducedAndAGroupOfOneIsNoGroup) {
  const auto c = run({school("x", 90, 90, 10), school("y", 10, 10, 90)}, 3);
  EXPECT_EQ(c.k_used, 0);
  EXPECT_TRUE(c.clusters.empty());
  ASSERT_EQ(c.singles.size(), 2u);
  EXPECT_EQ(c.singles[0].school_ids, std::vector<std::string>{"x"});
  EXPECT_TRUE(c.singles[0].name.empty());
  EXPECT_EQ(c.cluster_of("x"), nullptr);
  ASSERT_NE(c.single_of("y"), nullptr);
  ASSERT_GE(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0],
            "задано групп: 3, а ОО с достаточными данными: 2; число групп уменьшено до 2");
}

TEST(ClustersTest, ImputesTheMeanWhenEnoughValues) {
  // s11 has 2 of 3 values (67 % >= 60 %): grouped, its missing "def" imputed as the mean.
  auto subs = schools();
  subs.push_back(school("s11", 91, 87, std::nullopt));
  const auto c = run(subs);
  ASSERT_NE(c.cluster_of("s11"), nullptr);
  EXPECT_EQ(c.cluster_of("s11"), c.cluster_of("s1"));
  EXPECT_EQ(c.insufficient_data, (std::vector<std::string>{"s10"}));
}

// One school far from all the others: with k = 3 it would be a group of its
// own. The largest k with groups of two or more is used instead; when none
// is, the school is set apart as a profile of its own, never called a group.
TEST(ClustersTest, NoGroupOfOne) {
  std::vector<model::Submission> subs = {school("s1", 90, 85, 10), school("s2", 92, 88, 12),
                                         school("s3", 88, 90, 8),  school("s4", 60, 55, 30),
                                         school("s5", 62, 58, 32), school("s6", 58, 60, 28),
                                         school("s7", 0, 0, 100)};
  const auto c = run(subs, 3);
  for (const auto& g : c.clusters) EXPECT_GE(g.school_ids.size(), 2u) << g.name;
  std::size_t placed = 0;
  for (const auto& g : c.clusters) placed += g.school_ids.size();
  EXPECT_EQ(placed + c.singles.size(), 7u);
  // k = 2 gives {s1..s6} and {s7}, k = 3 the two levels and {s7}: s7 stands alone.
  ASSERT_EQ(c.singles.size(), 1u);
  EXPECT_EQ(c.singles[0].school_ids, std::vector<std::string>{"s7"});
  EXPECT_EQ(c.singles[0].profile, "выше, чем по муниципалитету: доля def; ниже: доля a, доля b");
  EXPECT_NE(c.single_of("s7"), nullptr);
  EXPECT_EQ(c.cluster_of("s7"), nullptr);
}

// A share of 1 of 1 (100 %) is a fact about one person: it neither moves the
// school's profile nor makes its group's character.
TEST(ClustersTest, SmallDenominatorsDoNotShapeAProfile) {
  auto subs = schools();
  // s7 (low group) has one young teacher of one: 100 % on "a".
  subs[6] = test::SubmissionBuilder("s7").share("a", 100, 1).share("b", 25).share("def", 60).build();
  const auto c = run(subs);
  ASSERT_NE(c.cluster_of("s7"), nullptr);
  EXPECT_EQ(c.cluster_of("s7"), c.cluster_of("s8"));  // still with the low schools
  const auto* low = c.cluster_of("s8");
  for (const auto& f : low->factors) {
    if (f.indicator_id == "a") {
      EXPECT_DOUBLE_EQ(f.group_median, 20);  // s8 22, s9 18: s7's 100 left out
    }
  }
}

// The rule of naming, on any grouping: a group has two schools or more, its
// name is a letter (no level word), and each factor its profile names under
// «выше» is higher than the municipality's median, under «ниже» lower.
TEST(ClustersTest, GroupNamingRule) {
  for (int k = 2; k <= 4; ++k) {
    const auto c = run(schools(), k);
    for (const auto& g : c.clusters) {
      EXPECT_GE(g.school_ids.size(), 2u);
      EXPECT_TRUE(g.name.starts_with("группа ")) << g.name;
      for (const char* level : {"опережа", "основн", "поддержк", "отстающ", "высок", "средн", "низк", "лучш", "слаб"}) {
        EXPECT_EQ(g.name.find(level), std::string::npos) << g.name;
        EXPECT_EQ(g.profile.find(level), std::string::npos) << g.profile;
      }
      const auto lower_at = g.profile.find("ниже: ");
      for (const auto& f : g.factors) {
        const std::string words = "доля " + f.indicator_id;
        const auto at = g.profile.find(words);
        ASSERT_NE(at, std::string::npos) << g.profile;
        const bool said_lower = lower_at != std::string::npos && at > lower_at;
        EXPECT_EQ(said_lower, f.difference < 0) << g.profile;
      }
    }
  }
}

}  // namespace
