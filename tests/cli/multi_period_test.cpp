// One inbox for every month: last month's forms stay in it. A form of another
// period is not an error of this run: it is listed once on «Ошибки» as
// «форма за другой период — не учитывается», gets no letter, does not change
// the exit code, and stays out of the directors' workbooks.
#include <gtest/gtest.h>

#include "ingest/workbook.h"
#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

// Valid November forms, and October forms of sch01, sch04 (whose November form
// is faulty) and sch16 (which sent nothing for November).
void fill_inbox(const fs::path& inbox) {
  test::copy_demo_forms(inbox);
  for (const char* faulty : {"sch04", "sch09", "sch13", "sch15"}) {
    fs::remove(inbox / (std::string(faulty) + "_2026-11.xlsx"));
  }
  const auto made = test::run_python(R"(
import sys, pathlib, openpyxl
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for source, school in (("sch01", "sch01"), ("sch04", "sch04"), ("sch17", "sch16")):
    wb = openpyxl.load_workbook(src / (source + "_2026-11.xlsx"))
    for row in wb["_meta"].iter_rows():
        if row[0].value == "period":
            row[1].value = "2026-10"
        if row[0].value == "school_id":
            row[1].value = school
    wb.save(dst / (school + "_2026-10.xlsx"))
print("made=3")
)", {(test::source_dir() / "sample_workbooks/demo").string(), inbox.string()});
  ASSERT_EQ(test::value_of(made.out, "made"), "3") << made.out;
}

// How many cells of `sheet` equal `text`, and the text of the rows they are on.
std::pair<int, std::string> rows_with(const ingest::Sheet& sheet, const std::string& text) {
  int n = 0;
  std::string rows;
  for (const auto& c : sheet.cells) {
    if (c.text != text) continue;
    ++n;
    for (const auto& d : sheet.cells) {
      if (d.ref.row == c.ref.row) rows += d.text + "|";
    }
  }
  return {n, rows};
}

}  // namespace

TEST(MultiPeriodTest, FormsOfAnotherPeriodAreListedOnceAndNeitherJudgedNorMailed) {
  test::TempDir dir;
  fill_inbox(dir / "inbox");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", test::k_dry_run_mail});
  const auto r = test::metodmon("run --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("отклонено: 0"), std::string::npos) << r.out;

  const auto wb = ingest::read_workbook(test::demo_results_file(dir));
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const auto* errors = wb->sheet("Ошибки");
  ASSERT_NE(errors, nullptr);
  for (const char* file : {"sch01_2026-10.xlsx", "sch04_2026-10.xlsx", "sch16_2026-10.xlsx"}) {
    const auto [n, rows] = rows_with(*errors, file);
    EXPECT_EQ(n, 1) << file << ": " << rows;
    EXPECT_NE(rows.find("форма за другой период — не учитывается"), std::string::npos) << rows;
  }
  // sch16 has no November form: the row says what to do if it meant November.
  EXPECT_NE(rows_with(*errors, "sch16_2026-10.xlsx").second.find("ноябрь 2026"), std::string::npos);

  const auto letters = test::outbox_letters(dir / "state/outbox");
  EXPECT_EQ(letters.size(), 13u);  // 12 directors and the methodist
  for (const auto& l : letters) {
    EXPECT_EQ(l.subject.find("не принята"), std::string::npos) << l.to << ": " << l.subject;
    EXPECT_EQ(l.body.find("2026-10.xlsx"), std::string::npos) << l.to << ": " << l.body;
  }

  // sch01's director sees November only.
  const auto director = ingest::read_workbook(dir / "out/2026-11/directors/sch01_2026-11.xlsx");
  ASSERT_TRUE(director) << model::to_string(director.error());
  for (const auto& sheet : director->sheets) {
    EXPECT_EQ(rows_with(sheet, "sch01_2026-10.xlsx").first, 0) << sheet.name;
  }
}

TEST(MultiPeriodTest, OnlyLastMonthsFormsMeanNothingAcceptedForThisOne) {
  test::TempDir dir;
  fill_inbox(dir / "inbox");
  for (const auto& e : fs::directory_iterator(dir / "inbox")) {
    if (e.path().filename().string().find("2026-11") != std::string::npos) fs::remove(e.path());
  }
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", {}});
  const auto r = test::metodmon("run --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("форма за другой период"), std::string::npos) << r.out;
}
