// Odd and hostile input reaching the run and `check`: files that are not
// regular files, a count of 1e19, control characters in names and cells, a
// formula whose value was never saved. Each gets a located Russian message,
// nothing hangs, and the terminal never receives raw control characters.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

std::string demo_config() { return test::shell_quote((test::source_dir() / "scripts/demo.toml").string()); }

// `metodmon check` on `files`, stopped after 60 s if it hangs (exit 124).
test::ProcessResult check(const test::TempDir& dir, const std::vector<fs::path>& files) {
  std::string args = "60 " + std::string(METODMON_BINARY) + " check --config " + demo_config() + " --state " +
                     test::shell_quote((dir / "state").string());
  for (const auto& f : files) args += " " + test::shell_quote(f.string());
  return test::run_command("timeout " + args);
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(HostileInputTest, CheckRefusesAFifoAndADeviceInsteadOfHanging) {
  test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "pipe.xlsx").c_str(), 0644), 0);
  const auto r = check(dir, {dir / "pipe.xlsx", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2) << r.out;  // 124 would be a hang stopped by timeout
  EXPECT_TRUE(has(r.out, "pipe.xlsx: не обычный файл (именованный канал)")) << r.out;
  EXPECT_TRUE(has(r.out, "zero: не обычный файл (устройство)")) << r.out;
}

TEST(HostileInputTest, CheckRefusesAnOversizedFileByItsSize) {
  test::TempDir dir;
  { std::ofstream touch(dir / "big.xlsx"); }
  fs::resize_file(dir / "big.xlsx", 2ull << 30);  // sparse
  const auto r = check(dir, {dir / "big.xlsx"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "big.xlsx: файл больше 50 МБ")) << r.out;
}

