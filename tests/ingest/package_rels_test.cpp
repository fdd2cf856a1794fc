#include "ingest/package_rels.h"

#include <gtest/gtest.h>

#include "reader_test_util.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

TEST(PackageRelsTest, ResolvesTargets) {
  EXPECT_EQ(resolve_target("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_target("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_target("xl/", "../customXml/item1.xml"), "customXml/item1.xml");
  EXPECT_EQ(resolve_target("xl/", "./worksheets\\sheet2.xml"), "xl/worksheets/sheet2.xml");
  EXPECT_EQ(resolve_target("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(resolve_target("xl/", "../../../etc/passwd"), "etc/passwd");  // never above the root
}

TEST(PackageRelsTest, NamesRelsPartsAndFolders) {
  EXPECT_EQ(rels_part_for("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
  EXPECT_EQ(rels_part_for("workbook.xml"), "_rels/workbook.xml.rels");
  EXPECT_EQ(folder_of("xl/worksheets/sheet1.xml"), "xl/worksheets/");
  EXPECT_EQ(folder_of("x.xml"), "");
}

TEST(PackageRelsTest, MatchesTypesOnTheirLastSegment) {
  Relationship rel;
  rel.type = "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet";
  EXPECT_TRUE(type_is(rel, "worksheet"));
  EXPECT_FALSE(type_is(rel, "sheet"));
  rel.type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
  EXPECT_TRUE(type_is(rel, "officeDocument"));
}

TEST(PackageRelsTest, ReadsRelationshipsRelativeToTheSourcePart) {
  const auto bytes =
      test::ZipBuilder()
          .add("xl/_rels/workbook.xml.rels",
               "<Relationships xmlns=\"urn:r\"><Relationship Id=\"rId1\" Type=\"t/worksheet\" "
               "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId9\" Type=\"t/hyperlink\" "
               "Target=\"https://example.org/\" TargetMode=\"External\"/></Relationships>")
          .bytes();
  ZipArchive zip;
  ASSERT_FALSE(zip.open(test::as_bytes(bytes)));
  ReadBudget budget{ReadLimits{}};
  std::vector<Relationship> rels;
  ASSERT_FALSE(read_relationships(zip, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", budget, rels));
  ASSERT_EQ(rels.size(), 2u);
  EXPECT_EQ(rels[0].id, "rId1");
  EXPECT_EQ(rels[0].target, "xl/worksheets/sheet1.xml");
  EXPECT_FALSE(rels[0].external);
  EXPECT_TRUE(rels[1].external);
  EXPECT_EQ(rels[1].target, "https://example.org/");
}

}  // namespace
}  // namespace ingest
