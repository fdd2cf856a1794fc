// Monthly runs sharing one history: October's forms (the November samples
// re-dated, with fewer teachers through courses), then November's. The
// November report must carry the dynamics against October; with September
// run as well it has three periods and the trends.
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

// The November samples re-dated to `period`, courses_passed lower by `less`.
test::ProcessResult redate(const fs::path& dst, const std::string& period, int less) {
  return test::run_python(R"(
import sys, pathlib, openpyxl
src, dst, period, less = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
dst.mkdir(parents=True)
n = 0
for p in sorted(src.glob("*.xlsx")):
    wb = openpyxl.load_workbook(p)
    meta = wb["_meta"]
    for row in meta.iter_rows():
        if row[0].value == "period":
            row[1].value = period
    for dn in wb.defined_names.definedName:
        if dn.name == "in_courses_passed":
            for sheet, coord in dn.destinations:
                cell = wb[sheet][coord.replace("$", "")]
                if isinstance(cell.value, int) and cell.value >= less:
                    cell.value -= less
    wb.save(dst / p.name.replace("2026-11", period))
    n += 1
print("forms=%d" % n)
)", {(test::source_dir() / "sample_workbooks/demo").string(), dst.string(), period, std::to_string(less)});
}

}  // namespace

TEST(DynamicsRunTest, LaterMonthsShowChangesAndThenTrends) {
  test::TempDir dir;
  ASSERT_EQ(redate(dir / "inbox_sep", "2026-09", 8).exit_code, 0);
  const auto made = redate(dir / "inbox_oct", "2026-10", 5);
  ASSERT_EQ(made.exit_code, 0) << made.out;
  ASSERT_GE(std::stoi(test::value_of(made.out, "forms")), 12);

  EXPECT_EQ(run_period(dir / "inbox_sep", "2026-09", dir), 2);
  EXPECT_EQ(run_period(dir / "inbox_oct", "2026-10", dir), 2);
  EXPECT_EQ(run_period(test::source_dir() / "sample_workbooks/demo", "2026-11", dir), 2);

  const auto wb = ingest::read_workbook(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx");
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const auto* dynamics = wb->sheet("Динамика");
  ASSERT_NE(dynamics, nullptr) << "no dynamics sheet after earlier periods";
  std::string text;
  for (const auto& c : dynamics->cells) text += c.text + "|";
  EXPECT_NE(text.find("2026-10"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("5.1"), std::string::npos);  // courses_share is listed

  // Three months in the history: the trends, period by period.
  const auto out = test::openpyxl_eval(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx", R"(
ws = wb['Тренды']
print([c.value for c in ws['A'] if c.value in ('сентябрь 2026', 'октябрь 2026', 'ноябрь 2026')][:3])
)");
  EXPECT_EQ(out, "['сентябрь 2026', 'октябрь 2026', 'ноябрь 2026']\n");

  // September has no earlier period: no dynamics; October two periods: no trends.
  const auto september = ingest::read_workbook(dir / "out/2026-09/Итоги_demo-ensk_2026-09.xlsx");
  ASSERT_TRUE(september);
  EXPECT_EQ(september->sheet("Динамика"), nullptr);
  const auto october = ingest::read_workbook(dir / "out/2026-10/Итоги_demo-ensk_2026-10.xlsx");
  ASSERT_TRUE(october);
  EXPECT_NE(october->sheet("Динамика"), nullptr);
  EXPECT_EQ(october->sheet("Тренды"), nullptr);
}
