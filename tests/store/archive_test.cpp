#include "store/archive.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/temp_dir.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;

model::SourceFile source(const test::TempDir& dir, std::string_view name, std::string_view bytes,
                         std::int64_t mtime = 1795132800) {
  const auto p = dir.write(std::string("inbox/") + std::string(name), bytes);
  const struct timespec times[2] = {{mtime, 0}, {mtime, 0}};
  ::utimensat(AT_FDCWD, p.c_str(), times, 0);
  return {p, std::string(name), util::sha256_hex(bytes), bytes.size(), mtime};
}

std::int64_t mtime_of(const fs::path& p) {
  struct stat st{};
  ::stat(p.c_str(), &st);
  return st.st_mtime;
}

TEST(ArchiveTest, NamesCopiesBySchoolHashAndOriginalName) {
  model::SourceFile f{"/x/Школа 3.xlsx", "Школа 3.xlsx", util::sha256_hex("abc"), 3, 0};
  EXPECT_EQ(store::archive_name("sch03", f), "sch03__ba7816bf8f01__Школа 3.xlsx");
  f.name = "../evil.xlsx";
  EXPECT_EQ(store::archive_name("a/b", f), "a_b__ba7816bf8f01___._evil.xlsx");
}

// A long Cyrillic name (2 bytes a letter) near the 255-byte limit of a file
// name: the copy's name is shortened at a letter boundary, keeping the school,
// the hash and the extension, and leaving room for the temporary file's suffix.
TEST(ArchiveTest, ShortensALongCyrillicNameKeepingHashAndExtension) {
  std::string long_name = "sch01_";
  for (int i = 0; i < 117; ++i) long_name += "Ш";
  long_name += ".xlsx";  // 6 + 234 + 5 = 245 bytes
  model::SourceFile f{"/x/" + long_name, long_name, util::sha256_hex("abc"), 3, 0};
  const auto name = store::archive_name("sch01", f);
  EXPECT_LE(name.size(), store::k_max_archive_name_bytes);
  EXPECT_GE(name.size(), store::k_max_archive_name_bytes - 1);  // a letter is 2 bytes
  EXPECT_TRUE(name.starts_with("sch01__ba7816bf8f01__sch01_ШШШ")) << name;
  EXPECT_TRUE(name.ends_with("Ш.xlsx")) << name;  // cut between letters, not inside one
}

TEST(ArchiveTest, ArchivesAFormWithA245ByteName) {
  test::TempDir dir;
  std::string long_name;
  for (int i = 0; i < 120; ++i) long_name += "ф";
  long_name += ".xlsx";
  const auto f = source(dir, long_name, "form bytes");
  const auto a = store::archive_file(dir / "archive", "2026-11", "sch03", f);
  ASSERT_TRUE(a) << model::to_string(a.error());
  EXPECT_EQ(test::read_file(a->path), "form bytes");
  EXPECT_TRUE(a->path.filename().string().starts_with("sch03__" + f.sha256.substr(0, 12) + "__ффф"));
}

TEST(ArchiveTest, CopiesIntoPeriodFolderKeepingBytesAndMtime) {
  test::TempDir dir;
  const auto f = source(dir, "Школа 3.xlsx", "form bytes");
  const auto a = store::archive_file(dir / "archive", "2026-11", "sch03", f);
  ASSERT_TRUE(a) << model::to_string(a.error());
  EXPECT_TRUE(a->copied);
  EXPECT_EQ(a->path, dir / "archive/2026-11" / ("sch03__" + f.sha256.substr(0, 12) + "__Школа 3.xlsx"));
  EXPECT_EQ(test::read_file(a->path), "form bytes");
  EXPECT_EQ(mtime_of(a->path), 1795132800);
  EXPECT_EQ(test::read_file(f.path), "form bytes");  // original untouched
  // No temporary files are left next to the copy.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "archive/2026-11"), fs::directory_iterator{}), 1);
}

TEST(ArchiveTest, SecondArchiveOfSameBytesDoesNothing) {
  test::TempDir dir;
  const auto f = source(dir, "a.xlsx", "bytes");
  ASSERT_TRUE(store::archive_file(dir / "archive", "2026-11", "sch01", f));
  const auto again = store::archive_file(dir / "archive", "2026-11", "sch01", f);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->copied);
}

TEST(ArchiveTest, ReplacesADamagedCopy) {
  test::TempDir dir;
  const auto f = source(dir, "a.xlsx", "good bytes");
  const auto first = store::archive_file(dir / "archive", "2026-11", "sch01", f);
  ASSERT_TRUE(first);
  dir.write("archive/2026-11/" + first->path.filename().string(), "truncat");
  const auto again = store::archive_file(dir / "archive", "2026-11", "sch01", f);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->copied);
  EXPECT_EQ(test::read_file(first->path), "good bytes");
}

TEST(ArchiveTest, RefusesAFileThatChangedAfterTheScan) {
  test::TempDir dir;
  auto f = source(dir, "a.xlsx", "scanned bytes");
  dir.write("inbox/a.xlsx", "rewritten later");
  const auto a = store::archive_file(dir / "archive", "2026-11", "sch01", f);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().where.file, "a.xlsx");
  EXPECT_EQ(a.error().message, "файл изменился после проверки, копия в архив не сделана");
  EXPECT_TRUE(fs::is_empty(dir / "archive/2026-11"));
}

TEST(ArchiveTest, ReportsUnwritableArchive) {
  test::TempDir dir;
  const auto f = source(dir, "a.xlsx", "bytes");
  dir.write("archive", "a file where the folder should be");
  const auto a = store::archive_file(dir / "archive", "2026-11", "sch01", f);
  ASSERT_FALSE(a);
  EXPECT_NE(a.error().message.find("не удалось создать папку архива"), std::string::npos);
}

}  // namespace
