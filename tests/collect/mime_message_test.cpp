#include "collect/mime_message.h"

#include <gtest/gtest.h>

#include "collect/file_naming.h"
#include "support/imap_server.h"
#include "support/temp_dir.h"

namespace {

// Every byte value, so a decoding slip anywhere shows.
std::string all_bytes_hex() {
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (int i = 0; i < 256; ++i) {
    hex += digits[i >> 4];
    hex += digits[i & 15];
  }
  return hex;
}

std::string all_bytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
  return s;
}

collect::ParsedMessage parse_one(std::string_view spec) {
  test::TempDir dir;
  const auto letters = test::build_letters(dir / "letters", spec);
  EXPECT_EQ(letters.size(), 1u);
  if (letters.empty()) return {};
  auto parsed = collect::parse_message(letters[0]);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return parsed ? *parsed : collect::ParsedMessage{};
}

TEST(MimeMessageTest, AttachmentsInBase64AndQuotedPrintableComeBackExact) {
  const auto hex = all_bytes_hex();
  const auto m = parse_one(R"([{"subject": "Форма СОШ № 3", "message_id": "<m1@school3.example.ru>",
      "from": "Директор СОШ 3 <school3@ensk.example.ru>",
      "attachments": [{"name": "Форма.xlsx", "hex": ")" + hex + R"(", "encoding": "base64"},
                      {"name": "Форма.xls", "hex": ")" + hex + R"(", "encoding": "quoted-printable"}]}])");
  EXPECT_EQ(m.message_id, "m1@school3.example.ru");
  EXPECT_EQ(m.subject, "Форма СОШ № 3");
  EXPECT_EQ(m.from.address, "school3@ensk.example.ru");
  EXPECT_EQ(m.from.name, "Директор СОШ 3");
  EXPECT_EQ(m.reply_to.address, "school3@ensk.example.ru");
  EXPECT_EQ(m.date, 1793878320);  // Thu, 05 Nov 2026 14:32:00 +0300
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].file_name, "Форма.xlsx");
  EXPECT_EQ(m.attachments[0].bytes, all_bytes());
  EXPECT_EQ(m.attachments[1].file_name, "Форма.xls");
  EXPECT_EQ(m.attachments[1].bytes, all_bytes());
  EXPECT_FALSE(m.attachments[0].forwarded);
}

TEST(MimeMessageTest, CyrillicNamesInEveryEncodingMailClientsUse) {
  const auto m = parse_one(R"([{"attachments": [
      {"name": "Форма СОШ № 3.xlsx", "hex": "01", "name_style": "rfc2231"},
      {"name": "Отчёт за ноябрь.xlsx", "hex": "02", "name_style": "rfc2047"},
      {"name": "Анкета учителей.csv", "hex": "03", "name_style": "rfc2047-cp1251"},
      {"name": "Мониторинг методической работы школы номер три за ноябрь.xlsx", "hex": "04",
       "name_style": "rfc2231-cp1251-continued"}]}])");
  ASSERT_EQ(m.attachments.size(), 4u);
  EXPECT_EQ(m.attachments[0].file_name, "Форма СОШ № 3.xlsx");
  EXPECT_EQ(m.attachments[1].file_name, "Отчёт за ноябрь.xlsx");
  EXPECT_EQ(m.attachments[2].file_name, "Анкета учителей.csv");
  EXPECT_EQ(m.attachments[3].file_name, "Мониторинг методической работы школы номер три за ноябрь.xlsx");
  EXPECT_EQ(collect::classify_part(m.attachments[2]), collect::PartKind::questionnaire);
}

TEST(MimeMessageTest, NestedMultipartsAndForwardedLettersAreWalked) {
  const auto m = parse_one(R"([{"from": "imc-metodist@ensk.example.ru", "layout": "nested",
      "attachments": [{"name": "Своя форма.xlsx", "hex": "0a"}],
      "forward": {"from": "Иванова Мария <director5@ensk.example.ru>", "date": "Mon, 02 Nov 2026 09:00:00 +0300",
                  "layout": "nested",
                  "attachments": [{"name": "Форма СОШ 5.xlsx", "hex": "0b"}, {"name": "logo.png", "hex": "0c",
                                   "type": "image/png"}]}}])");
  ASSERT_EQ(m.attachments.size(), 3u);
  EXPECT_EQ(m.attachments[0].file_name, "Своя форма.xlsx");
  EXPECT_EQ(m.attachments[0].sender.address, "imc-metodist@ensk.example.ru");
  EXPECT_EQ(m.attachments[1].file_name, "Форма СОШ 5.xlsx");
  EXPECT_EQ(m.attachments[1].bytes, "\x0b");
  EXPECT_TRUE(m.attachments[1].forwarded);
  EXPECT_EQ(m.attachments[1].sender.address, "director5@ensk.example.ru");  // who attached it
  EXPECT_EQ(m.attachments[1].sender.name, "Иванова Мария");
  EXPECT_EQ(m.attachments[1].date, 1793599200);  // the forwarded letter's own date
  EXPECT_EQ(m.attachments[2].file_name, "logo.png");
  EXPECT_FALSE(m.attachments[2].inline_image);  // sent as an attachment, so listed
}

TEST(MimeMessageTest, TnefAndMarksOfAutomaticMail) {
  const auto m = parse_one(R"([{"message_id": null, "reply_to": "secretary@school7.example.ru",
      "headers": {"Auto-Submitted": "Auto-Replied", "Precedence": "bulk", "List-Id": "<forms.ensk>"},
      "attachments": [{"name": "winmail.dat", "hex": "789f3e22", "type": "application/ms-tnef"}]}])");
  EXPECT_EQ(m.message_id, "");
  EXPECT_EQ(m.reply_to.address, "secretary@school7.example.ru");
  EXPECT_EQ(m.auto_submitted, "auto-replied");
  EXPECT_EQ(m.precedence, "bulk");
  EXPECT_EQ(m.list_id, "<forms.ensk>");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(collect::classify_part(m.attachments[0]), collect::PartKind::tnef);
}

TEST(MimeMessageTest, PlainLetterHasNoAttachmentsAndDamagedBytesDoNotCrash) {
  const auto plain = parse_one(R"([{"body": "Форму пришлём завтра."}])");
  EXPECT_TRUE(plain.attachments.empty());
  // A truncated multipart: whatever GMime recovers, no crash, no throw.
  const std::string broken =
      "From: a@b.ru\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: "
      "application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; "
      "filename=\"f.xlsx\"\r\n\r\nAAEC";
  const auto parsed = collect::parse_message(broken);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->attachments.size(), 1u);
  EXPECT_EQ(parsed->attachments[0].bytes, std::string("\x00\x01\x02", 3));
}

// A multipart `depth` levels deep with one named attachment at the bottom.
std::string nested(int depth) {
  std::string head = "From: a@b.ru\r\nMessage-ID: <deep@b.ru>\r\n", tail;
  for (int i = 0; i < depth; ++i) {
    const auto b = "b" + std::to_string(i);
    head += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n";
    tail = "\r\n--" + b + "--\r\n" + tail;
  }
  return head + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"f.xlsx\"\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\nAAEC" + tail;
}

// `depth` forwards of a forward (message/rfc822 in multipart/mixed), the
// form in the innermost letter, from the innermost sender.
std::string forwarded(int depth) {
  std::string head, tail;
  for (int i = 0; i < depth; ++i) {
    const auto b = "f" + std::to_string(i);
    head += "From: fwd" + std::to_string(i) + "@ensk.example.ru\r\nMessage-ID: <f" + std::to_string(i) +
            "@x>\r\nContent-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" + b +
            "\r\nContent-Type: text/plain\r\n\r\nПересылаю\r\n--" + b + "\r\nContent-Type: message/rfc822\r\n\r\n";
    tail = "\r\n--" + b + "--\r\n" + tail;
  }
  return head + "From: school1@ensk.example.ru\r\nContent-Type: application/octet-stream\r\n"
                "Content-Disposition: attachment; filename=\"f.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC" +
         tail;
}

TEST(MimeMessageTest, AFormIsFoundAtAnyDepthMailClientsMake) {
  for (const int depth : {5, 40}) {
    const auto m = collect::parse_message(nested(depth));
    ASSERT_TRUE(m);
    ASSERT_EQ(m->attachments.size(), 1u) << depth;
    EXPECT_EQ(m->attachments[0].bytes, std::string("\x00\x01\x02", 3));
    EXPECT_TRUE(m->limit.empty()) << m->limit;
  }
  // Thirty forwards of a forward (issue 25: «нет формы» before).
  const auto forwards = collect::parse_message(forwarded(30));
  ASSERT_TRUE(forwards);
  ASSERT_EQ(forwards->attachments.size(), 1u);
  EXPECT_EQ(forwards->attachments[0].bytes, std::string("\x00\x01\x02", 3));
  EXPECT_EQ(forwards->attachments[0].sender.address, "school1@ensk.example.ru");
  EXPECT_TRUE(forwards->attachments[0].forwarded);
  EXPECT_EQ(forwards->from.address, "fwd0@ensk.example.ru");
  EXPECT_TRUE(forwards->limit.empty()) << forwards->limit;
}

TEST(MimeMessageTest, AHostileDepthIsWalkedToItsBoundAndSaysSo) {
  for (const auto& raw : {nested(3000), forwarded(3000)}) {
    const auto m = collect::parse_message(raw);
    ASSERT_TRUE(m) << "hostile depth: no crash";
    EXPECT_TRUE(m->attachments.empty());
    EXPECT_NE(m->limit.find("глубже программа не смотрела"), std::string::npos) << m->limit;
  }
}

}  // namespace
