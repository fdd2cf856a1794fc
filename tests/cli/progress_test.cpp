#include "cli/phases/progress.h"

#include <gtest/gtest.h>

#include <regex>
#include <vector>
#include <thread>

TEST(PhaseClockTest, NamesEveryPhaseInOrderWithItsSecondsAndTheTotal) {
  cli::PhaseClock phases;
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  phases.lap("чтение форм");
  phases.lap("расчёт");
  const auto text = phases.text();
  // Decimal commas, as everywhere a Russian reader looks.
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      text, m,
      std::regex("чтение форм (\\d+),(\\d\\d) с \\(пик \\d+ МБ\\), расчёт 0,00 с \\(пик \\d+ МБ\\); "
                 "всего (\\d+),(\\d\\d) с")))
      << text;
  const int first_ms = std::stoi(m[1]) * 1000 + std::stoi(m[2]) * 10;
  EXPECT_GE(first_ms, 30) << text;  // the sleep is in the first phase, not the second
  EXPECT_GE(std::stoi(m[3]) * 1000 + std::stoi(m[4]) * 10, first_ms) << text;
}

// The memory a phase touched shows in its peak, and stays in the later ones'.
TEST(PhaseClockTest, EachPhaseShowsThePeakMemorySoFar) {
  cli::PhaseClock phases;
  phases.lap("до");
  {
    std::vector<char> big(96u << 20, 1);  // touched: resident
    phases.lap("чтение форм");
    EXPECT_EQ(big[12345], 1);
  }
  phases.lap("после");
  std::smatch m;
  const auto text = phases.text();
  ASSERT_TRUE(std::regex_search(text, m, std::regex("до .*пик (\\d+) МБ.*чтение форм .*пик (\\d+) МБ.*после .*пик (\\d+) МБ")))
      << text;
  EXPECT_GE(std::stol(m[2]) - std::stol(m[1]), 90) << text;
  EXPECT_EQ(std::stol(m[3]), std::stol(m[2])) << text;
}

TEST(PhaseClockTest, WithoutLapsOnlyTheTotal) {
  const cli::PhaseClock phases;
  EXPECT_EQ(phases.text(), "всего 0,00 с");
}
