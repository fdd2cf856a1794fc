// A rerun that cannot write its workbooks (a late form came in, and the disk
// filled up since the first run) changes nothing a director or the methodist already has: the
// period's published files stay byte for byte, no half-written file is left
// beside them, the history keeps its values and records the failed run, the
// inbox is untouched and no director is mailed; the methodist gets one letter
// saying what failed and what to do. The next run, with room on the disk,
// publishes as usual.
//
// The full disk is stood in for by a file-size limit (prlimit --fsize, with
// SIGXFSZ ignored so the write fails with EFBIG as it would with ENOSPC):
// in the first test below the size of the results workbook, above every other
// file the run writes, so the run gets as far as publishing and fails there.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

std::string run_in(const fs::path& config) { return "run --config " + test::shell_quote(config.string()); }

// The run with no file allowed to grow past `max_bytes`.
test::ProcessResult run_with_file_limit(const fs::path& config, std::uintmax_t max_bytes) {
  return test::run_command("prlimit --fsize=" + std::to_string(max_bytes) + " -- sh -c " +
                           test::shell_quote("trap '' XFSZ; exec " + test::shell_quote(METODMON_BINARY) + " " +
                                             run_in(config)));
}

std::string history_facts(const test::TempDir& dir) {
  const auto r = test::run_python(R"(
import sys, sqlite3, hashlib
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select * from indicator_values order by 1,2,3").fetchall()
print("values=%d" % len(rows))
print("value_digest=%s" % hashlib.sha256(repr(rows).encode()).hexdigest())
print("last_exit=%s" % db.execute("select exit_code from runs order by id desc limit 1").fetchone()[0])
)", {(dir / "state/history.sqlite").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

// The largest file of the published folder other than `except`.
std::uintmax_t largest_file_except(const fs::path& dir, const fs::path& except) {
  std::uintmax_t largest = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path() != except) largest = std::max(largest, e.file_size());
  }
  return largest;
}

// The first run, with room on the disk, of the demo forms but sch02's, which
// comes late (the rerun has one school more to write). Returns the config.
fs::path first_run_before_a_late_form(const test::TempDir& dir) {
  test::copy_demo_forms(dir / "inbox");
  fs::create_directories(dir / "late");
  fs::rename(dir / "inbox/sch02_2026-11.xlsx", dir / "late/sch02_2026-11.xlsx");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", test::k_dry_run_mail});
  const auto r = test::metodmon(run_in(config) + " -q");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  return config;
}

void late_form_arrives(const test::TempDir& dir) {
  fs::rename(dir / "late/sch02_2026-11.xlsx", dir / "inbox/sch02_2026-11.xlsx");
}

// The outbox holds one letter more than `before`: the methodist's notice that
// the run stopped, naming `reason`, with nothing attached and no director mailed.
void expect_only_the_methodists_notice(const test::TempDir& dir, std::size_t before, const std::string& reason) {
  const auto letters = test::outbox_letters(dir / "state/outbox");
  ASSERT_EQ(letters.size(), before + 1) << "only the methodist's letter";
  const auto& notice = letters.back();
  EXPECT_EQ(notice.to, "metodist@ensk-edu.example");
  EXPECT_NE(notice.subject.find("прерван"), std::string::npos) << notice.subject;
  EXPECT_EQ(notice.attachments, 0);
  EXPECT_NE(notice.body.find(reason), std::string::npos) << notice.body;
  EXPECT_NE(notice.body.find("Директорам ничего не отправлено"), std::string::npos) << notice.body;
  EXPECT_NE(notice.body.find("запустите metodmon run снова"), std::string::npos) << notice.body;
}

}  // namespace

TEST(DiskFullTest, ARerunThatCannotWriteKeepsWhatWasPublishedAndTellsTheMethodistOnly) {
  test::TempDir dir;
  const auto config = first_run_before_a_late_form(dir);
  const auto results = test::demo_results_file(dir);
  ASSERT_TRUE(fs::exists(results));
  const auto published = test::tree_hashes(dir / "out/2026-11");
  const auto history_before = history_facts(dir);
  ASSERT_NE(test::value_of(history_before, "values"), "0");
  const auto letters_before = test::outbox_letters(dir / "state/outbox").size();

  late_form_arrives(dir);
  const auto inbox = test::tree_hashes(dir / "inbox");
  const auto limit = fs::file_size(results) - 1024;
  // The limit stops the results workbook only: not the other files published
  // (directors' workbooks, documents) nor the history the run updates first.
  ASSERT_LT(largest_file_except(dir / "out/2026-11", results), limit);
  ASSERT_LT(fs::file_size(dir / "state/history.sqlite") + 16 * 1024, limit);

  const auto r = run_with_file_limit(config, limit);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("не удалось записать книгу"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(results.filename().string()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("файл слишком большой"), std::string::npos) << r.out;  // the OS's reason, in Russian
  EXPECT_NE(r.out.find("на диске есть место"), std::string::npos) << r.out;   // how to fix

  EXPECT_EQ(test::tree_hashes(dir / "out/2026-11"), published);  // nothing half-written, nothing replaced
  EXPECT_EQ(test::tree_hashes(dir / "inbox"), inbox);
  const auto history_after = history_facts(dir);
  EXPECT_EQ(test::value_of(history_after, "value_digest"), test::value_of(history_before, "value_digest"));
  EXPECT_EQ(test::value_of(history_after, "last_exit"), "1");

  expect_only_the_methodists_notice(dir, letters_before, "файл слишком большой");

  // Room again: the rerun publishes the new figures, sch02's workbook too.
  const auto again = test::metodmon(run_in(config) + " -q");
  EXPECT_EQ(again.exit_code, 2) << again.out;
  EXPECT_NE(test::tree_hashes(dir / "out/2026-11"), published);
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/directors/sch02_2026-11.xlsx"));
  EXPECT_EQ(test::value_of(history_facts(dir), "last_exit"), "2");
}

// The disk fills up later, while the letters are filed: the workbooks are
// published, but the methodist's letter (the largest file, its attachments
// inside) cannot be written. The run says so and does not promise that
// `send` will deliver a letter it never filed: the next run composes it.
TEST(DiskFullTest, ALetterThatCannotBeFiledIsComposedAgainByTheNextRun) {
  test::TempDir dir;
  const auto config = first_run_before_a_late_form(dir);
  std::uintmax_t methodist_letter = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir / "state/outbox")) {
    const auto name = e.path().filename().string();
    if (name.find("metodist@") != std::string::npos && name.ends_with(".eml")) methodist_letter = e.file_size();
  }
  ASSERT_GT(methodist_letter, 0u);
  late_form_arrives(dir);
  const auto limit = methodist_letter - 1024;
  ASSERT_LT(fs::file_size(test::demo_results_file(dir)) + 16 * 1024, limit);

  const auto r = run_with_file_limit(config, limit);
  EXPECT_EQ(r.exit_code, 5) << r.out;  // report written, a file it must keep not saved: someone must look
  EXPECT_NE(r.out.find("письма не записаны в папку отправки (1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("составит заново следующий запуск"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("metodmon send попробует"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/directors/sch02_2026-11.xlsx"));

  const auto again = test::metodmon(run_in(config) + " -q");
  EXPECT_EQ(again.exit_code, 2) << again.out;
  // The methodist's results letters: the first run's and the new figures',
  // filed once (a dry run: the outbox keeps both).
  int results_letters = 0;
  for (const auto& l : test::outbox_letters(dir / "state/outbox")) {
    if (l.to != "metodist@ensk-edu.example" || l.attachments == 0) continue;
    ++results_letters;
    EXPECT_EQ(l.attachments, 3) << l.subject;  // the workbook, the справка, the приказ
  }
  EXPECT_EQ(results_letters, 2);
}

// The disk is full before the rerun can even note itself in the history (a
// limit below the history file's size): the run stops there, publishes
// nothing and mails no director, and the methodist still gets the letter,
// which is small enough to be filed.
TEST(DiskFullTest, AHistoryThatCannotBeWrittenStopsTheRunAndTellsTheMethodist) {
  test::TempDir dir;
  const auto config = first_run_before_a_late_form(dir);
  const auto published = test::tree_hashes(dir / "out/2026-11");
  const auto history_before = history_facts(dir);
  const auto letters_before = test::outbox_letters(dir / "state/outbox").size();
  late_form_arrives(dir);
  const std::uintmax_t limit = 32 * 1024;
  ASSERT_GT(fs::file_size(dir / "state/history.sqlite"), limit + 16 * 1024);
  ASSERT_LT(fs::file_size(dir / "state/outbox/2026-11/journal.tsv") + 8 * 1024, limit);

  const auto r = run_with_file_limit(config, limit);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("ошибка базы истории"), std::string::npos) << r.out;
  EXPECT_EQ(test::tree_hashes(dir / "out/2026-11"), published);
  EXPECT_EQ(test::value_of(history_facts(dir), "value_digest"), test::value_of(history_before, "value_digest"));

  // SQLite's «disk I/O error» said in Russian, with the system's reason.
  expect_only_the_methodists_notice(
      dir, letters_before, "ошибка базы истории (начало запуска): ошибка записи или чтения на диске (файл слишком большой)");

  const auto again = test::metodmon(run_in(config) + " -q");
  EXPECT_EQ(again.exit_code, 2) << again.out;
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/directors/sch02_2026-11.xlsx"));
}
