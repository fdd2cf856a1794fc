// Two monthly runs sharing one history: October's forms (the November
// samples re-dated, with fewer teachers through courses), then November's.
// The November report must carry the dynamics against October.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>

#include "ingest/workbook.h"
#include "support/key_values.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

int run_period(const fs::path& inbox, const std::string& period, const test::TempDir& dir) {
  const std::string cmd = std::string(METODMON_BINARY) + " run -q --config " +
                          (test::source_dir() / "scripts/demo.toml").string() + " --period " + period +
                          " --inbox '" + inbox.string() + "' --output '" + (dir / "out").string() +
                          "' --state '" + (dir / "state").string() + "' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(DynamicsRunTest, SecondMonthShowsChangesAgainstTheFirst) {
  test::TempDir dir;
  // October: the same schools, forms dated 2026-10, courses_passed lower by 5.
  const auto made = test::run_python(R"(
import sys, pathlib, openpyxl
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dst.mkdir(parents=True)
n = 0
for p in sorted(src.glob("*.xlsx")):
    wb = openpyxl.load_workbook(p)
    meta = wb["_meta"]
    for row in meta.iter_rows():
        if row[0].value == "period":
            row[1].value = "2026-10"
    for dn in wb.defined_names.definedName:
        if dn.name == "in_courses_passed":
            for sheet, coord in dn.destinations:
                cell = wb[sheet][coord.replace("$", "")]
                if isinstance(cell.value, int) and cell.value >= 5:
                    cell.value -= 5
    wb.save(dst / p.name.replace("2026-11", "2026-10"))
    n += 1
print("forms=%d" % n)
)", {(test::source_dir() / "sample_workbooks/demo").string(), (dir / "inbox_oct").string()});
  ASSERT_EQ(made.exit_code, 0) << made.out;
  ASSERT_GE(std::stoi(test::value_of(made.out, "forms")), 12);

  EXPECT_EQ(run_period(dir / "inbox_oct", "2026-10", dir), 2);
  EXPECT_EQ(run_period(test::source_dir() / "sample_workbooks/demo", "2026-11", dir), 2);

  const auto wb = ingest::read_workbook(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx");
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const auto* dynamics = wb->sheet("Динамика");
  ASSERT_NE(dynamics, nullptr) << "no dynamics sheet after two periods";
  std::string text;
  for (const auto& c : dynamics->cells) text += c.text + "|";
  EXPECT_NE(text.find("2026-10"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("5.1"), std::string::npos);  // courses_share is listed

  // The October report has no earlier period: no dynamics sheet.
  const auto october = ingest::read_workbook(dir / "out/2026-10/Итоги_demo-ensk_2026-10.xlsx");
  ASSERT_TRUE(october);
  EXPECT_EQ(october->sheet("Динамика"), nullptr);
}
