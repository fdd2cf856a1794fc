#include "ingest/file_sniff.h"

#include <gtest/gtest.h>

#include "reader_test_util.h"

namespace ingest {
namespace {

FileKind sniff(const std::string& s) { return sniff_file(test::as_bytes(s)); }

std::string utf16(std::string_view ascii) {
  std::string out;
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

const std::string k_cfb_magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

TEST(FileSniffTest, RecognisesByContent) {
  EXPECT_EQ(sniff(""), FileKind::empty);
  EXPECT_EQ(sniff(std::string("PK\x03\x04", 4) + "rest"), FileKind::zip);
  EXPECT_EQ(sniff(std::string("PK\x05\x06", 4) + std::string(18, '\0')), FileKind::zip);
  EXPECT_EQ(sniff(k_cfb_magic + std::string(600, '\0')), FileKind::cfb);
  EXPECT_EQ(sniff(k_cfb_magic + std::string(600, '\0') + utf16("EncryptedPackage")),
            FileKind::encrypted_ooxml);
  EXPECT_EQ(sniff(k_cfb_magic + std::string(100, '\0') + utf16("EncryptionInfo")),
            FileKind::encrypted_ooxml);
  EXPECT_EQ(sniff(std::string("\x09\x04\x06\x00\x00\x00\x10\x00", 8)), FileKind::raw_biff);
  EXPECT_EQ(sniff(std::string("\x09\x00\x04\x00\x07\x00\x10\x00", 8)), FileKind::raw_biff);
  EXPECT_EQ(sniff("%PDF-1.7\n..."), FileKind::pdf);
  EXPECT_EQ(sniff("{\\rtf1\\ansi"), FileKind::rtf);
  EXPECT_EQ(sniff("<html><body><table>"), FileKind::html);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  <!DOCTYPE HTML>"), FileKind::html);
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>"
                  "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
            FileKind::spreadsheet_xml);
  EXPECT_EQ(sniff("Школа;Учителей\n1;2\n"), FileKind::text);
  EXPECT_EQ(sniff(std::string("\x01\x02\x03\x00\xff", 5)), FileKind::unknown);
}

TEST(FileSniffTest, RefusalsExplainHowToFix) {
  EXPECT_EQ(refusal_for(FileKind::encrypted_ooxml).message, "файл защищён паролем на открытие");
  EXPECT_NE(refusal_for(FileKind::encrypted_ooxml).hint.find("Снимите пароль"), std::string::npos);
  EXPECT_EQ(refusal_for(FileKind::empty).message, "файл пустой (0 байт)");
  EXPECT_EQ(refusal_for(FileKind::pdf).message, "это документ PDF, а не книга Excel");
  for (auto kind : {FileKind::pdf, FileKind::rtf, FileKind::html, FileKind::text,
                    FileKind::spreadsheet_xml, FileKind::unknown})
    EXPECT_FALSE(refusal_for(kind).hint.empty());
}

// A BIFF8 BOF record (0x0809, 16 bytes) at a sector boundary, then `next`.
std::string biff_stream(std::uint16_t next_type) {
  std::string s = k_cfb_magic + std::string(512 - 8, '\0');
  s += std::string("\x09\x08\x10\x00", 4) + std::string(16, '\0');
  s += std::string(1, static_cast<char>(next_type & 0xFF)) +
       std::string(1, static_cast<char>(next_type >> 8)) + std::string("\x02\x00\x00\x00", 4);
  return s + std::string(200, '\0');
}

TEST(FileSniffTest, FindsFilepassAfterBof) {
  EXPECT_TRUE(biff_has_filepass(test::as_bytes(biff_stream(0x002F))));
  EXPECT_FALSE(biff_has_filepass(test::as_bytes(biff_stream(0x0042))));  // CODEPAGE
}

}  // namespace
}  // namespace ingest
