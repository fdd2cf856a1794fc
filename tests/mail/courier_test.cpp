// The courier against real loopback servers that misbehave: a refusal of one
// letter does not stop the round, a dead server does, and the whole round
// keeps to its time budget.
#include "mail/courier.h"

#include <gtest/gtest.h>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace {

using namespace std::chrono_literals;

std::string eml(const std::string& to) {
  mail::MailMessage m;
  m.from = {"ИМЦ", "imc@ensk.example.ru"};
  m.to = {{"", to}};
  m.subject = "Итоги";
  m.body = "Текст";
  return m.to_eml();
}

TEST(CourierTest, RefusedRecipientsDoNotStopTheRound) {
  test::TempDir dir;
  test::SmtpSinkOptions options;
  options.reject_rcpt = "gone@ensk.example.ru";
  test::SmtpServer server(dir / "received", options);
  ASSERT_GT(server.port(), 0);
  const auto mailer = mail::Mailer::create(test::loopback_mail_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {.stop_after_failed_letters = 1});
  for (int i = 0; i < 3; ++i) {
    const auto r = courier.send({"gone@ensk.example.ru"}, eml("gone@ensk.example.ru"));
    EXPECT_FALSE(r.sent);
    EXPECT_FALSE(r.server_fault) << r.error;
  }
  EXPECT_FALSE(courier.held_reason());
  EXPECT_TRUE(courier.send({"school3@ensk.example.ru"}, eml("school3@ensk.example.ru")).sent);
}

TEST(CourierTest, ServerThatNeverGreetsStopsTheRoundAfterTheLimit) {
  test::TempDir dir;
  test::SmtpSinkOptions options;
  options.stall_greeting = true;
  test::SmtpServer server(dir / "silent", options);
  ASSERT_GT(server.port(), 0);
  auto config = test::loopback_mail_config(server.port());
  config.retries = 0;
  config.connect_timeout_ms = 300;
  const auto mailer = mail::Mailer::create(config);
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {.stop_after_failed_letters = 2});
  for (int i = 0; i < 2; ++i) {
    const auto r = courier.send({"a@ensk.example.ru"}, eml("a@ensk.example.ru"));
    EXPECT_FALSE(r.sent);
    EXPECT_TRUE(r.server_fault);
  }
  const auto why = courier.held_reason();
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("почтовый сервер не отвечал на предыдущие письма (2 подряд)"), std::string::npos) << *why;
  EXPECT_EQ(server.connections(), 2);
}

TEST(CourierTest, RoundStopsWhenItsBudgetIsSpent) {
  test::TempDir dir;
  test::SmtpSinkOptions options;
  options.delay_data_ms = 400;  // a slow server: each letter takes 0.4 s
  test::SmtpServer server(dir / "received", options);
  ASSERT_GT(server.port(), 0);
  const auto mailer = mail::Mailer::create(test::loopback_mail_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {.stop_after_failed_letters = 0, .budget = 1s});
  int sent = 0, tried = 0;
  const auto start = std::chrono::steady_clock::now();
  while (!courier.held_reason() && tried < 20) {
    ++tried;
    sent += courier.send({"a@ensk.example.ru"}, eml("a@ensk.example.ru")).sent;
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(tried, 20);
  EXPECT_GE(sent, 1);
  EXPECT_LT(elapsed, 3s);  // the budget (1 s) and at most one letter cut short by it
  const auto why = courier.held_reason();
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("время на рассылку (1 с, budget_seconds в разделе [mail]) истекло"), std::string::npos) << *why;
}

TEST(CourierTest, DryRunAndHoldNeverSend) {
  EXPECT_EQ(mail::Courier::dry_run().mode(), mail::Courier::Mode::dry_run);
  const auto held = mail::Courier::hold("переменная окружения METODMON_SMTP_PASSWORD не задана");
  EXPECT_EQ(held.mode(), mail::Courier::Mode::hold);
  EXPECT_EQ(held.held_reason(), "переменная окружения METODMON_SMTP_PASSWORD не задана");
}

}  // namespace
