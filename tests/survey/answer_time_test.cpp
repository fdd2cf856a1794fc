#include "survey/answer_time.h"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono;

sys_seconds at(int y, unsigned m, unsigned d, int h, int mi, int s) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}

TEST(AnswerTimeTest, ReadsEachServicesTimes) {
  EXPECT_EQ(survey::parse_answer_time("2025-05-14 09:12:33"), at(2025, 5, 14, 9, 12, 33));
  EXPECT_EQ(survey::parse_answer_time("2025-05-14T09:12"), at(2025, 5, 14, 9, 12, 0));
  EXPECT_EQ(survey::parse_answer_time("14.05.2025 9:12:33"), at(2025, 5, 14, 9, 12, 33));
  EXPECT_EQ(survey::parse_answer_time("14.05.2025, 9:12"), at(2025, 5, 14, 9, 12, 0));
  EXPECT_EQ(survey::parse_answer_time("5/14/2025 21:12:33"), at(2025, 5, 14, 21, 12, 33));
  EXPECT_EQ(survey::parse_answer_time(" 14.05.2025 "), at(2025, 5, 14, 0, 0, 0));
  EXPECT_EQ(survey::parse_answer_time("2025-05-14 09:12:33.250"), at(2025, 5, 14, 9, 12, 33));
}

TEST(AnswerTimeTest, RefusesWhatIsNoTime) {
  for (const char* bad : {"", "вчера", "31.02.2025", "14.05.25", "2025-05-14 25:00", "14/05/2025", "2025-05-14 9",
                          "14.05.2025 9:12 утра"}) {
    EXPECT_FALSE(survey::parse_answer_time(bad)) << bad;
  }
}

TEST(AnswerTimeTest, AnAnswerBelongsToThePeriodItsMonthsCollectionReportsOn) {
  const auto half = model::Periodicity::half_year;
  EXPECT_EQ(survey::answer_period(half, at(2025, 5, 20, 10, 0, 0)).id, "2025-H1");
  EXPECT_EQ(survey::answer_period(half, at(2025, 1, 15, 10, 0, 0)).id, "2024-H2");
  EXPECT_EQ(survey::answer_period(half, at(2025, 6, 2, 10, 0, 0)).id, "2025-H1");
  EXPECT_EQ(survey::answer_period(model::Periodicity::year, at(2025, 9, 1, 0, 0, 0)).id, "2025");
}

}  // namespace
