#include "ingest/choose_latest.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

using ingest::LatestCandidate;
using ingest::parse_fill_date;

constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_nov_20 = 1795132800;  // 2026-11-20 00:00:00 UTC

TEST(ParseFillDateTest, ReadsRussianAndIsoDates) {
  EXPECT_EQ(parse_fill_date("05.11.2026"), 20261105);
  EXPECT_EQ(parse_fill_date("5.11.2026"), 20261105);
  EXPECT_EQ(parse_fill_date(" 2026-11-05 "), 20261105);
  EXPECT_EQ(parse_fill_date("29.02.2028"), 20280229);
}

TEST(ParseFillDateTest, RefusesImpossibleOrForeignText) {
  EXPECT_EQ(parse_fill_date(""), std::nullopt);
  EXPECT_EQ(parse_fill_date("31.02.2026"), std::nullopt);
  EXPECT_EQ(parse_fill_date("29.02.2026"), std::nullopt);
  EXPECT_EQ(parse_fill_date("05.13.2026"), std::nullopt);
  EXPECT_EQ(parse_fill_date("05.11.26"), std::nullopt);
  EXPECT_EQ(parse_fill_date("2026/11/05"), std::nullopt);
  EXPECT_EQ(parse_fill_date("ноябрь"), std::nullopt);
}

TEST(ChooseLatestTest, NewerFillDateWinsEvenWithOlderFile) {
  // The corrected form was filled later but copied in earlier.
  const std::vector<LatestCandidate> c = {
      {"sch01", "12.11.2026", k_nov_20 - 5 * k_day, "b.xlsx"},
      {"sch01", "05.11.2026", k_nov_20, "a.xlsx"},
  };
  const auto p = ingest::choose_latest(c);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].latest);
  EXPECT_FALSE(p[1].latest);
  EXPECT_EQ(p[1].winner, 0u);
}

TEST(ChooseLatestTest, SameDateFallsBackToMtimeThenTies) {
  const std::vector<LatestCandidate> c = {
      {"sch01", "2026-11-12", k_nov_20 + 10, "a.xlsx"},
      {"sch01", "12.11.2026", k_nov_20 + 20, "b.xlsx"},
      {"sch02", "", k_nov_20, "x.xlsx"},
      {"sch02", "", k_nov_20, "y.xlsx"},
  };
  const auto p = ingest::choose_latest(c);
  EXPECT_FALSE(p[0].latest);
  EXPECT_EQ(p[0].winner, 1u);
  EXPECT_TRUE(p[1].latest);
  EXPECT_FALSE(p[0].tied);
  EXPECT_FALSE(p[1].tied);
  // Same date, same mtime: a tie, whatever the names.
  EXPECT_TRUE(p[2].tied);
  EXPECT_TRUE(p[3].tied);
  EXPECT_FALSE(p[2].latest);
  EXPECT_EQ(p[2].winner, 3u);
  EXPECT_TRUE(p[3].latest);
}

TEST(ChooseLatestTest, AFormInAFileNamedForAnotherSchoolLosesToTheSchoolsOwn) {
  std::vector<LatestCandidate> c = {
      {"sch02", "20.11.2026", k_nov_20 + k_day, "sch01_2026-11.xlsx"},
      {"sch02", "08.11.2026", k_nov_20, "sch02_2026-11.xlsx"},
  };
  c[0].foreign_file = true;
  const auto p = ingest::choose_latest(c);
  EXPECT_FALSE(p[0].latest);
  EXPECT_TRUE(p[1].latest);
  // Alone, it counts.
  EXPECT_TRUE(ingest::choose_latest(std::span(c).first(1))[0].latest);
}

TEST(ChooseLatestTest, AFillInDateOutsideTheWindowIsNotBelieved) {
  const ingest::DateWindow november_run_on_25th{20261101, 20261125};
  const std::vector<LatestCandidate> c = {
      {"sch05", "07.11.2062", k_nov_20 - 10 * k_day, "a.xlsx"},  // typed by mistake
      {"sch05", "12.11.2026", k_nov_20 - 8 * k_day, "b.xlsx"},
      {"sch06", "31.10.2026", k_nov_20, "c.xlsx"},  // before the period opened: by mtime (20.11)
      {"sch06", "15.11.2026", k_nov_20 - 12 * k_day, "d.xlsx"},
  };
  const auto p = ingest::choose_latest(c, november_run_on_25th);
  EXPECT_FALSE(p[0].latest);
  EXPECT_TRUE(p[0].date_ignored);
  EXPECT_TRUE(p[1].latest);
  EXPECT_FALSE(p[1].date_ignored);
  EXPECT_TRUE(p[2].latest);
  EXPECT_TRUE(p[2].date_ignored);
  EXPECT_FALSE(p[3].latest);
  // Without a window the typo wins forever: the reason for the window.
  EXPECT_TRUE(ingest::choose_latest(c)[0].latest);
}

TEST(ChooseLatestTest, AnswerDoesNotDependOnInputOrder) {
  std::vector<LatestCandidate> c = {
      {"sch01", "", k_nov_20, "x.xlsx"},
      {"sch01", "", k_nov_20, "y.xlsx"},
      {"sch01", "", k_nov_20 - 100, "z.xlsx"},
  };
  const auto forward = ingest::choose_latest(c);
  EXPECT_TRUE(forward[1].latest);
  EXPECT_TRUE(forward[0].tied && forward[1].tied);
  EXPECT_FALSE(forward[2].tied);
  std::swap(c[0], c[1]);
  const auto backward = ingest::choose_latest(c);
  EXPECT_TRUE(backward[0].latest);
  EXPECT_EQ(backward[2].winner, 0u);
}

TEST(ChooseLatestTest, MissingDateUsesTheDayOfMtime) {
  // Undated file from a later day beats a dated one of an earlier day;
  // a dated one of a later day beats an undated newer-but-earlier-day file.
  const std::vector<LatestCandidate> c = {
      {"sch01", "10.11.2026", k_nov_20 - 20 * k_day, "a.xlsx"},
      {"sch01", "", k_nov_20, "b.xlsx"},
      {"sch02", "25.12.2026", k_nov_20 - 30 * k_day, "c.xlsx"},
      {"sch02", "", k_nov_20, "d.xlsx"},
  };
  const auto p = ingest::choose_latest(c);
  EXPECT_TRUE(p[1].latest);
  EXPECT_FALSE(p[0].latest);
  EXPECT_TRUE(p[2].latest);
  EXPECT_FALSE(p[3].latest);
}

TEST(ChooseLatestTest, SchoolsDoNotAffectEachOther) {
  const std::vector<LatestCandidate> c = {
      {"sch01", "01.11.2026", k_nov_20, "a.xlsx"},
      {"sch02", "20.11.2026", k_nov_20, "b.xlsx"},
  };
  const auto p = ingest::choose_latest(c);
  EXPECT_TRUE(p[0].latest);
  EXPECT_TRUE(p[1].latest);
  EXPECT_TRUE(ingest::choose_latest({}).empty());
}

}  // namespace
