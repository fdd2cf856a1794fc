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

// Only school3's address is in the registry here.
const collect::ReplyContext k_context{{"ИМЦ Энского округа", "imc@ensk.example.ru"}, "metodist@ensk.example.ru", 50,
                                      [](std::string_view a) { return a == "school3@ensk.example.ru"; }};

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
    m.from.address = robot;
    m.reply_to.address = robot;
    EXPECT_TRUE(collect::no_reply_reason(m, k_context)) << robot;
  }
}

// Issue 25: the service could be made to mail anyone — a stranger's letter,
// or a school's letter with a third party's Reply-To, got our «Re:».
TEST(RepliesTest, OnlyAnAddressOfTheRegistryIsAnswered) {
  auto m = letter();
  m.reply_to = {"", "third-party@elsewhere.example"};
  EXPECT_FALSE(collect::no_reply_reason(m, k_context)) << "a school's letter is answered (at its From)";
  m = letter();
  m.from = {"Кто-то", "stranger@mail.example"};
  m.reply_to = m.from;
  const auto why = collect::no_reply_reason(m, k_context);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("адреса stranger@mail.example нет в реестре школ"), std::string::npos) << *why;
  // A stranger who puts a school's address into Reply-To is still a stranger.
  m.reply_to = {"", "school3@ensk.example.ru"};
  EXPECT_TRUE(collect::no_reply_reason(m, k_context));
  // Without a registry nobody is answered.
  auto no_registry = k_context;
  no_registry.registered = nullptr;
  EXPECT_TRUE(collect::no_reply_reason(letter(), no_registry));
}

}  // namespace
