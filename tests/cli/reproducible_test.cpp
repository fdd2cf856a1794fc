// The same forms, dropped into the inbox in another order, give a byte-identical results workbook once the run time is fixed
// (SOURCE_DATE_EPOCH): nothing in the report depends on the order files are
// found in.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <cstdlib>
#include <vector>

#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

int run_with_epoch(const fs::path& inbox, const fs::path& out, const std::string& extra = {},
                   const fs::path& config = test::source_dir() / "scripts/demo.toml") {
  const std::string cmd = "SOURCE_DATE_EPOCH=1795600000 " + std::string(METODMON_BINARY) + " run -q " + extra +
                          " --config '" + config.string() + "' --inbox '" + inbox.string() +
                          "' --output '" + (out / "out").string() + "' --state '" + (out / "state").string() +
                          "' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every file under `dir`, relative path -> bytes.
std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = test::read_file(e.path());
  }
  return out;
}

// Copies the sample forms into `inbox` in the given order, keeping mtimes.
void fill_inbox(const fs::path& inbox, std::vector<fs::path> files) {
  fs::create_directories(inbox);
  for (const auto& f : files) {
    fs::copy_file(f, inbox / f.filename());
    fs::last_write_time(inbox / f.filename(), fs::last_write_time(f));
  }
}

}  // namespace

TEST(ReproducibleTest, OtherOrderSameBytes) {
  test::TempDir dir;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "sample_workbooks/demo")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 15u);
  fill_inbox(dir / "inbox", files);
  ASSERT_EQ(run_with_epoch(dir / "inbox", dir / "a"), 2);
  // Same folder (its path is printed on the method sheet), files created anew
  // in another order.
  fs::remove_all(dir / "inbox");
  std::reverse(files.begin(), files.end());
  std::rotate(files.begin(), files.begin() + 5, files.end());
  fill_inbox(dir / "inbox", files);
  ASSERT_EQ(run_with_epoch(dir / "inbox", dir / "b"), 2);
  const auto name = fs::path("2026-11") / "Итоги_demo-ensk_2026-11.xlsx";
  const auto a = test::read_file(dir / "a/out" / name);
  const auto b = test::read_file(dir / "b/out" / name);
  ASSERT_GT(a.size(), 10'000u);
  EXPECT_TRUE(a == b) << "results workbooks differ";
  for (const auto& e : fs::directory_iterator(dir / "a/out/2026-11/directors")) {
    EXPECT_TRUE(test::read_file(e.path()) ==
                test::read_file(dir / "b/out/2026-11/directors" / e.path().filename()))
        << e.path().filename();
  }
}

// Forms read and workbooks written by one thread or by several, in another
// order: the same bytes, every workbook. Past max_school_sheets (4 here) the
// results workbook links to the directors' workbooks, written in parallel.
TEST(ReproducibleTest, SameBytesWhateverTheThreadCount) {
  test::TempDir dir;
  const auto demo = test::source_dir() / "scripts";
  {
    std::ofstream config(dir / "metodmon.toml");
    config << "[monitoring]\ndefinition = '" << (demo / "../templates/demo.toml").string() << "'\n"
           << "schools = '" << (demo / "../templates/demo_schools.csv").string() << "'\nperiod = '2026-11'\n"
           << "[paths]\ninbox = 'inbox'\noutput = 'out'\nstate = 'state'\n"
           << "[forms]\npassword = 'ensk'\n[inbox]\nsettle_seconds = 0\n[report]\nmax_school_sheets = 4\n";
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "sample_workbooks/demo")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  fill_inbox(dir / "inbox", files);
  ASSERT_EQ(run_with_epoch(dir / "inbox", dir / "a", "--threads 1", dir / "metodmon.toml"), 2);
  fs::remove_all(dir / "inbox");
  std::reverse(files.begin(), files.end());
  fill_inbox(dir / "inbox", files);
  ASSERT_EQ(run_with_epoch(dir / "inbox", dir / "b", "--threads 5", dir / "metodmon.toml"), 2);
  const auto a = files_under(dir / "a/out");
  const auto b = files_under(dir / "b/out");
  ASSERT_GE(a.size(), 13u);  // the results workbook and 12 directors' workbooks
  EXPECT_FALSE(fs::exists(dir / "a/out/2026-11/Итоги_demo-ensk_2026-11_ОО"));  // linked, not copied
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) {
    ASSERT_TRUE(b.contains(name)) << name;
    EXPECT_TRUE(bytes == b.at(name)) << name << " differs";
  }
}
