#include "util/plural.h"

#include <gtest/gtest.h>

TEST(PluralTest, DaysAfterANumber) {
  EXPECT_EQ(util::count_text(1, util::k_day_forms), "1 день");
  EXPECT_EQ(util::count_text(3, util::k_day_forms), "3 дня");
  EXPECT_EQ(util::count_text(5, util::k_day_forms), "5 дней");
  EXPECT_EQ(util::count_text(11, util::k_day_forms), "11 дней");
  EXPECT_EQ(util::count_text(14, util::k_day_forms), "14 дней");
  EXPECT_EQ(util::count_text(21, util::k_day_forms), "21 день");
  EXPECT_EQ(util::count_text(22, util::k_day_forms), "22 дня");
  EXPECT_EQ(util::plural(-2, util::k_day_forms), "дня");
}
