#include "mail/mail_message.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace {

constexpr std::int64_t k_date = 1793505600;  // 2026-11-01 04:00:00 UTC

mail::MailMessage sample() {
  mail::MailMessage m;
  m.from = {"ИМЦ Энского округа", "imc@ensk.example.ru"};
  m.to = {{"Директор МБОУ СОШ № 3", "school3@ensk.example.ru"}};
  m.subject = "Итоги мониторинга за ноябрь 2026";
  m.body = "Уважаемый директор!\n\nВо вложении итоги.\n.\nС уважением, ИМЦ";
  m.date = k_date;
  m.message_id = "test.1@ensk.example.ru";
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes += static_cast<char>(i % 256);
  m.attachments.push_back({"Итоги СОШ № 3 за ноябрь 2026.xlsx", {}, bytes});
  m.attachments.push_back({"notes.txt", {}, "plain\n"});
  return m;
}

TEST(MailMessageTest, UsesCrlfOnlyAndShortLines) {
  const auto eml = sample().to_eml();
  for (std::size_t i = 0; i < eml.size(); ++i) {
    if (eml[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(eml[i - 1], '\r') << "bare LF at " << i;
    }
  }
  std::size_t start = 0;
  for (auto end = eml.find("\r\n"); end != std::string::npos; end = eml.find("\r\n", start)) {
    const auto line = eml.substr(start, end - start);
    // Exceptions, by design: legacy name=, one-word display names, and the
    // .xlsx media type, which is a single 65-character token.
    const bool exempt = line.find(" name=\"") == 0 || line.find("From: ") == 0 ||
                        line.find("To: ") == 0 || line.find("Content-Type: application/vnd.") == 0;
    if (!exempt) {
      EXPECT_LE(line.size(), 78u) << line;
    }
    EXPECT_LE(line.size(), 998u);
    start = end + 2;
  }
}

TEST(MailMessageTest, HasRequiredHeaders) {
  setenv("TZ", "UTC", 1);
  tzset();
  const auto eml = sample().to_eml();
  const auto head = eml.substr(0, eml.find("\r\n\r\n"));
  EXPECT_NE(head.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nMessage-ID: <test.1@ensk.example.ru>\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nTo: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(head.find("\r\n <school3@ensk.example.ru>\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: multipart/mixed;\r\n boundary=\"=_metodmon_"), std::string::npos);
  EXPECT_EQ(mail::rfc5322_date(k_date), "Sun, 01 Nov 2026 04:00:00 +0000");
  EXPECT_EQ(head.rfind("Date: Sun, 01 Nov 2026 04:00:00 +0000\r\n", 0), 0u) << head;
  setenv("TZ", "Europe/Moscow", 1);
  tzset();
  EXPECT_EQ(mail::rfc5322_date(k_date), "Sun, 01 Nov 2026 07:00:00 +0300");
  unsetenv("TZ");
  tzset();
}

TEST(MailMessageTest, AnAutomaticReplyNamesTheLetterItAnswers) {
  auto m = sample();
  const auto plain = m.to_eml();
  EXPECT_EQ(plain.find("In-Reply-To:"), std::string::npos);
  EXPECT_EQ(plain.find("Auto-Submitted:"), std::string::npos);
  m.in_reply_to = "answer.7@school3.example.ru";
  m.auto_reply = true;
  const auto eml = m.to_eml();
  const auto head = eml.substr(0, eml.find("\r\n\r\n"));
  EXPECT_NE(head.find("\r\nIn-Reply-To: <answer.7@school3.example.ru>\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nReferences: <answer.7@school3.example.ru>\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nAuto-Submitted: auto-replied\r\n"), std::string::npos) << head;
}

TEST(MailMessageTest, PythonEmailDecodesEverythingBack) {
  test::TempDir dir;
  const auto m = sample();
  const auto path = dir.write("m.eml", m.to_eml());
  const auto got = test::decode_eml(path, dir / "decoded");
  EXPECT_EQ(got.defects, "");
  EXPECT_EQ(got.subject, m.subject);
  EXPECT_EQ(got.from, std::vector<std::string>{"ИМЦ Энского округа <imc@ensk.example.ru>"});
  EXPECT_EQ(got.to, std::vector<std::string>{"Директор МБОУ СОШ № 3 <school3@ensk.example.ru>"});
  EXPECT_EQ(got.body, "Уважаемый директор!\r\n\r\nВо вложении итоги.\r\n.\r\nС уважением, ИМЦ");
  ASSERT_EQ(got.attachments.size(), 2u);
  EXPECT_EQ(got.attachments[0].first, "Итоги СОШ № 3 за ноябрь 2026.xlsx");
  EXPECT_EQ(got.attachments[0].second, m.attachments[0].bytes);
  EXPECT_EQ(got.attachments[1].first, "notes.txt");
  EXPECT_EQ(got.attachments[1].second, "plain\n");
}

TEST(MailMessageTest, SinglePartWithoutAttachmentsAndNoBccInText) {
  auto m = sample();
  m.attachments.clear();
  m.bcc = {"methodist@ensk.example.ru"};
  m.cc = {{"", "deputy@ensk.example.ru"}};
  const auto eml = m.to_eml();
  EXPECT_EQ(eml.find("multipart"), std::string::npos);
  EXPECT_NE(eml.find("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64"),
            std::string::npos);
  EXPECT_NE(eml.find("\r\nCc: deputy@ensk.example.ru\r\n"), std::string::npos);
  EXPECT_EQ(eml.find("methodist@"), std::string::npos);
  EXPECT_EQ(m.envelope_recipients(),
            (std::vector<std::string>{"school3@ensk.example.ru", "deputy@ensk.example.ru",
                                      "methodist@ensk.example.ru"}));
}

TEST(MailMessageTest, FixIdentityMakesTextReproducibleAndIdsUnique) {
  mail::MailMessage a = sample();
  a.date = 0;
  a.message_id.clear();
  a.fix_identity();
  EXPECT_GT(a.date, 0);
  EXPECT_TRUE(a.message_id.ends_with("@ensk.example.ru")) << a.message_id;
  mail::MailMessage b = sample();
  b.message_id.clear();
  b.fix_identity();
  EXPECT_NE(a.message_id, b.message_id);
}

TEST(MailMessageTest, CheckMessageNamesTheBadField) {
  auto m = sample();
  EXPECT_TRUE(mail::check_message(m));
  m.to[0].address = "school3-at-ensk";
  const auto r = mail::check_message(m);
  ASSERT_FALSE(r);
  EXPECT_EQ(model::to_string(r.error()),
            "неверный адрес получателя, найдено «school3-at-ensk». Как исправить: исправьте адрес в "
            "реестре школ или в настройках почты");
  m.to.clear();
  EXPECT_EQ(mail::check_message(m).error().message, "у письма нет получателя");
}

TEST(MailMessageTest, ReplyToGoesToTheMethodistAndIsNotARecipient) {
  test::TempDir dir;
  auto m = sample();
  m.reply_to = {{"Методист Иванова", "metodist@ensk.example.ru"}};
  const auto eml = m.to_eml();
  EXPECT_NE(eml.find("\r\nReply-To: =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(m.envelope_recipients(), std::vector<std::string>{"school3@ensk.example.ru"});
  const auto got = test::decode_eml(dir.write("m.eml", eml), dir / "decoded");
  EXPECT_EQ(got.reply_to, std::vector<std::string>{"Методист Иванова <metodist@ensk.example.ru>"});
  EXPECT_EQ(got.defects, "");
  m.reply_to[0].address = "metodist@ensk.example.ru\r\nBcc: x@y.ru";
  EXPECT_EQ(mail::check_message(m).error().message, "неверный адрес для ответа (Reply-To)");
}

TEST(MailMessageTest, AddressWithALineBreakIsRefused) {
  auto m = sample();
  m.to[0].address = "dir@sch1.example\r\nRSET";
  EXPECT_EQ(mail::check_message(m).error().message, "неверный адрес получателя");
  m = sample();
  m.bcc = {"dir@sch1.example\nRSET"};
  EXPECT_EQ(mail::check_message(m).error().message, "неверный адрес скрытой копии");
}

TEST(MailMessageTest, GuessesContentTypes) {
  EXPECT_EQ(mail::content_type_for("a.XLSX"), mail::k_xlsx_type);
  EXPECT_EQ(mail::content_type_for("a.xls"), "application/vnd.ms-excel");
  EXPECT_EQ(mail::content_type_for("a.bin"), "application/octet-stream");
}

}  // namespace
