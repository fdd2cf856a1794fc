#include "cli/progress.h"

#include <gtest/gtest.h>

#include <regex>
#include <thread>

TEST(PhaseClockTest, NamesEveryPhaseInOrderWithItsSecondsAndTheTotal) {
  cli::PhaseClock phases;
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  phases.lap("чтение форм");
  phases.lap("расчёт");
  const auto text = phases.text();
  // Decimal commas, as everywhere a Russian reader looks.
  std::smatch m;
  ASSERT_TRUE(std::regex_match(text, m, std::regex("чтение форм (\\d+),(\\d\\d) с, расчёт 0,00 с; всего (\\d+),(\\d\\d) с")))
      << text;
  const int first_ms = std::stoi(m[1]) * 1000 + std::stoi(m[2]) * 10;
  EXPECT_GE(first_ms, 30) << text;  // the sleep is in the first phase, not the second
  EXPECT_GE(std::stoi(m[3]) * 1000 + std::stoi(m[4]) * 10, first_ms) << text;
}

TEST(PhaseClockTest, WithoutLapsOnlyTheTotal) {
  const cli::PhaseClock phases;
  EXPECT_EQ(phases.text(), "всего 0,00 с");
}
