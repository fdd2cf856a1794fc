// Addresses are checked wherever they enter: the registry, the outbox when
// `send` replays it, the message and the mailer. An address carrying a line
// break (`dir@sch1.example\r\nRSET`) must never reach the SMTP server, where
// it would become a command; its letter is not sent and the problem is told.
#include <gtest/gtest.h>

#include <fstream>

#include "support/mail_run.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// No command the server received mentions the injected address or RSET.
void expect_no_injection(const test::SmtpServer& server) {
  const auto commands = server.commands();
  EXPECT_FALSE(commands.empty()) << "the server log is empty: is it written?";
  for (const auto& c : commands) {
    EXPECT_EQ(c.find("RSET"), std::string::npos) << c;
    EXPECT_EQ(c.find("sch1.example"), std::string::npos) << c;
  }
}

}  // namespace

TEST(MailAddressTest, AddressWithLineBreakInRegistryNeverReachesTheServer) {
  test::TempDir dir;
  auto registry = test::read_file(test::source_dir() / "templates/demo_schools.csv");
  const std::string good = "school1@ensk-edu.example";
  registry.replace(registry.find(good), good.size(), "\"dir@sch1.example\r\nRSET\"");
  const auto schools = dir.write("schools.csv", registry);
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  test::MailRunOptions options;
  options.schools = schools;
  const auto config = test::write_mail_run_config(dir, server.port(), options);
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("предупреждение: у ОО «МБОУ СОШ № 1» (sch01) нет адреса электронной почты в реестре (или "
                       "он записан с ошибкой): книга директора не отправлена"),
            std::string::npos)
      << r.out;
  // `send` afterwards must not find anything to send to it either.
  const auto sent = test::metodmon("send --config " + config.string());
  const auto mails = server.wait_for(16);
  EXPECT_EQ(mails.size(), 16u) << sent.out;  // everyone but school 1's director
  expect_no_injection(server);
  // The methodist learns that school 1's director got nothing.
  for (const auto& m : mails) {
    if (m.rcpt_to[0] != "metodist@ensk-edu.example") continue;
    EXPECT_NE(m.body.find("Письма директорам не отправлены — в реестре школ нет верного адреса e-mail: МБОУ СОШ № 1."),
              std::string::npos)
        << m.body;
  }
}

TEST(MailAddressTest, AddressWithLineBreakInTheOutboxIsNeverSentAndIsReported) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto config = test::write_mail_run_config(dir, server.port());
  ASSERT_EQ(test::metodmon("run -q --dry-run --config " + config.string()).exit_code, 2);
  // Someone (or something) edits the journal: the first letter, to school 1,
  // now has an address with an escaped line break and waits to be sent.
  const auto journal_file = dir / "state/outbox/2026-11/journal.tsv";
  auto journal = test::read_file(journal_file);
  const std::string good = "school1@ensk-edu.example";
  journal.replace(journal.find(good), good.size(), "dir@sch1.example\\r\\nRSET");
  for (auto pos = journal.find("\tdry-run\t"); pos != std::string::npos; pos = journal.find("\tdry-run\t")) {
    journal.replace(pos, 9, "\tpending\t");
  }
  std::ofstream(journal_file, std::ios::binary) << journal;

  const auto r = test::metodmon("send --config " + config.string());
  EXPECT_EQ(r.exit_code, 3) << r.out;  // one letter not sent
  EXPECT_NE(r.out.find("неверный адрес"), std::string::npos) << r.out;
  EXPECT_EQ(server.wait_for(16).size(), 16u) << r.out;
  expect_no_injection(server);
  // A second `send` does not try it again.
  const auto again = test::metodmon("send --config " + config.string());
  EXPECT_EQ(server.received().size(), 16u) << again.out;
}

TEST(MailAddressTest, AddressWithLineBreakInTheMailSettingsIsAConfigurationError) {
  test::TempDir dir;
  auto config_text = test::read_file(test::write_mail_run_config(dir, test::free_port()));
  const std::string good = "methodist = \"metodist@ensk-edu.example\"";
  config_text.replace(config_text.find(good), good.size(), "methodist = \"metodist@ensk-edu.example\\r\\nRSET\"");
  const auto config = dir.write("metodmon.toml", config_text);
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("[mail.methodist]: неверный адрес электронной почты"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "out")) << "nothing is written with a bad configuration";
}
