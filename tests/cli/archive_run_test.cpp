// Copies of accepted forms go to the archive. A copy that cannot be made
// (no space, no permission, a file where the folder should be) is not
// forgotten: the run exits 5, the methodist's letter and the history say
// which forms were not archived. A long Cyrillic file name simply works.
#include <gtest/gtest.h>

#include "support/key_values.h"
#include "support/metodmon_cli.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

TEST(ArchiveRunTest, AFormThatCannotBeArchivedChangesTheExitCodeTheLetterAndTheHistory) {
  test::TempDir dir;
  dir.write("archive-is-a-file", "x");
  const auto archive = (dir / "archive-is-a-file").string();
  const auto config = test::write_demo_config(
      dir, {{}, "2026-11", std::string(test::k_dry_run_mail) + "[archive]\nfolder = \"" + archive + "\"\n"});
  const auto r = test::metodmon("run --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("не удалось создать папку архива"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(test::demo_results_file(dir)));  // the results are still published

  bool letter = false;
  for (const auto& l : test::outbox_letters(dir / "state/outbox")) {
    if (l.to != "metodist@ensk-edu.example") continue;
    letter = true;
    EXPECT_NE(l.body.find("архив"), std::string::npos) << l.body;
    EXPECT_NE(l.body.find("sch01_2026-11.xlsx"), std::string::npos) << l.body;
  }
  EXPECT_TRUE(letter);

  const auto h = test::run_python(R"(
import sys, sqlite3
db = sqlite3.connect(sys.argv[1])
print("exit=%s" % db.execute("select exit_code from runs").fetchone()[0])
log = [m for (m,) in db.execute("select message from run_log")]
print("logged=%d" % sum(1 for m in log if "архив" in m and "sch01_2026-11.xlsx" in m))
)", {(dir / "state/history.sqlite").string()});
  EXPECT_EQ(test::value_of(h.out, "exit"), "5") << h.out;
  EXPECT_EQ(test::value_of(h.out, "logged"), "1") << h.out;
}

TEST(ArchiveRunTest, ALongCyrillicFileNameIsArchivedUnderAShortenedName) {
  test::TempDir dir;
  fs::create_directories(dir / "inbox");
  std::string name = "sch01_";
  for (int i = 0; i < 117; ++i) name += "Ш";
  name += ".xlsx";  // 245 bytes
  const auto source = test::source_dir() / "sample_workbooks/demo/sch01_2026-11.xlsx";
  fs::copy_file(source, dir / "inbox" / name);
  fs::last_write_time(dir / "inbox" / name, fs::last_write_time(source));
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", {}});
  const auto r = test::metodmon("run -q --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto sha = *util::sha256_file(source);
  int copies = 0;
  for (const auto& e : fs::directory_iterator(dir / "state/archive/2026-11")) {
    ++copies;
    EXPECT_TRUE(e.path().filename().string().starts_with("sch01__" + sha.substr(0, 12) + "__sch01_Ш"));
    EXPECT_EQ(*util::sha256_file(e.path()), sha);
  }
  EXPECT_EQ(copies, 1);
}
