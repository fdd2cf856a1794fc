#include "collect/attachment_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/temp_dir.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

namespace {

int files_in(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(AttachmentStoreTest, ANameTakenByOtherBytesGetsASuffix) {
  test::TempDir dir;
  auto journal = collect::CollectJournal::open(dir / "state" / "collect.sqlite");
  ASSERT_TRUE(journal) << journal.error().message;
  const auto inbox = dir / "inbox";
  dir.write("inbox/Форма.xlsx", "the methodist's own file");
  const auto first = collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "school A", 100, 0);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->path, inbox / "Форма (2).xlsx");
  EXPECT_FALSE(first->already);
  const auto second = collect::store_attachment(*journal, inbox, "<b@x>", "Форма.xlsx", "school B", 100, 0);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->path, inbox / "Форма (3).xlsx");
  EXPECT_EQ(test::read_file(inbox / "Форма.xlsx"), "the methodist's own file");  // never overwritten
  EXPECT_EQ(test::read_file(inbox / "Форма (2).xlsx"), "school A");
  EXPECT_EQ(test::read_file(inbox / "Форма (3).xlsx"), "school B");
  EXPECT_EQ(files_in(inbox), 3);
}

TEST(AttachmentStoreTest, TheSameMessageAgainWritesNothing) {
  test::TempDir dir;
  auto journal = collect::CollectJournal::open(dir / "collect.sqlite");
  ASSERT_TRUE(journal);
  const auto inbox = dir / "inbox";
  const auto first = collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "bytes", 100, 0);
  ASSERT_TRUE(first);
  // Fetched again (a crash before the server was told): the journal knows it.
  const auto again = collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "bytes", 200, 0);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->path, first->path);
  // Even when the methodist has moved the file away meanwhile.
  fs::remove(first->path);
  const auto moved = collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "bytes", 300, 0);
  ASSERT_TRUE(moved);
  EXPECT_TRUE(moved->already);
  EXPECT_EQ(files_in(inbox), 0);
}

TEST(AttachmentStoreTest, AFileWrittenJustBeforeACrashIsFoundByItsContent) {
  test::TempDir dir;
  const auto inbox = dir / "inbox";
  {
    auto journal = collect::CollectJournal::open(dir / "collect.sqlite");
    ASSERT_TRUE(journal);
    ASSERT_TRUE(collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "bytes", 100, 0));
  }
  fs::remove(dir / "collect.sqlite");  // the journal row never made it to disk
  auto journal = collect::CollectJournal::open(dir / "collect.sqlite");
  ASSERT_TRUE(journal);
  const auto again = collect::store_attachment(*journal, inbox, "<a@x>", "Форма.xlsx", "bytes", 200, 0);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->already);
  EXPECT_EQ(again->path, inbox / "Форма.xlsx");
  EXPECT_EQ(files_in(inbox), 1);
  // ... and is in the journal now.
  const auto known = journal->saved_file("<a@x>", util::sha256_hex("bytes"));
  ASSERT_TRUE(known);
  ASSERT_TRUE(known->has_value());
  EXPECT_EQ(**known, inbox / "Форма.xlsx");
}

TEST(AttachmentStoreTest, ANewFileCarriesTheTimeTheLetterWasSent) {
  test::TempDir dir;
  auto journal = collect::CollectJournal::open(dir / "collect.sqlite");
  ASSERT_TRUE(journal);
  const std::int64_t now = 1793950000, sent = 1793878320;
  const auto stored = collect::store_attachment(*journal, dir / "inbox", "<a@x>", "a.xlsx", "1", now, sent);
  ASSERT_TRUE(stored);
  struct stat st{};
  ASSERT_EQ(::stat(stored->path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mtime, sent);
  // A date in the future (the sender's clock) is not believed.
  const auto future = collect::store_attachment(*journal, dir / "inbox", "<b@x>", "b.xlsx", "2", sent, now);
  ASSERT_TRUE(future);
  ASSERT_EQ(::stat(future->path.c_str(), &st), 0);
  EXPECT_NE(st.st_mtime, now);
}

TEST(AttachmentStoreTest, JournalRemembersReplies) {
  test::TempDir dir;
  auto journal = collect::CollectJournal::open(dir / "state" / "collect.sqlite");
  ASSERT_TRUE(journal);
  EXPECT_FALSE(journal->replied("<a@x>").value());
  ASSERT_TRUE(journal->record_reply("<a@x>", "no_workbook", "school3@ensk.example.ru", 100));
  ASSERT_TRUE(journal->record_reply("<a@x>", "no_workbook", "school3@ensk.example.ru", 200));  // no error twice
  EXPECT_TRUE(journal->replied("<a@x>").value());
  EXPECT_FALSE(journal->replied("<b@x>").value());
  auto reopened = collect::CollectJournal::open(dir / "state" / "collect.sqlite");
  ASSERT_TRUE(reopened);
  EXPECT_TRUE(reopened->replied("<a@x>").value());
}

TEST(AttachmentStoreTest, AnUnusableJournalIsAClearError) {
  test::TempDir dir;
  dir.write("collect.sqlite", "not a database, just text that SQLite cannot read as one at all");
  const auto journal = collect::CollectJournal::open(dir / "collect.sqlite");
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find("журнал сбора почты"), std::string::npos) << journal.error().message;
}

}  // namespace
