#include "deliver/outbox.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using deliver::DeliveryStatus;

deliver::MailConfig local_config(int port) {
  auto c = test::loopback_mail_config(port);
  c.backoff_ms = 5;
  return c;
}

deliver::MailMessage school_mail(int n) {
  deliver::MailMessage m;
  m.from = {"ИМЦ Энского округа", "imc@ensk.example.ru"};
  m.to = {{"Директор СОШ № " + std::to_string(n), "school" + std::to_string(n) + "@ensk.example.ru"}};
  m.subject = "Итоги мониторинга за ноябрь 2026 — СОШ № " + std::to_string(n);
  m.body = "Во вложении итоги школы № " + std::to_string(n) + ".";
  m.attachments.push_back({"Итоги СОШ " + std::to_string(n) + ".xlsx", {}, "xlsx bytes of " + std::to_string(n)});
  return m;
}

TEST(OutboxTest, DryRunWritesEmlFilesAndJournalAndSendsNothing) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  deliver::Outbox outbox(dir / "outbox");
  const auto a = outbox.deliver("2026-11", school_mail(3), nullptr);
  const auto b = outbox.deliver("2026-11", school_mail(7), nullptr);
  ASSERT_TRUE(a) << model::to_string(a.error());
  ASSERT_TRUE(b);
  EXPECT_EQ(a->entry.status, DeliveryStatus::dry_run);
  EXPECT_EQ(a->entry.eml_file, "01_school3@ensk.example.ru.eml");
  EXPECT_EQ(b->entry.eml_file, "02_school7@ensk.example.ru.eml");
  EXPECT_EQ(a->entry.attachments, "Итоги СОШ 3.xlsx");
  EXPECT_EQ(a->entry.attempts, 0);
  const auto eml = dir / "outbox/2026-11/01_school3@ensk.example.ru.eml";
  ASSERT_TRUE(fs::exists(eml));
  const auto decoded = test::decode_eml(eml, dir / "decoded");
  EXPECT_EQ(decoded.subject, "Итоги мониторинга за ноябрь 2026 — СОШ № 3");
  ASSERT_EQ(decoded.attachments.size(), 1u);
  EXPECT_EQ(decoded.attachments[0].second, "xlsx bytes of 3");
  const auto journal = outbox.journal("2026-11");
  ASSERT_TRUE(journal);
  ASSERT_EQ(journal->size(), 2u);
  EXPECT_EQ((*journal)[1].status, DeliveryStatus::dry_run);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(server.received().empty());
}

TEST(OutboxTest, RealRunSendsExactlyTheFileOnDiskAndRecordsIt) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto mailer = deliver::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  deliver::Outbox outbox(dir / "outbox");
  const auto d = outbox.deliver("2026-11", school_mail(3), &*mailer);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.status, DeliveryStatus::sent);
  EXPECT_EQ(d->entry.attempts, 1);
  EXPECT_EQ(d->entry.last_error, "");
  const auto got = server.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].eml, test::read_file(dir / "outbox/2026-11" / d->entry.eml_file));
  EXPECT_EQ(got[0].rcpt_to, std::vector<std::string>{"school3@ensk.example.ru"});
  EXPECT_EQ((*outbox.journal("2026-11"))[0].status, DeliveryStatus::sent);
}

TEST(OutboxTest, ReRunOfThePeriodDoesNotSendTheSameLetterTwice) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto mailer = deliver::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  deliver::Outbox outbox(dir / "outbox");
  ASSERT_TRUE(outbox.deliver("2026-11", school_mail(3), &*mailer));
  const auto again = outbox.deliver("2026-11", school_mail(3), &*mailer);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->entry.status, DeliveryStatus::sent);
  auto changed = school_mail(3);
  changed.attachments[0].bytes = "corrected bytes";  // a corrected report is a new letter
  const auto corrected = outbox.deliver("2026-11", changed, &*mailer);
  ASSERT_TRUE(corrected);
  EXPECT_FALSE(corrected->repeated);
  EXPECT_EQ(corrected->entry.number, 2);
  EXPECT_EQ(server.wait_for(2).size(), 2u);
  EXPECT_EQ(outbox.journal("2026-11")->size(), 2u);
}

TEST(OutboxTest, ServerDownIsRecordedThenResendDeliversAfterItComesBack) {
  test::TempDir dir;
  const int port = test::free_port();
  const auto mailer = deliver::Mailer::create(local_config(port));
  ASSERT_TRUE(mailer);
  deliver::Outbox outbox(dir / "outbox");
  for (int n : {3, 7}) {
    const auto d = outbox.deliver("2026-11", school_mail(n), &*mailer);
    ASSERT_TRUE(d) << "mail failure must not be an error";
    EXPECT_EQ(d->entry.status, DeliveryStatus::failed);
    EXPECT_EQ(d->entry.attempts, 2);  // 1 + retries
    EXPECT_NE(d->entry.last_error.find("попытка 2 из 2"), std::string::npos) << d->entry.last_error;
  }
  // The letters are safe on disk and the journal says what happened.
  auto journal = outbox.journal("2026-11");
  ASSERT_TRUE(journal);
  ASSERT_EQ(journal->size(), 2u);
  EXPECT_EQ((*journal)[0].status, DeliveryStatus::failed);
  EXPECT_TRUE(fs::exists(dir / "outbox/2026-11" / (*journal)[1].eml_file));

  test::SmtpSinkOptions options;
  options.port = port;
  test::SmtpServer server(dir / "received", options);
  ASSERT_EQ(server.port(), port);
  const auto resent = outbox.resend_pending("2026-11", *mailer);
  ASSERT_TRUE(resent);
  ASSERT_EQ(resent->size(), 2u);
  EXPECT_EQ((*resent)[0].status, DeliveryStatus::sent);
  EXPECT_EQ((*resent)[0].attempts, 3);
  EXPECT_EQ((*resent)[0].last_error, "");
  const auto got = server.wait_for(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].subject, "Итоги мониторинга за ноябрь 2026 — СОШ № 3");
  EXPECT_EQ(got[1].rcpt_to, std::vector<std::string>{"school7@ensk.example.ru"});
  journal = outbox.journal("2026-11");
  EXPECT_EQ((*journal)[1].status, DeliveryStatus::sent);
  // Nothing left: a second resend tries nothing and sends nothing.
  EXPECT_TRUE(outbox.resend_pending("2026-11", *mailer)->empty());
  EXPECT_EQ(server.received().size(), 2u);
}

TEST(OutboxTest, DryRunLettersAreSentOnlyWhenAskedFor) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto mailer = deliver::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  deliver::Outbox outbox(dir / "outbox");
  ASSERT_TRUE(outbox.deliver("2026-11", school_mail(3), nullptr));
  EXPECT_TRUE(outbox.resend_pending("2026-11", *mailer)->empty());
  const auto sent = outbox.resend_pending("2026-11", *mailer, true);
  ASSERT_TRUE(sent);
  ASSERT_EQ(sent->size(), 1u);
  EXPECT_EQ((*sent)[0].status, DeliveryStatus::sent);
  EXPECT_EQ(server.wait_for(1).size(), 1u);
}

TEST(OutboxTest, BadAddressIsKeptAndRecordedButNotSent) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  const auto mailer = deliver::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  deliver::Outbox outbox(dir / "outbox");
  auto m = school_mail(3);
  m.to[0].address = "school3 at ensk";
  const auto d = outbox.deliver("2026-11", m, &*mailer);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.status, DeliveryStatus::failed);
  EXPECT_EQ(d->entry.attempts, 0);
  EXPECT_NE(d->entry.last_error.find("неверный адрес получателя"), std::string::npos);
  EXPECT_EQ(d->entry.eml_file, "01_school3_at_ensk.eml");
  EXPECT_TRUE(fs::exists(dir / "outbox/2026-11/01_school3_at_ensk.eml"));
  EXPECT_TRUE(server.received().empty());
}

TEST(OutboxTest, UnwritableOutboxIsAnError) {
  test::TempDir dir;
  dir.write("outbox", "a file, not a folder");
  deliver::Outbox outbox(dir / "outbox");
  const auto d = outbox.deliver("2026-11", school_mail(3), nullptr);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("не удалось записать файл"), std::string::npos) << d.error().message;
}

TEST(OutboxTest, ContentKeyIgnoresDateAndMessageId) {
  auto a = school_mail(3);
  auto b = school_mail(3);
  a.fix_identity();
  b.date = a.date + 100;
  EXPECT_EQ(deliver::message_key(a), deliver::message_key(b));
  b.body += " ";
  EXPECT_NE(deliver::message_key(a), deliver::message_key(b));
}

}  // namespace
