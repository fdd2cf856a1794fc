#include "ingest/child_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace ingest {
namespace {

using ::testing::HasSubstr;

TEST(ChildProcessTest, ReturnsTheChildsWorkbook) {
  const ReadBudget budget{ReadLimits{}};
  const auto parent = ::getpid();
  Workbook out;
  const auto status = run_in_child(budget, [&](Workbook& b) -> Status {
    b.format = ::getpid() == parent ? "same process" : "child";
    Sheet s{"S", SheetState::visible, {}, {}};
    for (std::uint32_t r = 0; r < 50'000; ++r) {  // more than a pipe buffer
      Cell c;
      c.ref = {r, 0};
      c.type = CellType::number;
      c.number = r;
      s.cells.push_back(c);
    }
    b.sheets.push_back(std::move(s));
    return std::nullopt;
  }, out);
  ASSERT_FALSE(status);
  EXPECT_EQ(out.format, "child");
  ASSERT_EQ(out.sheets.size(), 1u);
  ASSERT_EQ(out.sheets[0].cells.size(), 50'000u);
  EXPECT_EQ(out.sheets[0].cells[49'999].number, 49'999);
}

TEST(ChildProcessTest, ReturnsTheChildsError) {
  const ReadBudget budget{ReadLimits{}};
  Workbook out;
  const auto status = run_in_child(budget, [](Workbook&) -> Status { return make_error("плохо", "так"); }, out);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->message, "плохо");
  EXPECT_EQ(status->hint, "так");
}

TEST(ChildProcessTest, ChildThatDiesIsADamagedFile) {
  const ReadBudget budget{ReadLimits{}};
  Workbook out;
  for (const ReaderJob& job : {ReaderJob([](Workbook&) -> Status { ::raise(SIGKILL); return std::nullopt; }),
                               ReaderJob([](Workbook&) -> Status { std::_Exit(7); })}) {
    const auto status = run_in_child(budget, job, out);
    ASSERT_TRUE(status);
    EXPECT_THAT(status->message, HasSubstr("аварийно остановилась"));
    EXPECT_FALSE(status->hint.empty());
  }
}

TEST(ChildProcessTest, HangingChildIsKilledAtTheDeadline) {
  ReadLimits limits;
  limits.max_seconds = 0.3;
  const ReadBudget budget{limits};
  Workbook out;
  const auto t0 = std::chrono::steady_clock::now();
  const auto status = run_in_child(budget, [](Workbook&) -> Status {
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return std::nullopt;
  }, out);
  ASSERT_TRUE(status);
  EXPECT_THAT(status->message, HasSubstr("файл читается слишком долго"));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

}  // namespace
}  // namespace ingest
