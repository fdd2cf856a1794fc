#include "model/school.h"

#include <gtest/gtest.h>

namespace {

const model::Registry& registry(bool indexed) {
  static const model::Registry plain = [] {
    model::Registry out;
    for (const char* id : {"sch01", "sch1", "sch010", "12"}) out.schools.push_back({id, id, id, "", ""});
    return out;
  }();
  static const model::Registry with_index = [] {
    model::Registry out = plain;
    out.index();
    return out;
  }();
  return indexed ? with_index : plain;
}

// The same answer with and without the index, or "differs".
std::string named(std::string_view file) {
  const auto* a = registry(false).named_in_file(file);
  const auto* b = registry(true).named_in_file(file);
  const std::string id_a = a ? a->id : "-";
  const std::string id_b = b ? b->id : "-";
  return id_a == id_b ? id_a : "differs: " + id_a + " / " + id_b;
}

TEST(RegistryTest, FindsTheSchoolAFileIsNamedFor) {
  EXPECT_EQ(named("sch01_2026-11.xlsx"), "sch01");
  EXPECT_EQ(named("SCH01 (1).xlsx"), "sch01");
  EXPECT_EQ(named("sch01.xlsx"), "sch01");
  EXPECT_EQ(named("sch010_2026-11.xlsx"), "sch010");  // the longest id, not sch01
  EXPECT_EQ(named("sch1-исправл.xlsx"), "sch1");
  EXPECT_EQ(named("12_2026-11.xlsx"), "12");
}

TEST(RegistryTest, ANameThatOnlyContainsAnIdIsNotNamedForIt) {
  EXPECT_EQ(named("sch0101.xlsx"), "-");
  EXPECT_EQ(named("школа sch01.xlsx"), "-");
  EXPECT_EQ(named("2026-11 12.xlsx"), "-");
  EXPECT_EQ(named("120.xlsx"), "-");
  EXPECT_EQ(named(""), "-");
}

model::Registry registry_of_n(int n) {
  model::Registry r;
  for (int i = 0; i < n; ++i) r.schools.push_back({"s" + std::to_string(i), "ОО " + std::to_string(i), "", "", ""});
  return r;
}

TEST(RegistryTest, FindsBySchoolIdWithAndWithoutIndex) {
  auto r = registry_of_n(50);
  ASSERT_NE(r.find("s17"), nullptr);  // no index yet: a scan
  EXPECT_EQ(r.find("s17")->short_name, "ОО 17");
  r.index();
  EXPECT_EQ(r.find("s49"), &r.schools[49]);
  EXPECT_EQ(r.find("s0"), &r.schools[0]);
  EXPECT_EQ(r.find("s50"), nullptr);
  EXPECT_EQ(r.find(""), nullptr);
}

TEST(RegistryTest, AnIndexThatNoLongerMatchesIsNotTrusted) {
  auto r = registry_of_n(3);
  r.index();
  r.schools.push_back({"new", "Новая", "", "", ""});  // added after the index
  ASSERT_NE(r.find("new"), nullptr);
  EXPECT_EQ(r.find("new")->short_name, "Новая");
  std::swap(r.schools[0], r.schools[2]);  // moved: the index points elsewhere
  r.schools.pop_back();
  EXPECT_EQ(r.find("s0")->id, "s0");
  EXPECT_EQ(r.find("s2")->id, "s2");
}

TEST(RegistryTest, ACopyAnswersLikeTheOriginal) {
  auto r = registry_of_n(10);
  r.index();
  const model::Registry copy = r;
  ASSERT_NE(copy.find("s3"), nullptr);
  EXPECT_EQ(copy.find("s3"), &copy.schools[3]);  // its own school, not the original's
  const model::Registry moved = std::move(r);
  EXPECT_EQ(moved.find("s9"), &moved.schools[9]);
}

}  // namespace
