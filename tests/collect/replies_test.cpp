#include "collect/replies.h"

#include <gtest/gtest.h>

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

TEST(RepliesTest, NoAnswerToRobotsListsOrOurselves) {
  EXPECT_FALSE(collect::no_reply_reason(letter(), k_context));
  auto m = letter();
  m.auto_submitted = "auto-replied";
  EXPECT_TRUE(collect::no_reply_reason(m, k_context));
  m.auto_submitted = "no";
  EXPECT_FALSE(collect::no_reply_reason(m, k_context));
  m = letter();
  m.precedence = "bulk";
  EXPECT_TRUE(collect::no_reply_reason(m, k_context));
  m = letter();
  m.list_id = "<forms.ensk>";
  EXPECT_TRUE(collect::no_reply_reason(m, k_context));
  m = letter();
  m.delivery_report = true;
  EXPECT_NE(collect::no_reply_reason(m, k_context).value_or("").find("отчёт о доставке"), std::string::npos);
  for (const auto* robot : {"MAILER-DAEMON@mx.ensk.example.ru", "postmaster@ensk.example.ru", "noreply@gosuslugi.ru",
                            "no-reply@ya.ru", "IMC@ensk.example.ru", "metodist@ensk.example.ru", ""}) {
    m = letter();
    m.reply_to.address = robot;
    EXPECT_TRUE(collect::no_reply_reason(m, k_context)) << robot;
  }
}

}  // namespace
