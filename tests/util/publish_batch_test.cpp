#include "util/publish_batch.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "support/temp_dir.h"
#include "util/atomic_file.h"
#include "util/xlsx_file.h"

namespace fs = std::filesystem;

namespace {

// Writes `text` to the temporary file of `target` and adds it to `batch`.
void stage(util::PublishBatch& batch, test::TempDir& dir, const fs::path& target, const std::string& text) {
  const auto temp = util::temp_path_for(target);
  dir.write(fs::relative(temp, dir.path()).string(), text);
  batch.add(temp, target);
}

int entries(const fs::path& folder) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++n;
  return n;
}

}  // namespace

TEST(PublishBatchTest, CommitPublishesEveryFileInEveryFolder) {
  test::TempDir dir;
  dir.write("a/old.txt", "old");
  util::PublishBatch batch;
  stage(batch, dir, dir / "a/old.txt", "new");
  stage(batch, dir, dir / "a/second.txt", "2");
  stage(batch, dir, dir / "b/third.txt", "3");
  EXPECT_EQ(test::read_file(dir / "a/old.txt"), "old");  // nothing published before commit
  EXPECT_FALSE(fs::exists(dir / "b/third.txt"));
  EXPECT_EQ(batch.size(), 3u);
  ASSERT_TRUE(batch.commit());
  EXPECT_EQ(batch.size(), 0u);
  EXPECT_EQ(test::read_file(dir / "a/old.txt"), "new");
  EXPECT_EQ(test::read_file(dir / "a/second.txt"), "2");
  EXPECT_EQ(test::read_file(dir / "b/third.txt"), "3");
  EXPECT_EQ(entries(dir / "a"), 2);  // no temporary file left
  EXPECT_EQ(entries(dir / "b"), 1);
}

TEST(PublishBatchTest, WithoutCommitNothingIsPublishedAndTemporaryFilesGo) {
  test::TempDir dir;
  dir.write("a/old.txt", "old");
  {
    util::PublishBatch batch;
    stage(batch, dir, dir / "a/old.txt", "new");
    stage(batch, dir, dir / "a/more.txt", "more");
    EXPECT_EQ(entries(dir / "a"), 3);
  }
  EXPECT_EQ(test::read_file(dir / "a/old.txt"), "old");
  EXPECT_EQ(entries(dir / "a"), 1);
}

TEST(PublishBatchTest, AFailedRenameIsReportedAndTheRestIsNotPublished) {
  test::TempDir dir;
  dir.write("a/blocked/inside.txt", "a folder where a file should go");
  util::PublishBatch batch;
  stage(batch, dir, dir / "a/first.txt", "1");
  stage(batch, dir, dir / "a/blocked", "x");
  stage(batch, dir, dir / "a/last.txt", "3");
  const auto done = batch.commit();
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().where.file, "blocked");
  EXPECT_NE(done.error().message.find("не удалось записать файл"), std::string::npos);
  EXPECT_EQ(batch.published(), 1u);
  EXPECT_EQ(test::read_file(dir / "a/first.txt"), "1");  // renamed before the failure
  EXPECT_FALSE(fs::exists(dir / "a/last.txt"));
  EXPECT_EQ(entries(dir / "a"), 2);  // first.txt and the folder: no temporary file left
}

TEST(PublishBatchTest, TakenFilesArePublishedAfterTheOwnInTheirOrder) {
  test::TempDir dir;
  dir.write("a/blocked/inside.txt", "a folder where a file should go");
  util::PublishBatch first;
  util::PublishBatch second;
  stage(first, dir, dir / "a/one.txt", "1");
  stage(second, dir, dir / "a/blocked", "x");
  stage(second, dir, dir / "a/three.txt", "3");
  first.take(second);
  EXPECT_EQ(second.size(), 0u);
  EXPECT_EQ(first.size(), 3u);
  ASSERT_FALSE(first.commit());
  EXPECT_EQ(first.published(), 1u);  // one.txt first, then the taken ones in order
  EXPECT_EQ(test::read_file(dir / "a/one.txt"), "1");
  EXPECT_FALSE(fs::exists(dir / "a/three.txt"));
  EXPECT_EQ(entries(dir / "a"), 2);  // no temporary file left behind by either batch
}

TEST(PublishBatchTest, WorkbooksFromSeveralThreads) {
  test::TempDir dir;
  util::PublishBatch batch;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto file = util::XlsxFile::create(dir / "books" / (std::to_string(t) + "_" + std::to_string(i) + ".xlsx"));
        ASSERT_TRUE(file);
        workbook_add_worksheet(file->book(), "Лист");
        ASSERT_TRUE(file->commit({}, &batch));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(batch.size(), 20u);
  EXPECT_EQ(entries(dir / "books"), 20);  // temporary files only so far
  for (const auto& e : fs::directory_iterator(dir / "books")) {
    EXPECT_TRUE(e.path().filename().string().starts_with(".")) << e.path();
  }
  ASSERT_TRUE(batch.commit());
  EXPECT_EQ(entries(dir / "books"), 20);
  EXPECT_TRUE(fs::exists(dir / "books/3_4.xlsx"));
}
