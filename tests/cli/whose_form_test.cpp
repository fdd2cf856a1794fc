// Whose form is it, and which of a school's forms counts. A form naming
// school B in a file named for school A is flagged and loses to B's own form;
// a fill-in date after the run or before the period is not believed; forms
// nothing tells apart are said to tie instead of being chosen by name; a
// school whose newest form was rejected is told its data come from an older
// one; a form of another method or version reaches its school with the form
// to use.
#include <gtest/gtest.h>

#include "ingest/workbook.h"
#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

const char* k_epoch = "SOURCE_DATE_EPOCH=1795600000";  // 2026-11-25 09:46 UTC
constexpr long k_nov_10 = 1794312000;                   // 2026-11-10 12:00 UTC
constexpr long k_day = 86400;

// One variant of a sample form: "source|dest|meta k=v;…|fill date|input=value|mtime"
// (empty fields change nothing).
std::string spec(const std::string& source, const std::string& dest, const std::string& meta = {},
                 const std::string& filled = {}, const std::string& input = {}, long mtime = k_nov_10) {
  return source + "|" + dest + "|" + meta + "|" + filled + "|" + input + "|" + std::to_string(mtime);
}

// The valid sample forms (the four faulty ones and those named in `drop` left
// out), then the variants.
void fill_inbox(const fs::path& inbox, const std::vector<std::string>& drop, const std::vector<std::string>& variants) {
  test::copy_demo_forms(inbox);
  for (const char* faulty : {"sch04_2026-11.xlsx", "sch09_2026-11.xlsx", "sch13_2026-11.xlsx", "sch15_2026-11.xlsx"}) {
    fs::remove(inbox / faulty);
  }
  for (const auto& name : drop) fs::remove(inbox / name);
  std::vector<std::string> args = {(test::source_dir() / "sample_workbooks/demo").string(), inbox.string()};
  args.insert(args.end(), variants.begin(), variants.end());
  const auto made = test::run_python(R"(
import sys, os, pathlib, datetime, openpyxl
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for line in sys.argv[3:]:
    source, dest, meta, filled, inp, mtime = line.split("|")
    wb = openpyxl.load_workbook(src / source)
    changes = dict(kv.split("=", 1) for kv in meta.split(";") if kv)
    for row in wb["_meta"].iter_rows():
        if row[0].value in changes:
            row[1].value = changes[row[0].value]
    if filled:
        wb["Форма"]["C6"].value = datetime.datetime.strptime(filled, "%d.%m.%Y")
    if inp:
        name, value = inp.split("=")
        for dn in wb.defined_names.definedName:
            if dn.name == "in_" + name:
                for sheet, coord in dn.destinations:
                    wb[sheet][coord.replace("$", "")].value = int(value)
    wb.save(dst / dest)
    os.utime(dst / dest, (int(mtime), int(mtime)))
    n += 1
print("made=%d" % n)
)", args);
  ASSERT_EQ(test::value_of(made.out, "made"), std::to_string(variants.size())) << made.out;
}

// file name -> outcome key, from the history of the last run.
std::map<std::string, std::string> outcomes(const test::TempDir& dir) {
  const auto r = test::run_python(R"(
import sys, sqlite3
db = sqlite3.connect(sys.argv[1])
run = db.execute("select max(id) from runs").fetchone()[0]
for name, outcome in db.execute("select name, outcome from files_seen where run_id = ?", (run,)):
    print("%s=%s" % (name, outcome))
)", {(dir / "state/history.sqlite").string()});
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : test::key_values(r.out)) out[k] = v;
  return out;
}

// The text of the rows of «Ошибки» that name `file`.
std::string error_rows(const test::TempDir& dir, const std::string& file) {
  const auto wb = ingest::read_workbook(test::demo_results_file(dir));
  if (!wb || wb->sheet("Ошибки") == nullptr) return "(no workbook)";
  const auto& sheet = *wb->sheet("Ошибки");
  std::string rows;
  for (const auto& c : sheet.cells) {
    if (c.ref.col != 0 || c.text != file) continue;
    for (const auto& d : sheet.cells) {
      if (d.ref.row == c.ref.row) rows += d.text + "|";
    }
    rows += "\n";
  }
  return rows;
}

std::string methodist_letter(const test::TempDir& dir) {
  for (const auto& l : test::outbox_letters(dir / "state/outbox")) {
    if (l.to == "metodist@ensk-edu.example") return l.body;
  }
  return "(no letter)";
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Bodies of the «не принята» letters to `address` in the outbox.
std::vector<std::string> rejection_letters(const test::TempDir& dir, const std::string& address) {
  std::vector<std::string> bodies;
  for (const auto& l : test::outbox_letters(dir / "state/outbox")) {
    if (has(l.to, address) && has(l.subject, "не принята")) bodies.push_back(l.body);
  }
  return bodies;
}

test::ProcessResult run(const test::TempDir& dir) {
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", test::k_dry_run_mail});
  return test::metodmon("run --config " + test::shell_quote(config.string()), k_epoch);
}

}  // namespace

TEST(WhoseFormTest, AFormOfSchoolBInAFileNamedForSchoolALosesToBsOwnForm) {
  test::TempDir dir;
  // sch01's file holds a form that names sch02, filled later than sch02's own.
  fill_inbox(dir / "inbox", {"sch01_2026-11.xlsx"},
             {spec("sch01_2026-11.xlsx", "sch01_2026-11.xlsx", "school_id=sch02", "20.11.2026")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto o = outcomes(dir);
  EXPECT_EQ(o["sch02_2026-11.xlsx"], "accepted");
  EXPECT_EQ(o["sch01_2026-11.xlsx"], "superseded");
  const auto rows = error_rows(dir, "sch01_2026-11.xlsx");
  EXPECT_TRUE(has(rows, "МБОУ СОШ № 1") && has(rows, "МБОУ СОШ № 2")) << rows;
  EXPECT_TRUE(has(rows, "собственная форма")) << rows;
  const auto letter = methodist_letter(dir);
  EXPECT_TRUE(has(letter, "Обратите внимание")) << letter;
  EXPECT_TRUE(has(letter, "sch01_2026-11.xlsx")) << letter;
  EXPECT_FALSE(fs::exists(dir / "out/2026-11/directors/sch01_2026-11.xlsx"));
}

TEST(WhoseFormTest, AFormOfSchoolBInAFileNamedForSchoolAAloneCountsForBAndIsFlagged) {
  test::TempDir dir;
  fill_inbox(dir / "inbox", {"sch01_2026-11.xlsx", "sch02_2026-11.xlsx"},
             {spec("sch01_2026-11.xlsx", "sch01_2026-11.xlsx", "school_id=sch02")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(outcomes(dir)["sch01_2026-11.xlsx"], "accepted");
  const auto rows = error_rows(dir, "sch01_2026-11.xlsx");
  EXPECT_TRUE(has(rows, "файл назван по ОО «МБОУ СОШ № 1»")) << rows;
  EXPECT_TRUE(has(methodist_letter(dir), "sch01_2026-11.xlsx")) << methodist_letter(dir);
}

TEST(WhoseFormTest, AFillInDateAfterTheRunIsNotBelieved) {
  test::TempDir dir;
  // 07.11.2062 typed by mistake in the first form; the corrected one is newer.
  fill_inbox(dir / "inbox", {"sch05_2026-11.xlsx"},
             {spec("sch05_2026-11.xlsx", "sch05_2026-11.xlsx", {}, "07.11.2062", {}, k_nov_10),
              spec("sch05_2026-11.xlsx", "sch05_2026-11 исправленная.xlsx", {}, "12.11.2026", "teachers_total=41",
                   k_nov_10 + 2 * k_day)});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto o = outcomes(dir);
  EXPECT_EQ(o["sch05_2026-11 исправленная.xlsx"], "accepted");
  EXPECT_EQ(o["sch05_2026-11.xlsx"], "superseded");
  EXPECT_TRUE(has(error_rows(dir, "sch05_2026-11.xlsx"), "2062")) << error_rows(dir, "sch05_2026-11.xlsx");
}

TEST(WhoseFormTest, FormsThatTieWithDifferentFiguresAreNotChosenByName) {
  test::TempDir dir;
  // Same fill-in date, same mtime: x.xlsx would beat the corrected x (1).xlsx by name.
  fill_inbox(dir / "inbox", {"sch03_2026-11.xlsx"},
             {spec("sch03_2026-11.xlsx", "sch03_2026-11.xlsx", {}, "12.11.2026"),
              spec("sch03_2026-11.xlsx", "sch03_2026-11 (1).xlsx", {}, "12.11.2026", "teachers_total=90")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.out;  // the school's forms are refused: it must say which one
  auto o = outcomes(dir);
  EXPECT_EQ(o["sch03_2026-11.xlsx"], "rejected");
  EXPECT_EQ(o["sch03_2026-11 (1).xlsx"], "rejected");
  EXPECT_TRUE(has(error_rows(dir, "sch03_2026-11.xlsx"), "разными данными")) << error_rows(dir, "sch03_2026-11.xlsx");
  EXPECT_TRUE(has(methodist_letter(dir), "sch03_2026-11 (1).xlsx")) << methodist_letter(dir);
  EXPECT_FALSE(fs::exists(dir / "out/2026-11/directors/sch03_2026-11.xlsx"));
}

TEST(WhoseFormTest, FormsThatTieWithTheSameFiguresAreUsedAndTheTieIsSaid) {
  test::TempDir dir;
  fill_inbox(dir / "inbox", {"sch03_2026-11.xlsx"},
             {spec("sch03_2026-11.xlsx", "sch03_2026-11.xlsx", {}, "12.11.2026"),
              // Other bytes (saved again later), the same figures.
              spec("sch03_2026-11.xlsx", "sch03_2026-11 (1).xlsx", "generated_at=2026-11-02 10:00", "12.11.2026")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto o = outcomes(dir);
  EXPECT_EQ(o["sch03_2026-11.xlsx"] + "," + o["sch03_2026-11 (1).xlsx"], "accepted,superseded");
  EXPECT_TRUE(has(methodist_letter(dir), "данные в них совпадают")) << methodist_letter(dir);
}

TEST(WhoseFormTest, AnOlderValidFormUsedBecauseTheNewerWasRejectedIsSaidOnItsRow) {
  test::TempDir dir;
  // sch09's newest form is the faulty sample; an older valid one is also there.
  fill_inbox(dir / "inbox", {},
             {spec("sch08_2026-11.xlsx", "sch09_2026-11 (старая).xlsx", "school_id=sch09", "02.11.2026", {},
                   k_nov_10 - 5 * k_day)});
  fs::copy_file(test::source_dir() / "sample_workbooks/demo/sch09_2026-11.xlsx", dir / "inbox/sch09_2026-11.xlsx");
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(outcomes(dir)["sch09_2026-11 (старая).xlsx"], "accepted");
  const auto rows = error_rows(dir, "sch09_2026-11 (старая).xlsx");
  EXPECT_TRUE(has(rows, "более новая форма «sch09_2026-11.xlsx» отклонена")) << rows;
  EXPECT_TRUE(has(methodist_letter(dir), "sch09_2026-11 (старая).xlsx")) << methodist_letter(dir);
}

TEST(WhoseFormTest, AFormOfAnotherMethodReachesTheSchoolNamedByItsFile) {
  test::TempDir dir;
  fill_inbox(dir / "inbox", {"sch06_2026-11.xlsx"},
             {spec("sch06_2026-11.xlsx", "sch06_2026-11.xlsx", "definition_id=krymsk-m1;school_id=x77")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  const auto bodies = rejection_letters(dir, "school6@ensk-edu.example");
  ASSERT_EQ(bodies.size(), 1u) << r.out;
  EXPECT_TRUE(has(bodies[0], "заполните форму мониторинга")) << bodies[0];
}

TEST(WhoseFormTest, AnOutdatedFormReachesTheSchoolNamedByItsMetaWithTheVersionToUse) {
  test::TempDir dir;
  // A file name that names no school: only _meta says whose form it is. The
  // school's other forms are left out: one accepted after it would mean the
  // school has corrected it, and it would not be told of it again.
  fill_inbox(dir / "inbox", {"sch07_2026-11.xlsx", "sch07_2026-11 (первый вариант).xlsx"},
             {spec("sch07_2026-11.xlsx", "анкета школы.xlsx", "definition_version=2025.1")});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(outcomes(dir)["анкета школы.xlsx"], "rejected");
  const auto bodies = rejection_letters(dir, "school7@ensk-edu.example");
  ASSERT_EQ(bodies.size(), 1u) << r.out;
  EXPECT_TRUE(has(bodies[0], "устаревшая версия формы: 2025.1")) << bodies[0];
  EXPECT_TRUE(has(bodies[0], "актуальную форму за ноябрь 2026 (версии 2026.2)")) << bodies[0];
}

TEST(WhoseFormTest, ARejectedFormTheSchoolCorrectedSinceIsNotToldAgain) {
  test::TempDir dir;
  // The outdated form of 10 November, then the school's form in use, sent
  // later: the school has corrected it (issue 26, point 1).
  fill_inbox(dir / "inbox", {"sch07_2026-11.xlsx"},
             {spec("sch07_2026-11.xlsx", "анкета школы.xlsx", "definition_version=2025.1"),
              spec("sch07_2026-11 (первый вариант).xlsx", "sch07_2026-11 (первый вариант).xlsx", {}, {}, {},
                   k_nov_10 + k_day)});
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(outcomes(dir)["анкета школы.xlsx"], "rejected");
  EXPECT_EQ(outcomes(dir)["sch07_2026-11 (первый вариант).xlsx"], "accepted");
  EXPECT_TRUE(rejection_letters(dir, "school7@ensk-edu.example").empty()) << r.out;
}
