// `metodmon collect` end to end: a real Dovecot (IMAP over TLS) holds the
// schools' answers, a real SMTP server receives our replies; the saved form
// then passes `metodmon check`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/imap_server.h"
#include "support/metodmon_binary.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

class CollectCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_imap.running()) << m_imap.log();
    ASSERT_GT(m_smtp.port(), 0);
    setenv("METODMON_TEST_IMAP_PASSWORD", m_imap.password().c_str(), 1);
    fs::create_directories(m_dir / "inbox");
  }

  fs::path write_config(const std::string& collect_extra = {}, int smtp_port = 0) const {
    const auto root = test::source_dir();
    std::ofstream out(m_dir / "metodmon.toml");
    out << "[monitoring]\n"
        << "definition = \"" << (root / "templates/demo.toml").string() << "\"\n"
        << "schools = \"" << (root / "templates/demo_schools.csv").string() << "\"\n"
        << "period = \"2026-11\"\n"
        << "[paths]\ninbox = \"inbox\"\noutput = \"out\"\nstate = \"state\"\n"
        << "[inbox]\nsettle_seconds = 0\n"
        << "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " << (smtp_port != 0 ? smtp_port : m_smtp.port()) << "\nsecurity = \"none\"\n"
        << "from = \"imc@ensk-edu.example\"\nfrom_name = \"МКУ ИМЦ Энского округа\"\n"
        << "methodist = \"metodist@ensk-edu.example\"\nretries = 0\n"
        << "[collect]\nenabled = true\n"
        << "url = \"imaps://127.0.0.1:" << m_imap.imaps_port() << "/INBOX\"\n"
        << "username = \"" << m_imap.user() << "\"\npassword_env = \"METODMON_TEST_IMAP_PASSWORD\"\n"
        << "ca_file = \"" << m_imap.cert().string() << "\"\n"
        << collect_extra;
    return m_dir / "metodmon.toml";
  }

  test::TempDir m_dir;
  test::ImapServer m_imap{m_dir / "imap"};
  test::SmtpServer m_smtp{m_dir / "smtp"};
};

TEST_F(CollectCommandTest, SavesTheFormAnswersTheRestAndRunsNothingTwice) {
  const auto form = test::source_dir() / "sample_workbooks/demo/sch01_2026-11.xlsx";
  m_imap.append("INBOX", R"([
    {"from": "Петрова Анна Викторовна <school1@ensk-edu.example>", "message_id": "<form@school1>",
     "subject": "Форма мониторинга СОШ № 1", "attachments": [{"name": "Форма СОШ № 1.xlsx", "file": ")" +
                             form.string() + R"(", "name_style": "rfc2047"}]},
    {"from": "gymn3@ensk-edu.example", "message_id": "<empty@gymn3>", "subject": "Форма"},
    {"from": "lyceum4@ensk-edu.example", "message_id": "<tnef@lyceum4>", "subject": "Форма лицея",
     "attachments": [{"name": "winmail.dat", "hex": "789f3e22", "type": "application/ms-tnef"}]}
  ])");
  const auto config = write_config();
  std::string out;
  ASSERT_EQ(test::run_metodmon("collect -c " + config.string(), &out), 0) << out;
  EXPECT_NE(out.find("новых писем 3"), std::string::npos) << out;
  EXPECT_NE(out.find("сохранено: "), std::string::npos) << out;
  EXPECT_NE(out.find("Сохранено файлов: 1; ответов отправлено: 2"), std::string::npos) << out;

  std::vector<fs::path> saved;
  for (const auto& e : fs::directory_iterator(m_dir / "inbox")) saved.push_back(e.path());
  ASSERT_EQ(saved.size(), 1u);
  const auto name = saved[0].filename().string();
  EXPECT_NE(name.find("_sch01 МБОУ СОШ № 1_Форма СОШ № 1.xlsx"), std::string::npos) << name;
  EXPECT_EQ(test::read_file(saved[0]), test::read_file(form));
  std::string check;
  EXPECT_EQ(test::run_metodmon("check -c " + config.string() + " '" + saved[0].string() + "'", &check), 0) << check;

  const auto mails = m_smtp.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].rcpt_to, std::vector<std::string>{"gymn3@ensk-edu.example"});
  EXPECT_EQ(mails[0].subject, "Re: Форма");
  EXPECT_NE(mails[0].body.find("файл Excel (.xlsx)"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].eml.find("In-Reply-To: <empty@gymn3>"), std::string::npos);
  EXPECT_NE(mails[0].eml.find("Auto-Submitted: auto-replied"), std::string::npos);
  EXPECT_EQ(mails[1].rcpt_to, std::vector<std::string>{"lyceum4@ensk-edu.example"});
  EXPECT_NE(mails[1].body.find("winmail.dat"), std::string::npos);

  // A second run: nothing new, nothing sent again.
  ASSERT_EQ(test::run_metodmon("collect -c " + config.string(), &out), 0) << out;
  EXPECT_NE(out.find("новых писем 0"), std::string::npos) << out;
  EXPECT_EQ(m_smtp.received().size(), 2u);
}

TEST_F(CollectCommandTest, AnAnswerTheMailServerRefusedIsSentLater) {
  m_imap.append("INBOX", R"([{"from": "gymn3@ensk-edu.example", "message_id": "<late@gymn3>", "subject": "Форма"}])");
  const int port = test::free_port();  // no SMTP server there yet
  const auto config = write_config({}, port);
  std::string out;
  EXPECT_EQ(test::run_metodmon("collect -c " + config.string(), &out), 3) << out;
  EXPECT_NE(out.find("не отправлено: 1"), std::string::npos) << out;
  test::SmtpSinkOptions options;
  options.port = port;
  test::SmtpServer later(m_dir / "smtp-later", options);
  ASSERT_EQ(later.port(), port);
  EXPECT_EQ(test::run_metodmon("send -c " + config.string() + " --period collect", &out), 0) << out;
  const auto mails = later.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rcpt_to, std::vector<std::string>{"gymn3@ensk-edu.example"});
  // The letter itself was marked: a new collect neither reads nor answers it.
  EXPECT_EQ(test::run_metodmon("collect -c " + config.string(), &out), 0) << out;
  EXPECT_NE(out.find("новых писем 0"), std::string::npos) << out;
}

TEST_F(CollectCommandTest, BadPasswordIsAClearErrorAndExitCodeOne) {
  m_imap.append("INBOX", R"([{"message_id": "<x@school1>"}])");
  setenv("METODMON_TEST_IMAP_PASSWORD", "не тот пароль", 1);
  std::string out;
  EXPECT_EQ(test::run_metodmon("collect -c " + write_config().string(), &out), 1) << out;
  EXPECT_NE(out.find("ошибка: "), std::string::npos) << out;
  EXPECT_NE(out.find("не принял имя пользователя"), std::string::npos) << out;
  EXPECT_EQ(out.find("не тот пароль"), std::string::npos) << out;
}

TEST_F(CollectCommandTest, ConfigurationMistakesAreLocated) {
  std::string out;
  const auto config = write_config("processed = \"delete\"\nsecurity = \"none\"\nfolder_name = \"x\"\n");
  EXPECT_EQ(test::run_metodmon("collect -c " + config.string(), &out), 1) << out;
  EXPECT_NE(out.find("collect.processed"), std::string::npos) << out;
  EXPECT_NE(out.find("неизвестный способ пометки «delete»"), std::string::npos) << out;
  EXPECT_NE(out.find("неизвестный способ защиты «none»"), std::string::npos) << out;
  EXPECT_NE(out.find("collect.folder_name"), std::string::npos) << out;
}

}  // namespace
