#include "definition/naming.h"

#include <gtest/gtest.h>

using definition::closest_match;

TEST(NamingTest, FieldIdRule) {
  EXPECT_TRUE(definition::is_valid_field_id("teachers_total"));
  EXPECT_TRUE(definition::is_valid_field_id("a1_b2"));
  EXPECT_FALSE(definition::is_valid_field_id(""));
  EXPECT_FALSE(definition::is_valid_field_id("1a"));
  EXPECT_FALSE(definition::is_valid_field_id("_a"));
  EXPECT_FALSE(definition::is_valid_field_id("Teachers"));
  EXPECT_FALSE(definition::is_valid_field_id("a-b"));
  EXPECT_FALSE(definition::is_valid_field_id("педагоги"));
  EXPECT_TRUE(definition::is_valid_field_id(std::string(250, 'a')));
  EXPECT_FALSE(definition::is_valid_field_id(std::string(251, 'a')));
}

TEST(NamingTest, PlainIdRule) {
  EXPECT_TRUE(definition::is_valid_plain_id("D1"));
  EXPECT_TRUE(definition::is_valid_plain_id("lk-roadmap"));
  EXPECT_TRUE(definition::is_valid_plain_id("01_school"));
  EXPECT_FALSE(definition::is_valid_plain_id("sch 1"));
  EXPECT_FALSE(definition::is_valid_plain_id("школа1"));
  EXPECT_FALSE(definition::is_valid_plain_id(std::string(65, 'a')));
}

TEST(NamingTest, ClosestMatchFindsTyposOnly) {
  const std::vector<std::string> names = {"numerator", "denominator", "input", "email"};
  EXPECT_EQ(closest_match("numerater", names), "numerator");
  EXPECT_EQ(closest_match("emial", names), "email");  // transposition counts once
  EXPECT_EQ(closest_match("imput", names), "input");
  EXPECT_EQ(closest_match("target", names), "");
  EXPECT_EQ(closest_match("x", {}), "");
}

TEST(NamingTest, JoinListAndHint) {
  EXPECT_EQ(definition::join_list({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(definition::join_list({"a", "b", "c"}, 2), "a, b, … (всего 3)");
  EXPECT_EQ(definition::choose_hint("D2", {"D1"}, "укажите"), "возможно, имелось в виду «D1»; укажите: D1");
  EXPECT_EQ(definition::choose_hint("zz", {}, "укажите"), "укажите: (нет ни одного)");
}

TEST(NamingTest, IdWithoutYearsForFileNames) {
  EXPECT_EQ(definition::id_without_years("krymsk-2021"), "krymsk");
  EXPECT_EQ(definition::id_without_years("balakhta-2025"), "balakhta");
  EXPECT_EQ(definition::id_without_years("lk_roadmap-2022-2026"), "lk_roadmap");
  EXPECT_EQ(definition::id_without_years("demo-ensk"), "demo-ensk");
  EXPECT_EQ(definition::id_without_years("krymsk-m1-deficits"), "krymsk-m1-deficits");
  EXPECT_EQ(definition::id_without_years("2021-krymsk"), "krymsk");
  EXPECT_EQ(definition::id_without_years("school-12345"), "school-12345");  // not a year
  EXPECT_EQ(definition::id_without_years("2025"), "2025");  // nothing else to keep
}
