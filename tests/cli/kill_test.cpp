// A scheduled run may be killed at any moment (shutdown, OOM, an impatient
// admin). SIGKILL it at several moments: every workbook on disk must then be
// whole (the previous or the new one), and the next run must complete.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "ingest/workbook.h"
#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> args(const test::TempDir& dir) {
  return {"run", "-q", "--config", (test::source_dir() / "scripts/demo.toml").string(),
          "--output", (dir / "out").string(), "--state", (dir / "state").string()};
}

// Every .xlsx under `dir` reads; no published file is half-written.
void expect_whole_workbooks(const fs::path& dir, int delay_ms) {
  if (!fs::exists(dir)) return;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".xlsx" || e.path().filename().string().starts_with(".")) continue;
    const auto wb = ingest::read_workbook(e.path());
    EXPECT_TRUE(wb) << "killed after " << delay_ms << " ms: " << e.path() << ": "
                    << (wb ? "" : model::to_string(wb.error()));
  }
}

}  // namespace

TEST(KillTest, KilledRunsLeaveWholeWorkbooksAndTheNextRunCompletes) {
  test::TempDir dir;
  // Delays spread over a whole run (about 0.45 s on the 2-core CI machine): before reading,
  // while reading, while writing the workbooks, while recording history.
  for (const int delay_ms : {5, 60, 120, 180, 240, 300, 360, 420, 480}) {
    const pid_t pid = test::spawn_metodmon(args(dir));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    test::wait_exit(pid);
    expect_whole_workbooks(dir / "out", delay_ms);
  }
  // The next run finds the stale lock, cleans up and completes normally.
  const int code = test::wait_exit(test::spawn_metodmon(args(dir)));
  EXPECT_EQ(code, 2);
  expect_whole_workbooks(dir / "out", -1);
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx"));
  EXPECT_FALSE(fs::exists(dir / "state/metodmon.lock"));
  int temps = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "out")) {
    temps += e.path().filename().string().find(".tmp-") != std::string::npos;
  }
  EXPECT_EQ(temps, 0);
}

TEST(KillTest, SecondRunWhileFirstHoldsTheLockIsRefused) {
  test::TempDir dir;
  fs::create_directories(dir / "state");
  // A live process (this test) holds the lock.
  {
    std::ofstream lock(dir / "state/metodmon.lock");
    lock << "pid=" << ::getpid() << "\n";
  }
  const int code = test::wait_exit(test::spawn_metodmon(args(dir)));
  EXPECT_EQ(code, 75);
  EXPECT_FALSE(fs::exists(dir / "out/2026-11"));
}
