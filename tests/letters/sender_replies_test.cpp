#include "letters/sender_replies.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

collect::ParsedMessage letter() {
  collect::ParsedMessage m;
  m.message_id = "q7@school3.example.ru";
  m.from = {"Директор СОШ 3", "school3@ensk.example.ru"};
  m.reply_to = m.from;
  m.subject = "Форма за ноябрь";
  m.date = 1793878320;  // 2026-11-05 14:32 in Moscow
  return m;
}

const collect::ReplyContext k_context{{"ИМЦ Энского округа", "imc@ensk.example.ru"}, "metodist@ensk.example.ru", 50};

TEST(RepliesTest, NoWorkbookSaysWhatWasExpectedAndAnswersTheLetter) {
  setenv("TZ", "Europe/Moscow", 1);
  tzset();
  const auto reply = letters::compose_reply(collect::ReplyKind::no_workbook, letter(), k_context, {"скан.pdf", "письмо.docx"});
  unsetenv("TZ");
  tzset();
  EXPECT_TRUE(mail::check_message(reply)) << "a reply must be a valid letter";
  ASSERT_EQ(reply.to.size(), 1u);
  EXPECT_EQ(reply.to[0].address, "school3@ensk.example.ru");
  EXPECT_EQ(reply.from.address, "imc@ensk.example.ru");
  EXPECT_EQ(reply.subject, "Re: Форма за ноябрь");
  EXPECT_EQ(reply.in_reply_to, "q7@school3.example.ru");
  EXPECT_TRUE(reply.auto_reply);
  EXPECT_NE(reply.body.find("Ваше письмо «Форма за ноябрь» от 05.11.2026 14:32"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("файл Excel (.xlsx)"), std::string::npos);
  EXPECT_NE(reply.body.find("вложением"), std::string::npos);
  EXPECT_NE(reply.body.find("с адреса электронной почты школы"), std::string::npos);
  EXPECT_NE(reply.body.find("«скан.pdf», «письмо.docx»"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("metodist@ensk.example.ru"), std::string::npos);
}

TEST(RepliesTest, TheAnswerGoesToTheRegisteredFromNeverToAReplyTo) {
  auto m = letter();
  m.reply_to = {"Третье лицо", "third-party@elsewhere.example"};
  for (const auto kind : {collect::ReplyKind::no_workbook, collect::ReplyKind::tnef, collect::ReplyKind::too_large}) {
    const auto reply = letters::compose_reply(kind, m, k_context, {});
    ASSERT_EQ(reply.to.size(), 1u);
    EXPECT_EQ(reply.to[0].address, "school3@ensk.example.ru");
    EXPECT_EQ(reply.envelope_recipients(), std::vector<std::string>{"school3@ensk.example.ru"});
  }
}

TEST(RepliesTest, WinmailDatExplainsOutlook) {
  auto m = letter();
  m.subject = "RE: форма";
  const auto reply = letters::compose_reply(collect::ReplyKind::tnef, m, k_context, {});
  EXPECT_EQ(reply.subject, "RE: форма");  // no "Re: RE:"
  EXPECT_NE(reply.body.find("winmail.dat"), std::string::npos);
  EXPECT_NE(reply.body.find("Формат RTF"), std::string::npos);
  EXPECT_NE(reply.body.find("«HTML» или «Обычный текст»"), std::string::npos);
  const auto large = letters::compose_reply(collect::ReplyKind::too_large, m, k_context, {});
  EXPECT_NE(large.body.find("больше 50 МБ"), std::string::npos) << large.body;
}

}  // namespace
