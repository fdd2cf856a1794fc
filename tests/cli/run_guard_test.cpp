// What a run refuses before it touches anything: a period of the wrong kind
// for the method, a SOURCE_DATE_EPOCH outside the years 1970–9999, a state
// folder that cannot be written. Each is a clear Russian message and exit 1,
// with no lock, history or output left behind.
#include <gtest/gtest.h>

#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

std::string demo_args(const test::TempDir& dir) {
  return "--config " + test::shell_quote((test::source_dir() / "scripts/demo.toml").string()) + " --output " +
         test::shell_quote((dir / "out").string()) + " --state " + test::shell_quote((dir / "state").string());
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(PeriodKindTest, YearOrHalfYearForAMonthlyMethodIsRefusedBeforeReading) {
  for (const char* period : {"2026", "2027-H1"}) {
    test::TempDir dir;
    const auto r = test::metodmon("run " + demo_args(dir) + " --period " + period);
    EXPECT_EQ(r.exit_code, 1) << period << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "ежемесячн")) << r.out;
    EXPECT_TRUE(contains(r.out, "ГГГГ-ММ")) << r.out;
    EXPECT_FALSE(contains(r.out, "sch01")) << "forms were read: " << r.out;
    EXPECT_FALSE(fs::exists(dir / "out" / period)) << period;
    EXPECT_FALSE(fs::exists(dir / "state/history.sqlite")) << period;
  }
}

TEST(PeriodKindTest, MonthForAYearlyMethodIsRefused) {
  test::TempDir dir;
  const auto config = test::shell_quote((test::source_dir() / "scripts/samples/lk_roadmap.toml").string());
  const auto r = test::metodmon("run --config " + config + " --period 2022-11 --output " +
                                test::shell_quote((dir / "out").string()) + " --state " +
                                test::shell_quote((dir / "state").string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "ГГГГ")) << r.out;
  EXPECT_TRUE(contains(r.out, "2022")) << r.out;  // the example is the year asked for
  EXPECT_FALSE(fs::exists(dir / "out/2022-11"));
}

TEST(PeriodKindTest, CheckAndTemplateRefuseItToo) {
  test::TempDir dir;
  const auto form = test::source_dir() / "sample_workbooks/demo/sch01_2026-11.xlsx";
  // check and template take no --output: the demo configuration with this test's folders.
  const auto config = "--config " + test::shell_quote(test::write_demo_config(dir).string());
  const auto check = test::metodmon("check " + config + " --period 2026-H2 " + test::shell_quote(form.string()));
  EXPECT_EQ(check.exit_code, 1) << check.out;
  EXPECT_TRUE(contains(check.out, "ГГГГ-ММ")) << check.out;
  const auto tmpl = test::metodmon("template " + config + " --period 2026 --out " +
                                   test::shell_quote((dir / "forms").string()));
  EXPECT_EQ(tmpl.exit_code, 1) << tmpl.out;
  EXPECT_FALSE(fs::exists(dir / "forms"));
}

TEST(SourceDateEpochTest, OutOfRangeIsRefusedAndLeavesNoLock) {
  for (const char* epoch : {"68000000000000000", "253402300800", "-1", "завтра", "1e9"}) {
    test::TempDir dir;
    const auto r = test::metodmon("run -q " + demo_args(dir), std::string("SOURCE_DATE_EPOCH=") + test::shell_quote(epoch));
    EXPECT_EQ(r.exit_code, 1) << epoch << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "SOURCE_DATE_EPOCH")) << r.out;
    EXPECT_TRUE(contains(r.out, "1970")) << r.out;
    EXPECT_FALSE(fs::exists(dir / "state/metodmon.lock")) << epoch;
    EXPECT_FALSE(fs::exists(dir / "out/2026-11")) << epoch;
  }
}

TEST(SourceDateEpochTest, TheLastSecondOfYear9999IsAccepted) {
  test::TempDir dir;
  const auto r = test::metodmon("run -q " + demo_args(dir), "SOURCE_DATE_EPOCH=253402300799 TZ=UTC");
  EXPECT_EQ(r.exit_code, 2) << r.out;  // the demo has rejected forms
  EXPECT_TRUE(fs::exists(test::demo_results_file(dir)));
}

TEST(StateFolderTest, AStateFolderThatCannotBeWrittenIsNotAnotherRun) {
  test::TempDir dir;
  dir.write("not-a-folder", "x");
  const auto state = dir / "not-a-folder" / "state";
  const auto r = test::metodmon("run -q --config " +
                                test::shell_quote((test::source_dir() / "scripts/demo.toml").string()) +
                                " --output " + test::shell_quote((dir / "out").string()) + " --state " +
                                test::shell_quote(state.string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "папк")) << r.out;
  EXPECT_TRUE(contains(r.out, state.string())) << r.out;
  EXPECT_FALSE(contains(r.out, "другой запуск")) << r.out;
  EXPECT_FALSE(fs::exists(dir / "out/2026-11"));
}
