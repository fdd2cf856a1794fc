#include "mail/mime_encode.h"

#include <gtest/gtest.h>

#include "support/base64_decode.h"

namespace {

using mail::encode_header_text;

// Decodes a header built of =?UTF-8?B?…?= words joined by CRLF SP.
std::string decode_words(const std::string& header) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = header.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = header.find("?=", pos + 10);
    out += test::base64_decode(header.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

TEST(MimeEncodeTest, LeavesPlainAsciiAlone) {
  EXPECT_EQ(encode_header_text("Monthly report 2026-11"), "Monthly report 2026-11");
}

TEST(MimeEncodeTest, EncodesCyrillicAsBase64Word) {
  EXPECT_EQ(encode_header_text("Итоги"), "=?UTF-8?B?0JjRgtC+0LPQuA==?=");
  // "=?" in ASCII text must be encoded too, or a reader would decode it.
  EXPECT_EQ(encode_header_text("a=?b"), "=?UTF-8?B?YT0/Yg==?=");
}

TEST(MimeEncodeTest, SplitsLongTextIntoShortWordsOnCharacterBoundaries) {
  const std::string subject = "Итоги мониторинга методической работы за ноябрь 2026 года — МБОУ СОШ № 3";
  const auto h = encode_header_text(subject);
  std::size_t start = 0;
  int words = 0;
  for (;;) {
    const auto end = h.find("\r\n ", start);
    const auto word = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 60u) << word;
    EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u);
    // Each word decodes to whole UTF-8 characters: no byte 10xxxxxx first.
    const auto bytes = test::base64_decode(word.substr(10, word.size() - 12));
    EXPECT_NE(static_cast<unsigned char>(bytes[0]) & 0xC0, 0x80);
    ++words;
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_GT(words, 2);
  EXPECT_EQ(decode_words(h), subject);
}

TEST(MimeEncodeTest, StripsNewlinesSoNoHeaderCanBeInjected) {
  EXPECT_EQ(mail::header_safe("Школа\r\nBcc: evil@x.ru"), "Школа  Bcc: evil@x.ru");
  EXPECT_EQ(encode_header_text("Hi\r\nBcc: evil@x.ru"), "Hi  Bcc: evil@x.ru");
  EXPECT_EQ(mail::format_address({"", "a@b.ru\r\nBcc: c@d.ru"}), "a@b.ru  Bcc: c@d.ru");
}

TEST(MimeEncodeTest, FormatsAddresses) {
  using mail::format_address;
  EXPECT_EQ(format_address({"", "imc@ensk.example.ru"}), "imc@ensk.example.ru");
  EXPECT_EQ(format_address({"IMC \"Ensk\"", "imc@ensk.example.ru"}),
            "\"IMC \\\"Ensk\\\"\" <imc@ensk.example.ru>");
  EXPECT_EQ(format_address({"ИМЦ", "imc@ensk.example.ru"}), "=?UTF-8?B?0JjQnNCm?=\r\n <imc@ensk.example.ru>");
}

TEST(MimeEncodeTest, FileNameParameterUsesRfc2231ForCyrillic) {
  EXPECT_EQ(mail::filename_parameter("report.xlsx"), "filename=\"report.xlsx\"");
  EXPECT_EQ(mail::filename_parameter("Итог.xlsx"), "filename*=UTF-8''%D0%98%D1%82%D0%BE%D0%B3.xlsx");
  EXPECT_EQ(mail::filename_parameter("a b.xlsx"), "filename=\"a b.xlsx\"");
  EXPECT_EQ(mail::filename_parameter("a\"b.xlsx"), "filename*=UTF-8''a%22b.xlsx");
}

TEST(MimeEncodeTest, LongFileNamesAreSplitIntoNumberedSections) {
  const auto p = mail::filename_parameter("Итоги мониторинга МБОУ СОШ № 3.xlsx");
  EXPECT_EQ(p.rfind("filename*0*=UTF-8''%D0%98", 0), 0u) << p;
  EXPECT_NE(p.find(";\r\n filename*1*=%"), std::string::npos) << p;
  // No %XX triplet is cut between sections.
  for (std::size_t pos = p.find('%'); pos != std::string::npos; pos = p.find('%', pos + 1)) {
    ASSERT_LT(pos + 2, p.size());
    EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(p[pos + 1])) &&
                std::isxdigit(static_cast<unsigned char>(p[pos + 2])))
        << p.substr(pos, 3);
  }
}

}  // namespace
