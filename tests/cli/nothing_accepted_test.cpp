// A run that accepts no form for its period (the share was not mounted, the
// folder was emptied, every form was rejected) publishes nothing: the
// period's workbooks and history values stay as they were, the exit code is 4
// with a Russian message, and only the methodist gets a letter, about the
// problem. A first run with no forms writes no workbook and no history.
#include <gtest/gtest.h>

#include <map>

#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

// Facts of the history database, read with Python's sqlite3.
std::string history_facts(const test::TempDir& dir) {
  const auto r = test::run_python(R"(
import sys, sqlite3, hashlib
db = sqlite3.connect(sys.argv[1])
print("values=%d" % db.execute("select count(*) from indicator_values where period='2026-11'").fetchone()[0])
rows = db.execute("select * from indicator_values order by 1,2,3").fetchall()
print("value_digest=%s" % hashlib.sha256(repr(rows).encode()).hexdigest())
print("runs=%d" % db.execute("select count(*) from runs").fetchone()[0])
last = db.execute("select exit_code, accepted from runs order by id desc limit 1").fetchone()
print("last_exit=%s" % (last[0] if last else ""))
print("periods=%d" % db.execute("select count(*) from periods").fetchone()[0])
)", {(dir / "state/history.sqlite").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

std::string run_in(const fs::path& config) { return "run --config " + test::shell_quote(config.string()); }

}  // namespace

TEST(NothingAcceptedTest, EmptyInboxOnARerunKeepsResultsHistoryAndMailsOnlyTheMethodist) {
  test::TempDir dir;
  test::copy_demo_forms(dir / "inbox");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", test::k_dry_run_mail});
  ASSERT_EQ(test::metodmon(run_in(config) + " -q").exit_code, 2);
  const auto published = test::tree_hashes(dir / "out/2026-11");
  const auto history_before = history_facts(dir);
  ASSERT_EQ(test::value_of(history_before, "values").empty(), false);
  ASSERT_NE(test::value_of(history_before, "values"), "0");
  const auto letters_before = test::outbox_letters(dir / "state/outbox").size();

  fs::remove_all(dir / "inbox");
  fs::create_directories(dir / "inbox");  // the share is mounted, but empty
  const auto r = test::metodmon(run_in(config));
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("не принято ни одной формы"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("оставлены без изменений"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Итоговая книга:"), std::string::npos) << r.out;

  EXPECT_EQ(test::tree_hashes(dir / "out/2026-11"), published);
  const auto history_after = history_facts(dir);
  EXPECT_EQ(test::value_of(history_after, "values"), test::value_of(history_before, "values"));
  EXPECT_EQ(test::value_of(history_after, "value_digest"), test::value_of(history_before, "value_digest"));
  EXPECT_EQ(test::value_of(history_after, "last_exit"), "4");  // the failed rerun is on record

  const auto letters = test::outbox_letters(dir / "state/outbox");
  ASSERT_EQ(letters.size(), letters_before + 1);
  int problem = 0;
  for (const auto& l : letters) {
    if (l.subject.find("не принято ни одной формы") == std::string::npos) continue;
    ++problem;
    // A noun before the genitive: «запуск мониторинга … — не принято», not «мониторинга … — не принято».
    EXPECT_EQ(l.subject.rfind("metodmon: запуск мониторинга ", 0), 0u) << l.subject;
    EXPECT_EQ(l.to, "metodist@ensk-edu.example");
    EXPECT_EQ(l.attachments, 0);
    EXPECT_NE(l.body.find("без изменений"), std::string::npos) << l.body;
    EXPECT_NE(l.body.find((dir / "inbox").string()), std::string::npos) << l.body;
  }
  EXPECT_EQ(problem, 1);
}

TEST(NothingAcceptedTest, OnlyRejectedFormsOnARerunPublishNothingAndMailNoSchool) {
  test::TempDir dir;
  test::copy_demo_forms(dir / "inbox");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", test::k_dry_run_mail});
  ASSERT_EQ(test::metodmon(run_in(config) + " -q").exit_code, 2);
  const auto published = test::tree_hashes(dir / "out/2026-11");
  const auto history_before = history_facts(dir);
  const auto letters_before = test::outbox_letters(dir / "state/outbox").size();

  // Only the faulty form of sch09 is left.
  for (const auto& e : fs::directory_iterator(dir / "inbox")) {
    if (!e.path().filename().string().starts_with("sch09")) fs::remove(e.path());
  }
  const auto r = test::metodmon(run_in(config));
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("sch09_2026-11.xlsx"), std::string::npos) << r.out;  // why it was not accepted
  EXPECT_EQ(test::tree_hashes(dir / "out/2026-11"), published);
  EXPECT_EQ(test::value_of(history_facts(dir), "value_digest"), test::value_of(history_before, "value_digest"));
  const auto letters = test::outbox_letters(dir / "state/outbox");
  ASSERT_EQ(letters.size(), letters_before + 1);  // the methodist's, nothing to sch09
  EXPECT_EQ(letters.back().to, "metodist@ensk-edu.example");
  EXPECT_NE(letters.back().body.find("sch09_2026-11.xlsx"), std::string::npos) << letters.back().body;
}

TEST(NothingAcceptedTest, AFirstRunWithNoFormsWritesNothingButTheMessage) {
  test::TempDir dir;
  fs::create_directories(dir / "inbox");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", {}});
  const auto r = test::metodmon(run_in(config));
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("не принято ни одной формы"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("итоги не построены"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "out/2026-11"));
  const auto history = history_facts(dir);
  EXPECT_EQ(test::value_of(history, "runs"), "0") << history;
  EXPECT_EQ(test::value_of(history, "periods"), "0") << history;
}
