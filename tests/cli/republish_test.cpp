// A rerun of a period after a form was withdrawn: the directors' folder
// matches the results workbook's schools again.
#include <gtest/gtest.h>

#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// A school whose form is withdrawn keeps no director's workbook from the
// earlier run; a file someone else put in the folder stays.
TEST(RepublishTest, AWithdrawnSchoolsDirectorWorkbookIsRemovedOnTheNextRun) {
  test::TempDir dir;
  test::DemoConfig c;
  c.inbox = dir / "inbox";
  test::copy_demo_forms(c.inbox);
  const auto config = test::write_demo_config(dir, c);
  auto r = test::metodmon("run -q --config " + test::shell_quote(config.string()));
  ASSERT_EQ(r.exit_code, 2) << r.out;
  const auto directors = dir / "out" / "2026-11" / "directors";
  ASSERT_TRUE(fs::exists(directors / "sch01_2026-11.xlsx"));
  const auto own_note = dir.write("out/2026-11/directors/заметки_2026.xlsx", "not ours");
  fs::remove(c.inbox / "sch01_2026-11.xlsx");
  r = test::metodmon("run -q --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_FALSE(fs::exists(directors / "sch01_2026-11.xlsx"));
  EXPECT_TRUE(fs::exists(directors / "sch02_2026-11.xlsx"));
  EXPECT_TRUE(fs::exists(own_note));
  std::size_t books = 0;
  for (const auto& e : fs::directory_iterator(directors)) books += e.path().extension() == ".xlsx" ? 1 : 0;
  EXPECT_EQ(books, 12u);  // the 11 directors' workbooks and the note
}

}  // namespace
