#include "util/atomic_file.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "util/xlsx_file.h"

namespace fs = std::filesystem;

TEST(AtomicFileTest, ReplacesExistingFileAndLeavesNoTemp) {
  test::TempDir dir;
  const auto target = dir.write("out/report.txt", "old");
  ASSERT_TRUE(util::write_file_atomic(target, "new"));
  EXPECT_EQ(test::read_file(target), "new");
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "out")) ++files;
  EXPECT_EQ(files, 1);
}

TEST(AtomicFileTest, ReportsUnwritableFolder) {
  test::TempDir dir;
  dir.write("blocker", "a file where a folder should be");
  const auto r = util::write_file_atomic(dir / "blocker" / "x.txt", "data");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("не удалось записать"), std::string::npos);
  // The cause in Russian, the real one: not the C library's «No such file or directory».
  EXPECT_NE(r.error().message.find("часть пути — файл, а не папка"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("No such file"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("Not a directory"), std::string::npos) << r.error().message;
}

// 127 Cyrillic letters and ".xlsx": 259 bytes, over the limit; 122 of them
// and the extension: 249, under it, but the temporary name's dot and suffix
// took it over 255 (ENAMETOOLONG, issue 25).
TEST(AtomicFileTest, ANameNearTheLimitIsWrittenThroughAShorterTemporaryName) {
  test::TempDir dir;
  std::string name;
  for (int i = 0; i < 122; ++i) name += "ф";
  name += ".xlsx";
  ASSERT_EQ(name.size(), 249u);
  const auto target = dir / "inbox" / name;
  EXPECT_LE(util::temp_path_for(target).filename().string().size(), util::k_max_file_name_bytes);
  EXPECT_EQ(util::temp_path_for(target).parent_path(), target.parent_path());
  const auto written = util::write_new_file_atomic(target, "form");
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_TRUE(*written);
  EXPECT_EQ(test::read_file(target), "form");
  ASSERT_TRUE(util::write_file_atomic(target, "again"));
  EXPECT_EQ(test::read_file(target), "again");
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "inbox")) ++files;
  EXPECT_EQ(files, 1);
}

TEST(AtomicFileTest, NewFileNeverReplacesOneAlreadyThere) {
  test::TempDir dir;
  const auto target = dir.write("inbox/form.xlsx", "first");
  const auto again = util::write_new_file_atomic(target, "second");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(*again);
  EXPECT_EQ(test::read_file(target), "first");
  const auto other = util::write_new_file_atomic(dir / "inbox" / "form (2).xlsx", "second");
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_TRUE(*other);
  EXPECT_EQ(test::read_file(dir / "inbox" / "form (2).xlsx"), "second");
  int files = 0;  // no temporary file is left behind either way
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "inbox")) ++files;
  EXPECT_EQ(files, 2);
}

TEST(XlsxFileTest, NothingAppearsWithoutCommit) {
  test::TempDir dir;
  {
    auto file = util::XlsxFile::create(dir / "book.xlsx");
    ASSERT_TRUE(file);
    workbook_add_worksheet(file->book(), "Лист");
  }
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(XlsxFileTest, CommitPublishesAZip) {
  test::TempDir dir;
  auto file = util::XlsxFile::create(dir / "book.xlsx");
  ASSERT_TRUE(file);
  lxw_worksheet* ws = workbook_add_worksheet(file->book(), "Лист");
  worksheet_write_number(ws, 0, 0, 42, nullptr);
  ASSERT_TRUE(file->commit());
  const auto bytes = test::read_file(dir / "book.xlsx");
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
}

TEST(AtomicFileTest, StaleTempFilesOfAKilledRunAreRemoved) {
  test::TempDir dir;
  dir.write("2026-11/.Итоги.xlsx.tmp-123-0", "half");
  dir.write("2026-11/directors/.sch01.xlsx.tmp-123-4", "half");
  dir.write("2026-11/Итоги.xlsx", "whole");
  dir.write("2026-11/.hidden", "not ours");
  EXPECT_EQ(util::remove_stale_temp_files(dir.path()), 2);
  EXPECT_TRUE(fs::exists(dir / "2026-11/Итоги.xlsx"));
  EXPECT_TRUE(fs::exists(dir / "2026-11/.hidden"));
  EXPECT_FALSE(fs::exists(dir / "2026-11/.Итоги.xlsx.tmp-123-0"));
  EXPECT_EQ(util::remove_stale_temp_files(dir / "missing"), 0);
}

#include "util/read_file.h"

TEST(ReadFileTest, ReadsBytesOrSaysItCannot) {
  test::TempDir dir;
  const auto p = dir.write("a.bin", std::string("x\0y\r\n", 5));
  EXPECT_EQ(util::read_file(p), std::string("x\0y\r\n", 5));
  EXPECT_FALSE(util::read_file(dir / "missing"));
  EXPECT_FALSE(util::read_file(dir.path()));  // a folder is not a file
}
