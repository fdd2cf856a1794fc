#include "analysis/text_pool.h"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(TextPoolTest, SameTextSameIdAndOneCopy) {
  analysis::TextPool pool;
  EXPECT_EQ(pool.intern(""), analysis::TextPool::k_empty);
  EXPECT_EQ(pool.at(analysis::TextPool::k_empty), "");
  std::string a = "не засчитано: нет «Наличие показателей мониторинга»";
  const auto id = pool.intern(a);
  a[0] = 'X';  // the pool keeps its own copy
  EXPECT_EQ(pool.at(id), "не засчитано: нет «Наличие показателей мониторинга»");
  EXPECT_EQ(pool.intern("не засчитано: нет «Наличие показателей мониторинга»"), id);
  EXPECT_NE(pool.intern("«Да»"), id);
  EXPECT_EQ(pool.size(), 3u);
}

TEST(TextPoolTest, ViewsSurviveGrowthAndMove) {
  analysis::TextPool pool;
  const auto first = pool.intern("«Да»");  // short: kept inside the string object
  const auto view = pool.at(first);
  for (int i = 0; i < 10000; ++i) pool.intern("значение " + std::to_string(i));
  EXPECT_EQ(view.data(), pool.at(first).data());
  analysis::TextPool moved = std::move(pool);
  EXPECT_EQ(view.data(), moved.at(first).data());
  EXPECT_EQ(moved.intern("«Да»"), first);  // the moved index still finds it
}

}  // namespace
