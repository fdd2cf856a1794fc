#include "ingest/inbox.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <thread>

#include "store/archive.h"
#include "support/temp_dir.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;
using ingest::InboxOptions;
using model::Outcome;

constexpr std::int64_t k_now = 1795132800;  // 2026-11-20 00:00:00 UTC

void set_mtime(const fs::path& p, std::int64_t t) {
  const struct timespec times[2] = {{t, 0}, {t, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, p.c_str(), times, 0), 0);
}

// Writes a file that was last changed an hour before k_now.
fs::path put(const test::TempDir& dir, std::string_view name, std::string_view bytes,
             std::int64_t age = 3600) {
  const auto p = dir.write(name, bytes);
  set_mtime(p, k_now - age);
  return p;
}

InboxOptions fixed_now() {
  InboxOptions o;
  o.now = k_now;
  o.settle_check_ms = 0;
  return o;
}

const model::FileOutcome* find_aside(const ingest::InboxScan& scan, std::string_view name) {
  const auto it = std::find_if(scan.set_aside.begin(), scan.set_aside.end(),
                               [&](const model::FileOutcome& o) { return o.file.name == name; });
  return it == scan.set_aside.end() ? nullptr : &*it;
}

std::vector<std::string> workbook_names(const ingest::InboxScan& scan) {
  std::vector<std::string> names;
  for (const auto& f : scan.workbooks) names.push_back(f.name);
  return names;
}

TEST(ClassifyNameTest, KnowsLockTempHiddenAndWorkbookNames) {
  using ingest::NameKind;
  EXPECT_EQ(ingest::classify_name("Школа 3.xlsx"), NameKind::workbook);
  EXPECT_EQ(ingest::classify_name("ФОРМА.XLSX"), NameKind::workbook);
  EXPECT_EQ(ingest::classify_name("old.xls"), NameKind::workbook);
  EXPECT_EQ(ingest::classify_name("macro.xlsm"), NameKind::workbook);
  EXPECT_EQ(ingest::classify_name("~$Школа 3.xlsx"), NameKind::lock);
  EXPECT_EQ(ingest::classify_name(".~lock.Школа 3.xlsx#"), NameKind::lock);
  EXPECT_EQ(ingest::classify_name("~WRL0001.tmp"), NameKind::temp);
  EXPECT_EQ(ingest::classify_name("book.xlsx.TMP"), NameKind::temp);
  EXPECT_EQ(ingest::classify_name(".DS_Store"), NameKind::hidden);
  EXPECT_EQ(ingest::classify_name("письмо.docx"), NameKind::other);
  EXPECT_EQ(ingest::classify_name("Ответы.CSV"), NameKind::text);
  EXPECT_EQ(ingest::classify_name("ответы.tsv"), NameKind::text);
  EXPECT_EQ(ingest::classify_name("xlsx"), NameKind::other);
}

TEST(InboxTest, ListsWorkbooksWithHashSizeAndMtime) {
  test::TempDir dir;
  const auto p = put(dir, "Школа 1.xlsx", "first form");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan) << model::to_string(scan.error());
  ASSERT_EQ(scan->workbooks.size(), 1u);
  const auto& f = scan->workbooks[0];
  EXPECT_EQ(f.path, p);
  EXPECT_EQ(f.name, "Школа 1.xlsx");
  EXPECT_EQ(f.sha256, util::sha256_hex("first form"));
  EXPECT_EQ(f.size, 10u);
  EXPECT_EQ(f.mtime, k_now - 3600);
  EXPECT_TRUE(scan->set_aside.empty());
}

TEST(InboxTest, SkipsLockTempAndHiddenFilesQuietly) {
  test::TempDir dir;
  put(dir, "a.xlsx", "a");
  put(dir, "~$a.xlsx", "owner");
  put(dir, ".~lock.a.xlsx#", "lo lock");
  put(dir, "~WRL0001.tmp", "tmp");
  put(dir, ".hidden.xlsx", "h");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), std::vector<std::string>{"a.xlsx"});
  ASSERT_EQ(scan->set_aside.size(), 4u);
  for (const auto& o : scan->set_aside) {
    EXPECT_EQ(o.outcome, Outcome::skipped) << o.file.name;
    ASSERT_EQ(o.diagnostics.size(), 1u);
    EXPECT_EQ(o.diagnostics[0].severity, model::Severity::info);
  }
  EXPECT_EQ(find_aside(*scan, "~$a.xlsx")->diagnostics[0].message,
            "файл блокировки открытой книги, пропущен");
}

TEST(InboxTest, ReportsOtherFilesAsNotAWorkbook) {
  test::TempDir dir;
  put(dir, "письмо.docx", "doc");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_TRUE(scan->workbooks.empty());
  const auto* o = find_aside(*scan, "письмо.docx");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->outcome, Outcome::rejected);
  EXPECT_EQ(model::to_string(o->diagnostics[0]),
            "письмо.docx: файл «письмо.docx» не является книгой Excel. Как исправить: попросите "
            "школу прислать заполненную форму в формате .xlsx");
}

TEST(InboxTest, LeavesRecentlyChangedFilesForTheNextRun) {
  test::TempDir dir;
  put(dir, "old.xlsx", "old", 61);
  put(dir, "fresh.xlsx", "fresh", 59);
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), std::vector<std::string>{"old.xlsx"});
  const auto* o = find_aside(*scan, "fresh.xlsx");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->outcome, Outcome::skipped);
  EXPECT_EQ(o->diagnostics[0].severity, model::Severity::warning);
  EXPECT_NE(o->diagnostics[0].message.find("будет обработан при следующем запуске"),
            std::string::npos);
}

TEST(InboxTest, NoticesAFileGrowingBetweenTwoLooks) {
  test::TempDir dir;
  const auto growing = put(dir, "growing.xlsx", "part");
  put(dir, "still.xlsx", "done");
  InboxOptions o = fixed_now();
  o.settle_check_ms = 300;
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::FILE* f = std::fopen(growing.c_str(), "ab");
    std::fputs(" and more", f);
    std::fclose(f);
    set_mtime(growing, k_now - 3600);  // even with the old mtime, the size gives it away
  });
  const auto scan = ingest::scan_inbox(dir.path(), o);
  writer.join();
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), std::vector<std::string>{"still.xlsx"});
  const auto* g = find_aside(*scan, "growing.xlsx");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->outcome, Outcome::skipped);
  EXPECT_NE(g->diagnostics[0].message.find("меняется прямо сейчас"), std::string::npos);
}

TEST(InboxTest, MarksIdenticalResentFilesAsDuplicatesKeepingTheFirstByName) {
  test::TempDir dir;
  put(dir, "b.xlsx", "same bytes");
  put(dir, "a.xlsx", "same bytes");
  put(dir, "sub/a.xlsx", "same bytes");
  put(dir, "c.xlsx", "other bytes");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), (std::vector<std::string>{"a.xlsx", "c.xlsx"}));
  EXPECT_EQ(scan->workbooks[0].path, dir / "a.xlsx");
  ASSERT_EQ(scan->set_aside.size(), 2u);
  EXPECT_EQ(scan->set_aside[0].file.name, "b.xlsx");
  EXPECT_EQ(scan->set_aside[0].outcome, Outcome::duplicate);
  EXPECT_EQ(scan->set_aside[0].file.sha256, util::sha256_hex("same bytes"));
  EXPECT_NE(scan->set_aside[0].diagnostics[0].message.find("«a.xlsx»"), std::string::npos);
  EXPECT_EQ(scan->set_aside[1].file.path, dir / "sub/a.xlsx");
  EXPECT_EQ(scan->set_aside[1].outcome, Outcome::duplicate);
}

// Hashing is shared among workers: the lists, the hashes and which copy is
// kept must not depend on how many there are.
TEST(InboxTest, HashingOnSeveralThreadsGivesTheSameScan) {
  test::TempDir dir;
  for (int i = 0; i < 40; ++i) {
    const auto bytes = "form " + std::to_string(i % 13);  // every 13th file repeats
    put(dir, (i < 20 ? "" : "sub/") + std::string("f") + std::to_string(100 + i) + ".xlsx", bytes);
  }
  put(dir, "notes.txt", "not a form");
  auto one = fixed_now();
  one.threads = 1;
  auto four = fixed_now();
  four.threads = 4;
  const auto a = ingest::scan_inbox(dir.path(), one);
  const auto b = ingest::scan_inbox(dir.path(), four);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->workbooks.size(), 13u);
  ASSERT_EQ(a->set_aside.size(), 28u);  // 27 repeats and the note
  ASSERT_EQ(b->workbooks.size(), a->workbooks.size());
  for (std::size_t i = 0; i < a->workbooks.size(); ++i) {
    EXPECT_EQ(b->workbooks[i].path, a->workbooks[i].path);
    EXPECT_EQ(b->workbooks[i].sha256, a->workbooks[i].sha256);
    EXPECT_EQ(b->workbooks[i].sha256, util::sha256_hex("form " + std::to_string(i)));
  }
  ASSERT_EQ(b->set_aside.size(), a->set_aside.size());
  for (std::size_t i = 0; i < a->set_aside.size(); ++i) {
    EXPECT_EQ(b->set_aside[i].file.path, a->set_aside[i].file.path);
    EXPECT_EQ(b->set_aside[i].outcome, a->set_aside[i].outcome);
    EXPECT_EQ(b->set_aside[i].diagnostics[0].message, a->set_aside[i].diagnostics[0].message);
  }
}

TEST(InboxTest, LooksOneLevelDeepAndNotIntoHiddenFolders) {
  test::TempDir dir;
  put(dir, "top.xlsx", "1");
  put(dir, "Школа 2/form.xlsx", "2");
  put(dir, "Школа 2/deeper/too-deep.xlsx", "3");
  put(dir, ".Trash-1000/deleted.xlsx", "4");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), (std::vector<std::string>{"top.xlsx", "form.xlsx"}));
  EXPECT_EQ(scan->workbooks[1].path, dir / "Школа 2/form.xlsx");
  EXPECT_TRUE(scan->set_aside.empty());
}

TEST(InboxTest, FailsWithLocatedErrorWhenInboxIsMissing) {
  test::TempDir dir;
  const auto scan = ingest::scan_inbox(dir / "nope", fixed_now());
  ASSERT_FALSE(scan);
  EXPECT_EQ(scan.error().message, "папка входящих форм не найдена или недоступна");
  EXPECT_EQ(scan.error().where.file, (dir / "nope").string());
}

TEST(InboxTest, NeverChangesTheInbox) {
  test::TempDir dir;
  const std::vector<std::string> names = {"a.xlsx", "b.xlsx", "~$a.xlsx", "x.docx",
                                          "sub/c.xls", "fresh.xlsx"};
  for (const auto& n : names) put(dir, n, "bytes of " + n, n == "fresh.xlsx" ? 5 : 3600);
  put(dir, "dup.xlsx", "bytes of a.xlsx");
  auto snapshot = [&] {
    std::map<std::string, std::pair<std::string, std::int64_t>> s;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      if (!e.is_regular_file()) continue;
      struct stat st{};
      ::stat(e.path().c_str(), &st);
      s[e.path().string()] = {*util::sha256_file(e.path()), st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
    }
    return s;
  };
  const auto before = snapshot();
  InboxOptions o = fixed_now();
  o.settle_check_ms = 50;
  const auto scan = ingest::scan_inbox(dir.path(), o);
  ASSERT_TRUE(scan);
  ASSERT_TRUE(ingest::scan_inbox(dir.path(), o));
  // Archiving reads the same files; the archive lives outside the inbox.
  test::TempDir archive;
  for (const auto& f : scan->workbooks) {
    ASSERT_TRUE(store::archive_file(archive.path(), "2026-11", "sch01", f));
  }
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(before.size(), 7u);
}

// Only regular files are read: a FIFO would block the run forever on open(),
// a link to /dev/zero would never end. They and a link to nothing are listed
// as skipped with the reason, so the methodist sees them.
TEST(InboxTest, ListsFifosDevicesAndDanglingLinksAsSkippedWithAReason) {
  test::TempDir dir;
  put(dir, "good.xlsx", "1");
  ASSERT_EQ(::mkfifo((dir / "pipe.xlsx").c_str(), 0644), 0);
  fs::create_symlink(dir / "gone.xlsx", dir / "dangling.xlsx");
  fs::create_symlink("/dev/zero", dir / "zero.xlsx");
  const auto scan = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), (std::vector<std::string>{"good.xlsx"}));
  const std::map<std::string, std::string> reasons = {
      {"pipe.xlsx", "не обычный файл (именованный канал)"},
      {"dangling.xlsx", "ссылка на несуществующий файл"},
      {"zero.xlsx", "не обычный файл (устройство)"},
  };
  for (const auto& [name, reason] : reasons) {
    const auto* o = find_aside(*scan, name);
    ASSERT_NE(o, nullptr) << name;
    EXPECT_EQ(o->outcome, Outcome::skipped) << name;
    ASSERT_EQ(o->diagnostics.size(), 1u);
    EXPECT_EQ(o->diagnostics[0].severity, model::Severity::warning);
    EXPECT_EQ(o->diagnostics[0].message.rfind(reason, 0), 0u) << o->diagnostics[0].message;
  }
}

// The size limit applies before the file is hashed: a 2 GB sparse file would
// take half a minute to hash only to be refused.
TEST(InboxTest, AFileOverTheSizeLimitIsSetAsideBeforeHashing) {
  test::TempDir dir;
  put(dir, "small.xlsx", "1");
  const auto big = dir / "big.xlsx";
  { std::ofstream touch(big); }
  fs::resize_file(big, 2ull << 30);  // sparse: no disk used
  set_mtime(big, k_now - 3600);
  auto options = fixed_now();
  options.max_file_bytes = 50ull << 20;  // NOLINT
  const auto scan = ingest::scan_inbox(dir.path(), options);
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), (std::vector<std::string>{"small.xlsx"}));
  const auto* o = find_aside(*scan, "big.xlsx");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->outcome, Outcome::rejected);
  EXPECT_EQ(o->file.size, 2ull << 30);
  EXPECT_TRUE(o->file.sha256.empty());  // never hashed
  EXPECT_EQ(o->diagnostics[0].message, "файл больше 50 МБ — это не похоже на школьную форму");
}

// A method with questionnaires: text exports are candidates; an export may
// be larger than a form, and over its own limit it is refused as an export.
TEST(InboxTest, QuestionnaireExportsAreCandidatesOnlyWhenTheMethodReadsThem) {
  test::TempDir dir;
  put(dir, "ответы.csv", "Отметка времени,Школа\n");
  put(dir, "записка.txt", "пришлю позже");
  put(dir, "Ответы (Google).zip", "PK");
  const auto export_xlsx = dir / "ответы большие.xlsx";
  const auto too_big = dir / "огромная.csv";
  for (const auto& p : {export_xlsx, too_big}) {
    { std::ofstream touch(p); }
  }
  fs::resize_file(export_xlsx, 60ull << 20);
  fs::resize_file(too_big, 200ull << 20);
  set_mtime(export_xlsx, k_now - 3600);
  set_mtime(too_big, k_now - 3600);

  const auto forms_only = ingest::scan_inbox(dir.path(), fixed_now());
  ASSERT_TRUE(forms_only);
  EXPECT_TRUE(workbook_names(*forms_only).empty());
  EXPECT_EQ(find_aside(*forms_only, "ответы.csv")->diagnostics[0].message, "файл «ответы.csv» не является книгой Excel");
  EXPECT_EQ(find_aside(*forms_only, "ответы большие.xlsx")->diagnostics[0].message,
            "файл больше 50 МБ — это не похоже на школьную форму");

  auto options = fixed_now();
  options.questionnaires = 100ull << 20;
  const auto scan = ingest::scan_inbox(dir.path(), options);
  ASSERT_TRUE(scan);
  EXPECT_EQ(workbook_names(*scan), (std::vector<std::string>{"записка.txt", "ответы большие.xlsx", "ответы.csv"}));
  EXPECT_EQ(find_aside(*scan, "Ответы (Google).zip")->diagnostics[0].hint,
            "Google Формы отдают ответы архивом .zip: распакуйте его и положите в папку файл .csv");
  const auto* o = find_aside(*scan, "огромная.csv");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->outcome, Outcome::rejected);
  EXPECT_TRUE(o->file.sha256.empty());
  EXPECT_EQ(model::to_string(o->diagnostics[0]),
            "огромная.csv: файл больше 100 МБ (200 МБ) — выгрузка ответов не читается. Как исправить: если это "
            "действительно ответы анкеты, скачайте их частями (по периодам) или увеличьте [limits] max_export_mb в "
            "конфигурации");
}

}  // namespace
