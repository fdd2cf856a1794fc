#include "ingest/shared_strings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "reader_test_util.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

using ::testing::HasSubstr;

Status read(const std::string& sst_xml, std::vector<std::string>& out, const ReadLimits& limits = {}) {
  const auto bytes = test::ZipBuilder().add("sst.xml", sst_xml).bytes();
  ZipArchive zip;
  if (auto err = zip.open(test::as_bytes(bytes))) return err;
  ReadBudget budget{limits};
  return read_shared_strings(zip, "sst.xml", budget, out);
}

TEST(SharedStringsTest, ConcatenatesRunsSkipsPhoneticKeepsEmpties) {
  std::vector<std::string> out;
  ASSERT_FALSE(read("<sst xmlns=\"urn:x\"><si><t>plain</t></si><si/><si><t></t></si>"
                    "<si><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space=\"preserve\">ch </t></r>"
                    "<rPh sb=\"0\" eb=\"1\"><t>ふり</t></rPh></si><si><t>a_x000D__x000A_b</t></si></sst>",
                    out));
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0], "plain");
  EXPECT_EQ(out[1], "");
  EXPECT_EQ(out[2], "");
  EXPECT_EQ(out[3], "rich ");
  EXPECT_EQ(out[4], "a\r\nb");
}

TEST(SharedStringsTest, RefusesMoreStringsThanCellsAllowed) {
  std::string xml = "<sst>";
  for (int i = 0; i < 11; ++i) xml += "<si/>";
  xml += "</sst>";
  ReadLimits limits;
  limits.max_cells = 10;
  std::vector<std::string> out;
  const auto err = read(xml, out, limits);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("больше 10 строк"));
}

TEST(SharedStringsTest, RefusesOneOverlongString) {
  ReadLimits limits;
  limits.max_text_bytes = 1000;
  std::vector<std::string> out;
  const auto err = read("<sst><si><t>" + std::string(1001, 'x') + "</t></si></sst>", out, limits);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("строка длиннее"));
}

}  // namespace
}  // namespace ingest
