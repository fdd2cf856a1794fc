#include "ingest/zip_archive.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reader_test_util.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;

TEST(ZipArchiveTest, StreamsEntriesInBoundedChunks) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20); ++i) big += std::to_string(i * 7919 % 100003) + ",";
  const auto bytes = test::ZipBuilder().add("big.txt", big).bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  std::string joined;
  std::size_t chunks = 0, largest = 0;
  ASSERT_FALSE(zip.read_entry("big.txt", budget, [&](std::string_view chunk) -> Status {
    ++chunks;
    largest = std::max(largest, chunk.size());
    joined.append(chunk);
    return std::nullopt;
  }));
  EXPECT_EQ(joined, big);
  EXPECT_LE(largest, k_zip_chunk_bytes);
  EXPECT_GE(chunks, big.size() / k_zip_chunk_bytes);
}

TEST(ZipArchiveTest, FindsNamesCaseInsensitivelyAndWithBackslashes) {
  const auto bytes = test::ZipBuilder().add("xl\\Workbook.xml", "x").bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  EXPECT_EQ(zip.find("/xl/workbook.xml"), "xl\\Workbook.xml");
  EXPECT_FALSE(zip.find("xl/other.xml"));
}

TEST(ZipArchiveTest, RefusesNamesDifferingOnlyByCase) {
  const auto bytes = test::ZipBuilder().add("xl/a.xml", "1").add("XL/A.xml", "2").bytes();
  ZipArchive zip;
  const auto err = zip.open(test::as_bytes(bytes));
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("две части с одинаковым именем"));
}

TEST(ZipArchiveTest, RefusesTruncatedArchive) {
  const auto good = test::ZipBuilder().add("a.txt", std::string(5000, 'a')).add("b.txt", "b").bytes();
  for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}}) {
    const auto bytes = good.substr(0, cut);
    ZipArchive zip;
    const auto err = zip.open(test::as_bytes(bytes));
    ASSERT_TRUE(err) << cut;
    EXPECT_THAT(err->message, HasSubstr("архив книги повреждён или обрезан")) << cut;
  }
}

TEST(ZipArchiveTest, RefusesHighRatioEntryBeforeReading) {
  const auto bytes = test::ZipBuilder().add("bomb.xml", std::string(20u << 20, ' ')).bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  std::size_t seen = 0;
  const auto err = zip.read_entry("bomb.xml", budget, [&](std::string_view c) -> Status {
    seen += c.size();
    return std::nullopt;
  });
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("zip-бомбу"));
  EXPECT_EQ(seen, 0u);
}

TEST(ZipArchiveTest, EnforcesTotalUncompressedBudgetWhileStreaming) {
  std::string text;
  for (int i = 0; text.size() < 300'000; ++i) text += std::to_string(i * 2654435761u) + " ";
  const auto bytes = test::ZipBuilder().add("a.txt", text).add("b.txt", text).bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadLimits limits;
  limits.max_uncompressed_bytes = 500'000;
  ReadBudget budget{limits};
  const auto sink = [](std::string_view) -> Status { return std::nullopt; };
  EXPECT_FALSE(zip.read_entry("a.txt", budget, sink));
  const auto err = zip.read_entry("b.txt", budget, sink);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("распакованное содержимое книги больше"));
}

TEST(ZipArchiveTest, StopsAtSinkError) {
  const auto bytes = test::ZipBuilder().add("a.txt", "hello").bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  const auto err = zip.read_entry("a.txt", budget, [](std::string_view) -> Status {
    return make_error("stop", "");
  });
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "stop");
}

}  // namespace
}  // namespace ingest
