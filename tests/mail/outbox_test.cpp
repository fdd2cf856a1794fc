#include "mail/outbox.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using mail::DeliveryStatus;

mail::MailConfig local_config(int port) {
  auto c = test::loopback_mail_config(port);
  c.backoff_ms = 5;
  return c;
}

mail::MailMessage school_mail(int n) {
  mail::MailMessage m;
  m.from = {"ИМЦ Энского округа", "imc@ensk.example.ru"};
  m.to = {{"Директор СОШ № " + std::to_string(n), "school" + std::to_string(n) + "@ensk.example.ru"}};
  m.subject = "Итоги мониторинга за ноябрь 2026 — СОШ № " + std::to_string(n);
  m.body = "Во вложении итоги школы № " + std::to_string(n) + ".";
  m.attachments.push_back({"Итоги СОШ " + std::to_string(n) + ".xlsx", {}, "xlsx bytes of " + std::to_string(n)});
  return m;
}

// A director's results letter for school n stating `share`.
mail::Letter school_letter(int n, const std::string& share = "45,0 % (9 из 20)") {
  auto m = school_mail(n);
  m.attachments[0].bytes += " at " + share;  // the workbook differs with the figures
  return {mail::letter_kind::results_director, "sch" + std::to_string(n), std::move(m),
          {{"1.1 «Доля педагогов»", share}, {"1.2 «Число программ»", "3"}}};
}

std::vector<DeliveryStatus> statuses(const mail::Outbox& outbox, const std::string& period) {
  std::vector<DeliveryStatus> out;
  const auto journal = outbox.journal(period);
  for (const auto& e : *journal) out.push_back(e.status);
  return out;
}

TEST(OutboxTest, DryRunWritesEmlFilesFiguresAndJournalAndSendsNothing) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  mail::Outbox outbox(dir / "outbox");
  auto courier = mail::Courier::dry_run();
  const auto a = outbox.deliver("2026-11", school_letter(3), courier);
  const auto b = outbox.deliver("2026-11", school_letter(7), courier);
  ASSERT_TRUE(a) << model::to_string(a.error());
  ASSERT_TRUE(b);
  EXPECT_EQ(a->entry.status, DeliveryStatus::dry_run);
  EXPECT_EQ(a->entry.eml_file, "01_school3@ensk.example.ru.eml");
  EXPECT_EQ(b->entry.eml_file, "02_school7@ensk.example.ru.eml");
  EXPECT_EQ(a->entry.attachments, "Итоги СОШ 3.xlsx");
  EXPECT_EQ(a->entry.kind, "results-director");
  EXPECT_EQ(a->entry.topic, "sch3");
  EXPECT_EQ(a->entry.attempts, 0);
  const auto eml = dir / "outbox/2026-11/01_school3@ensk.example.ru.eml";
  ASSERT_TRUE(fs::exists(eml));
  EXPECT_EQ(test::read_file(dir / "outbox/2026-11/01_school3@ensk.example.ru.figures.tsv"),
            "1.1 «Доля педагогов»\t45,0 % (9 из 20)\n1.2 «Число программ»\t3\n");
  const auto decoded = test::decode_eml(eml, dir / "decoded");
  EXPECT_EQ(decoded.subject, "Итоги мониторинга за ноябрь 2026 — СОШ № 3");
  EXPECT_EQ(statuses(outbox, "2026-11"), (std::vector{DeliveryStatus::dry_run, DeliveryStatus::dry_run}));
  EXPECT_TRUE(server.received().empty());
}

TEST(OutboxTest, RealRunSendsExactlyTheFileOnDiskAndRecordsIt) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto mailer = mail::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {});
  mail::Outbox outbox(dir / "outbox");
  const auto d = outbox.deliver("2026-11", school_letter(3), courier);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.status, DeliveryStatus::sent);
  EXPECT_EQ(d->entry.attempts, 1);
  EXPECT_EQ(d->entry.last_error, "");
  const auto got = server.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].eml, test::read_file(dir / "outbox/2026-11" / d->entry.eml_file));
  EXPECT_EQ(got[0].rcpt_to, std::vector<std::string>{"school3@ensk.example.ru"});
}

TEST(OutboxTest, SameFiguresAreNotSentAgainChangedFiguresAreAndSayWhat) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto mailer = mail::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {});
  mail::Outbox outbox(dir / "outbox");
  ASSERT_TRUE(outbox.deliver("2026-11", school_letter(3), courier));
  // A rerun: a new workbook (another run time) with the same figures is not a new letter.
  auto rerun = school_letter(3);
  rerun.message.attachments[0].bytes += " (run 2)";
  EXPECT_TRUE(outbox.revision("2026-11", rerun)->sent_before);
  EXPECT_TRUE(outbox.revision("2026-11", rerun)->changes.empty());
  const auto again = outbox.deliver("2026-11", rerun, courier);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(outbox.journal("2026-11")->size(), 1u);
  // Corrected figures: the revision names the changed figure only, and the letter goes out.
  const auto corrected = school_letter(3, "50,0 % (10 из 20)");
  const auto revision = outbox.revision("2026-11", corrected);
  ASSERT_TRUE(revision);
  EXPECT_TRUE(revision->sent_before);
  EXPECT_EQ(revision->changes, (std::vector<mail::FigureChange>{
                                   {"1.1 «Доля педагогов»", "45,0 % (9 из 20)", "50,0 % (10 из 20)"}}));
  const auto d = outbox.deliver("2026-11", corrected, courier);
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->unchanged);
  EXPECT_EQ(d->entry.status, DeliveryStatus::sent);
  // Back to the first figures: a change against the latest letter, sent again.
  EXPECT_FALSE(outbox.deliver("2026-11", school_letter(3), courier)->unchanged);
  EXPECT_EQ(server.wait_for(3).size(), 3u);
  // Another school's letter is another identity.
  EXPECT_FALSE(outbox.revision("2026-11", school_letter(4))->sent_before);
}

TEST(OutboxTest, NewerLetterSupersedesTheWaitingOneSoSendDeliversOnlyTheNewest) {
  test::TempDir dir;
  const int port = test::free_port();
  const auto mailer = mail::Mailer::create(local_config(port));
  ASSERT_TRUE(mailer);
  mail::Outbox outbox(dir / "outbox");
  {
    mail::Courier down(*mailer, {});
    ASSERT_EQ(outbox.deliver("2026-11", school_letter(3), down)->entry.status, DeliveryStatus::failed);
  }
  auto held = mail::Courier::hold("переменная окружения не задана");
  const auto newer = outbox.deliver("2026-11", school_letter(3, "50,0 % (10 из 20)"), held);
  ASSERT_TRUE(newer);
  EXPECT_EQ(newer->superseded, 1);
  EXPECT_EQ(newer->entry.status, DeliveryStatus::pending);
  EXPECT_EQ(newer->entry.last_error, "не отправлялось: переменная окружения не задана; письмо ждёт команды metodmon send");
  // A dry run does not cancel a real letter that waits.
  auto dry = mail::Courier::dry_run();
  EXPECT_EQ(outbox.deliver("2026-11", school_letter(3, "55,0 % (11 из 20)"), dry)->superseded, 0);
  EXPECT_EQ(statuses(outbox, "2026-11"),
            (std::vector{DeliveryStatus::superseded, DeliveryStatus::pending, DeliveryStatus::dry_run}));

  test::SmtpSinkOptions options;
  options.port = port;
  test::SmtpServer server(dir / "received", options);
  ASSERT_EQ(server.port(), port);
  mail::Courier up(*mailer, {});
  const auto resent = outbox.resend_pending("2026-11", up);
  ASSERT_TRUE(resent);
  ASSERT_EQ(resent->size(), 1u);
  EXPECT_EQ((*resent)[0].status, DeliveryStatus::sent);
  const auto got = server.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].attachments.at(0).second.find("50,0 %"), std::string::npos);
  EXPECT_TRUE(outbox.resend_pending("2026-11", up)->empty());
  EXPECT_EQ(server.wait_for(2, std::chrono::milliseconds(200)).size(), 1u);
}

TEST(OutboxTest, LetterAboutASchoolSupersedesTheWaitingOneToItsOldAddress) {
  test::TempDir dir;
  mail::Outbox outbox(dir / "outbox");
  auto held = mail::Courier::hold("нет пароля");
  ASSERT_TRUE(outbox.deliver("2026-11", school_letter(3), held));
  auto moved = school_letter(3);
  moved.message.to[0].address = "new-director3@ensk.example.ru";
  EXPECT_EQ(outbox.deliver("2026-11", moved, held)->superseded, 1);
  // The methodist's letter has no topic: a letter to another address is another letter.
  mail::Letter a{mail::letter_kind::results_methodist, {}, school_mail(1), {}};
  mail::Letter b{mail::letter_kind::results_methodist, {}, school_mail(2), {}};
  ASSERT_TRUE(outbox.deliver("2026-11", a, held));
  EXPECT_EQ(outbox.deliver("2026-11", b, held)->superseded, 0);
}

TEST(OutboxTest, ServerDownIsRecordedThenResendDeliversAfterItComesBack) {
  test::TempDir dir;
  const int port = test::free_port();
  const auto mailer = mail::Mailer::create(local_config(port));
  ASSERT_TRUE(mailer);
  mail::Outbox outbox(dir / "outbox");
  mail::Courier down(*mailer, {.stop_after_failed_letters = 0});
  for (int n : {3, 7}) {
    const auto d = outbox.deliver("2026-11", school_letter(n), down);
    ASSERT_TRUE(d) << "mail failure must not be an error";
    EXPECT_EQ(d->entry.status, DeliveryStatus::failed);
    EXPECT_EQ(d->entry.attempts, 2);  // 1 + retries
    EXPECT_NE(d->entry.last_error.find("попытка 2 из 2"), std::string::npos) << d->entry.last_error;
  }
  test::SmtpSinkOptions options;
  options.port = port;
  test::SmtpServer server(dir / "received", options);
  ASSERT_EQ(server.port(), port);
  mail::Courier up(*mailer, {});
  const auto resent = outbox.resend_pending("2026-11", up);
  ASSERT_TRUE(resent);
  ASSERT_EQ(resent->size(), 2u);
  EXPECT_EQ((*resent)[0].status, DeliveryStatus::sent);
  EXPECT_EQ((*resent)[0].attempts, 3);
  EXPECT_EQ(server.wait_for(2).size(), 2u);
  EXPECT_TRUE(outbox.resend_pending("2026-11", up)->empty());
}

TEST(OutboxTest, AfterTwoLettersFailTheRestWaitUntried) {
  test::TempDir dir;
  const auto mailer = mail::Mailer::create(local_config(test::free_port()));
  ASSERT_TRUE(mailer);
  mail::Outbox outbox(dir / "outbox");
  mail::Courier courier(*mailer, {.stop_after_failed_letters = 2});
  for (int n = 1; n <= 5; ++n) ASSERT_TRUE(outbox.deliver("2026-11", school_letter(n), courier));
  const auto journal = *outbox.journal("2026-11");
  EXPECT_EQ(statuses(outbox, "2026-11"), (std::vector{DeliveryStatus::failed, DeliveryStatus::failed,
                                                      DeliveryStatus::pending, DeliveryStatus::pending,
                                                      DeliveryStatus::pending}));
  EXPECT_EQ(journal[2].attempts, 0);
  EXPECT_NE(journal[2].last_error.find("почтовый сервер не отвечал на предыдущие письма (2 подряд)"),
            std::string::npos)
      << journal[2].last_error;
  // `send` with the server still down stops the same way.
  mail::Courier again(*mailer, {.stop_after_failed_letters = 2});
  EXPECT_EQ(outbox.resend_pending("2026-11", again)->size(), 2u);
}

TEST(OutboxTest, BadAddressIsKeptAndRecordedButNeverSent) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  const auto mailer = mail::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {});
  mail::Outbox outbox(dir / "outbox");
  auto letter = school_letter(3);
  letter.message.to[0].address = "school3 at ensk";
  const auto d = outbox.deliver("2026-11", letter, courier);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->entry.status, DeliveryStatus::invalid);
  EXPECT_EQ(d->entry.attempts, 0);
  EXPECT_NE(d->entry.last_error.find("неверный адрес получателя"), std::string::npos);
  EXPECT_EQ(d->entry.eml_file, "01_school3_at_ensk.eml");
  EXPECT_TRUE(fs::exists(dir / "outbox/2026-11/01_school3_at_ensk.eml"));
  EXPECT_TRUE(outbox.resend_pending("2026-11", courier)->empty());  // `send` does not try it
  EXPECT_TRUE(server.received().empty());
}

TEST(OutboxTest, ReplayChecksTheAddressesInTheJournalAgain) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  mail::Outbox outbox(dir / "outbox");
  auto held = mail::Courier::hold("нет пароля");
  ASSERT_TRUE(outbox.deliver("2026-11", school_letter(3), held));
  ASSERT_TRUE(outbox.deliver("2026-11", school_letter(4), held));
  // The journal is edited behind our back: a line break in the first address.
  const auto file = dir / "outbox/2026-11/journal.tsv";
  auto text = test::read_file(file);
  text.replace(text.find("school3@ensk.example.ru"), 23, "dir@sch1.example\\r\\nRSET");
  std::ofstream(file, std::ios::binary) << text;
  const auto mailer = mail::Mailer::create(local_config(server.port()));
  ASSERT_TRUE(mailer);
  mail::Courier courier(*mailer, {});
  const auto tried = outbox.resend_pending("2026-11", courier);
  ASSERT_TRUE(tried);
  ASSERT_EQ(tried->size(), 2u);
  EXPECT_EQ((*tried)[0].status, DeliveryStatus::invalid);
  EXPECT_NE((*tried)[0].last_error.find("неверный адрес получателя"), std::string::npos);
  EXPECT_EQ((*tried)[1].status, DeliveryStatus::sent);
  ASSERT_EQ(server.wait_for(1).size(), 1u);
  for (const auto& c : server.commands()) EXPECT_EQ(c.find("RSET"), std::string::npos) << c;
}

TEST(OutboxTest, ListsPeriodsInOrder) {
  test::TempDir dir;
  mail::Outbox outbox(dir / "outbox");
  EXPECT_TRUE(outbox.periods().empty());
  auto dry = mail::Courier::dry_run();
  for (const auto* p : {"2026-11", "2025", "2026-10"}) ASSERT_TRUE(outbox.deliver(p, school_letter(1), dry));
  fs::create_directories(dir / "outbox/not-a-period");
  EXPECT_EQ(outbox.periods(), (std::vector<std::string>{"2025", "2026-10", "2026-11"}));
}

TEST(OutboxTest, UnwritableOutboxIsAnError) {
  test::TempDir dir;
  dir.write("outbox", "a file, not a folder");
  mail::Outbox outbox(dir / "outbox");
  auto dry = mail::Courier::dry_run();
  const auto d = outbox.deliver("2026-11", school_letter(3), dry);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("не удалось записать файл"), std::string::npos) << d.error().message;
}

TEST(OutboxTest, ContentKeyIgnoresDateAndMessageId) {
  auto a = school_mail(3);
  auto b = school_mail(3);
  a.fix_identity();
  b.date = a.date + 100;
  EXPECT_EQ(mail::message_key(a), mail::message_key(b));
  b.body += " ";
  EXPECT_NE(mail::message_key(a), mail::message_key(b));
}

}  // namespace
