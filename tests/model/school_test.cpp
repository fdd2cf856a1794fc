#include "model/school.h"

#include <gtest/gtest.h>

namespace {

const model::Registry& registry() {
  static const model::Registry r = [] {
    model::Registry out;
    for (const char* id : {"sch01", "sch1", "sch010", "12"}) out.schools.push_back({id, id, id, "", ""});
    return out;
  }();
  return r;
}

std::string named(std::string_view file) {
  const auto* s = registry().named_in_file(file);
  return s ? s->id : "-";
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

}  // namespace
