// Issue 25: only a school speaks for itself. Letters built by Python's email
// package with hostile senders, headers and attachments are appended to a
// real Dovecot on loopback; `metodmon collect`, `run` and `accept` are the
// real binary; every letter we send is counted at a real SMTP server on
// loopback, and none may go to an address outside the registry.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

#include "support/imap_server.h"
#include "support/metodmon_cli.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const std::string k_methodist = "metodist@ensk-edu.example";

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string json_escaped(const std::string& s) {
  std::string out;
  for (const char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out;
}

// One letter of imap_mail.py's JSON: `from`, a form attached from `file`.
std::string form_letter(const std::string& from, const std::string& id, const std::string& date, const fs::path& file,
                        const std::string& extra = {}) {
  return R"({"from": ")" + json_escaped(from) + R"(", "message_id": ")" + id + R"(", "date": ")" + date +
         R"(", "subject": "Форма мониторинга", "attachments": [{"name": "Форма.xlsx", "file": ")" +
         json_escaped(file.string()) + R"("}])" + extra + "}";
}

class MailTrustTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_imap.running()) << m_imap.log();
    ASSERT_GT(m_smtp.port(), 0);
    setenv("METODMON_TEST_IMAP_PASSWORD", m_imap.password().c_str(), 1);
    fs::create_directories(m_dir / "inbox");
    m_config = write_config();
  }

  fs::path write_config(const std::string& collect_extra = {}) const {
    test::DemoConfig c;
    c.inbox = m_dir / "inbox";
    c.extra = "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " + std::to_string(m_smtp.port()) +
              "\nsecurity = \"none\"\nfrom = \"imc@ensk-edu.example\"\nmethodist = \"" + k_methodist +
              "\"\nsend_errors_to_schools = true\nretries = 0\n"
              "[collect]\nenabled = true\nurl = \"imaps://127.0.0.1:" + std::to_string(m_imap.imaps_port()) +
              "/INBOX\"\nusername = \"" + m_imap.user() + "\"\npassword_env = \"METODMON_TEST_IMAP_PASSWORD\"\n"
              "ca_file = \"" + m_imap.cert().string() + "\"\n" + collect_extra;
    return test::write_demo_config(m_dir, c);
  }

  test::ProcessResult metodmon(const std::string& args) const {
    return test::metodmon(args + " -c " + test::shell_quote(m_config.string()));
  }

  // Every envelope recipient of every letter the SMTP server received.
  std::set<std::string> recipients() const {
    std::set<std::string> out;
    for (const auto& m : m_smtp.received()) out.insert(m.rcpt_to.begin(), m.rcpt_to.end());
    return out;
  }

  // The registry's addresses and the methodist's: the only ones we may mail.
  static bool ours(const std::string& address) {
    static const std::string registry = test::read_file(test::source_dir() / "templates/demo_schools.csv");
    return address == k_methodist || registry.find(";" + address + "\n") != std::string::npos;
  }

  // files_seen of the history, by Python's sqlite3: "name|outcome|sender" per line.
  std::string files_seen() const {
    return test::run_python("import sqlite3, sys\n"
                            "db = sqlite3.connect(sys.argv[1])\n"
                            "for r in db.execute('SELECT f.name, f.outcome, f.sender FROM files_seen f "
                            "WHERE f.run_id = (SELECT max(id) FROM runs) ORDER BY f.name'):\n"
                            "    print('|'.join(r))\n",
                            {(m_dir / "state" / "history.sqlite").string()})
        .out;
  }

  test::TempDir m_dir;
  test::ImapServer m_imap{m_dir / "imap"};
  test::SmtpServer m_smtp{m_dir / "smtp"};
  fs::path m_config;
};

fs::path demo_form(const std::string& name) { return test::source_dir() / "sample_workbooks/demo" / name; }

// Point 1. Today a form whose _meta names a school counted for that school
// from any sender: a stranger's newer form replaced the school's own
// («заменён более новой формой»), another school's director could send it.
TEST_F(MailTrustTest, AFormCountsOnlyFromItsSchoolsAddressAndTheRestIsHeldForTheMethodist) {
  m_imap.append("INBOX", "[" +
                             form_letter("Новикова Т. Ю. <school7@ensk-edu.example>", "<own@school7>",
                                         "Thu, 05 Nov 2026 10:00:00 +0300",
                                         demo_form("sch07_2026-11 (первый вариант).xlsx")) + "," +
                             form_letter("Аноним <stranger@mail.example>", "<forged@stranger>",
                                         "Fri, 06 Nov 2026 09:00:00 +0300", demo_form("sch07_2026-11.xlsx")) + "," +
                             form_letter("gymn3@ensk-edu.example", "<other@gymn3>", "Fri, 06 Nov 2026 11:15:00 +0300",
                                         demo_form("sch02_2026-11.xlsx")) + "]");
  const auto collected = metodmon("collect");
  ASSERT_EQ(collected.exit_code, 0) << collected.out;

  // Only the school's own form is in the inbox; the two others are held apart.
  const auto inbox = files_in(m_dir / "inbox");
  ASSERT_EQ(inbox.size(), 1u) << collected.out;
  EXPECT_EQ(test::read_file(inbox[0]), test::read_file(demo_form("sch07_2026-11 (первый вариант).xlsx")));
  const auto held = files_in(m_dir / "state" / "held");
  ASSERT_EQ(held.size(), 2u) << collected.out;
  // Listed with sender, the school the form names, the date and the command.
  EXPECT_NE(collected.out.find("stranger@mail.example"), std::string::npos) << collected.out;
  EXPECT_NE(collected.out.find("не принято: форма школы sch07 — адреса stranger@mail.example нет в реестре школ"),
            std::string::npos)
      << collected.out;
  EXPECT_NE(collected.out.find("не принято: форма школы sch02 — форма школы sch02 пришла с адреса школы sch03 "
                               "(gymn3@ensk-edu.example)"),
            std::string::npos)
      << collected.out;
  EXPECT_NE(collected.out.find("Методисту отправлено письмо о непринятых письмах"), std::string::npos) << collected.out;
  EXPECT_NE(collected.out.find("06.11.2026"), std::string::npos) << collected.out;
  EXPECT_NE(collected.out.find("metodmon accept -c"), std::string::npos) << collected.out;

  // The methodist is told by mail; nobody else is written to.
  const auto mails = m_smtp.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rcpt_to, std::vector<std::string>{k_methodist});
  EXPECT_NE(mails[0].body.find("stranger@mail.example"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("Форма школы sch07 (МБОУ СОШ № 7) не учтена"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("Форма школы sch02 (МБОУ СОШ № 2) не учтена"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("metodmon accept -c"), std::string::npos) << mails[0].body;
  for (const auto& f : held) EXPECT_NE(mails[0].body.find(f.string()), std::string::npos) << f;

  // The run: sch07's own form, nothing replaced; sch02 has no form; the
  // sender of the collected form is on record.
  const auto run = metodmon("run");
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 2) << run.out;
  EXPECT_EQ(run.out.find("заменён"), std::string::npos) << run.out;
  const auto seen = files_seen();
  EXPECT_NE(seen.find(inbox[0].filename().string() + "|accepted|school7@ensk-edu.example"), std::string::npos) << seen;
  EXPECT_EQ(seen.find("superseded"), std::string::npos) << seen;
  const auto method = test::openpyxl_eval(test::demo_results_file(m_dir),
                                          "ws = wb['Методика']\n"
                                          "print('\\n'.join(str(c.value) for row in ws.iter_rows() for c in row if c.value))");
  EXPECT_NE(method.find("от school7@ensk-edu.example"), std::string::npos) << method;
  for (const auto& r : recipients()) EXPECT_TRUE(ours(r)) << "a letter went to " << r;
  EXPECT_EQ(recipients().count("school2@ensk-edu.example"), 0u) << "school 2 is not told about a form it never sent";

  // The methodist takes the stranger's form in: one command.
  const auto stranger_file = *std::find_if(held.begin(), held.end(), [](const fs::path& p) {
    return p.filename().string().find("stranger@mail.example") != std::string::npos;
  });
  const auto listed = metodmon("accept");
  EXPECT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_NE(listed.out.find(stranger_file.string()), std::string::npos) << listed.out;
  const auto accepted = metodmon("accept " + test::shell_quote(stranger_file.string()));
  ASSERT_EQ(accepted.exit_code, 0) << accepted.out;
  EXPECT_FALSE(fs::exists(stranger_file));
  ASSERT_EQ(files_in(m_dir / "inbox").size(), 2u);
  EXPECT_EQ(metodmon("accept " + test::shell_quote(stranger_file.string())).exit_code, 1) << "taken in once";
  const auto rerun = metodmon("run");
  ASSERT_TRUE(rerun.exit_code == 0 || rerun.exit_code == 2) << rerun.out;
  const auto after = files_seen();
  EXPECT_NE(after.find("|accepted|stranger@mail.example (принята методистом)"), std::string::npos) << after;
  EXPECT_NE(after.find("|superseded|school7@ensk-edu.example"), std::string::npos) << after;
  for (const auto& r : recipients()) EXPECT_TRUE(ours(r)) << "a letter went to " << r;
}

// Point 2. Today a letter without a form from an unknown address, or a
// school's letter with a third party's Reply-To, got our «Re:» there.
TEST_F(MailTrustTest, OnlyRegisteredAddressesAreAnsweredAtTheirOwnAddress) {
  m_imap.append("INBOX", R"([
    {"from": "stranger@mail.example", "message_id": "<q1@stranger>", "subject": "Вопрос"},
    {"from": "Петрова А. В. <school1@ensk-edu.example>", "reply_to": "third-party@elsewhere.example",
     "message_id": "<q2@school1>", "subject": "Форма позже"},
    {"from": "victim@elsewhere.example", "reply_to": "school1@ensk-edu.example", "message_id": "<q3@victim>",
     "subject": "Форма", "attachments": [{"name": "winmail.dat", "hex": "789f3e22", "type": "application/ms-tnef"}]}
  ])");
  const auto collected = metodmon("collect");
  ASSERT_EQ(collected.exit_code, 0) << collected.out;
  const auto mails = m_smtp.wait_for(2);
  ASSERT_EQ(mails.size(), 2u) << collected.out;
  std::size_t replies = 0, notices = 0;
  for (const auto& m : mails) {
    if (m.rcpt_to == std::vector<std::string>{"school1@ensk-edu.example"}) {
      ++replies;
      EXPECT_EQ(m.subject, "Re: Форма позже");
      EXPECT_NE(m.eml.find("In-Reply-To: <q2@school1>"), std::string::npos);
    } else if (m.rcpt_to == std::vector<std::string>{k_methodist}) {
      ++notices;
      EXPECT_NE(m.body.find("stranger@mail.example"), std::string::npos) << m.body;
      EXPECT_NE(m.body.find("victim@elsewhere.example"), std::string::npos) << m.body;
      EXPECT_NE(m.body.find("ответ не отправлен"), std::string::npos) << m.body;
    }
  }
  EXPECT_EQ(replies, 1u);
  EXPECT_EQ(notices, 1u);
  for (const auto& r : recipients()) EXPECT_TRUE(ours(r)) << "a letter went to " << r;
  EXPECT_NE(collected.out.find("адреса stranger@mail.example нет в реестре школ"), std::string::npos) << collected.out;
  // Read again (the mark cleared), still nobody new is written to.
  m_imap.unflag("INBOX", "$MetodmonProcessed");
  ASSERT_EQ(metodmon("collect").exit_code, 0);
  for (const auto& r : recipients()) EXPECT_TRUE(ours(r)) << "a letter went to " << r;
  EXPECT_EQ(m_smtp.received().size(), 2u) << "the school is answered once, the methodist told once";
}

// Point 3. Today a 150-letter Cyrillic name failed with ENAMETOOLONG on its
// temporary name: collect exited 1 every day and the letter stayed unflagged.
TEST_F(MailTrustTest, AnAttachmentNameOfAnyLengthNeverStopsTheCollection) {
  std::string name;
  for (int i = 0; i < 150; ++i) name += "Ф";
  m_imap.append("INBOX", std::string("[") +
                             R"({"from": "school1@ensk-edu.example", "message_id": "<long@school1>",
                                 "attachments": [{"name": ")" + name + R"(.xlsx", "file": ")" +
                             demo_form("sch01_2026-11.xlsx").string() + R"("}]},)" +
                             form_letter("school5@ensk-edu.example", "<next@school5>", "Fri, 06 Nov 2026 09:00:00 +0300",
                                         demo_form("sch05_2026-11.xlsx")) + "]");
  const auto collected = metodmon("collect");
  EXPECT_EQ(collected.exit_code, 0) << collected.out;
  const auto inbox = files_in(m_dir / "inbox");
  ASSERT_EQ(inbox.size(), 2u) << collected.out;
  for (const auto& f : inbox) EXPECT_LE(f.filename().string().size(), 255u);
  for (const auto& e : m_imap.list("INBOX")) {
    EXPECT_NE(e.flags.find("$MetodmonProcessed"), std::string::npos) << e.message_id << " " << e.flags;
  }
  // And the form is the school's: the run accepts it.
  const auto run = metodmon("run");
  EXPECT_NE(files_seen().find("|accepted|school1@ensk-edu.example"), std::string::npos) << run.out;
}

// Point 4. Today a form inside thirty nested forwards was not found, and the
// school was answered «нет формы».
TEST_F(MailTrustTest, AFormInsideThirtyForwardsIsFoundAndNotAnsweredAsMissing) {
  std::string letter = form_letter("school1@ensk-edu.example", "<inner@school1>", "Thu, 05 Nov 2026 10:00:00 +0300",
                                   demo_form("sch01_2026-11.xlsx"));
  for (int i = 0; i < 30; ++i) {
    letter = R"({"from": "school1@ensk-edu.example", "message_id": "<fwd)" + std::to_string(i) +
             R"(@school1>", "subject": "Fwd: Форма", "forward": )" + letter + "}";
  }
  m_imap.append("INBOX", "[" + letter + "]");
  const auto collected = metodmon("collect");
  ASSERT_EQ(collected.exit_code, 0) << collected.out;
  const auto inbox = files_in(m_dir / "inbox");
  ASSERT_EQ(inbox.size(), 1u) << collected.out;
  EXPECT_EQ(test::read_file(inbox[0]), test::read_file(demo_form("sch01_2026-11.xlsx")));
  EXPECT_TRUE(m_smtp.received().empty()) << "no «нет формы» answer: " << m_smtp.received()[0].body;
}

// Point 6: what comes from a letter's From and Subject reaches the console
// with its control characters escaped, as a cell's text does.
TEST_F(MailTrustTest, ControlCharactersOfALetterAreEscapedOnTheConsole) {
  m_imap.append("INBOX", R"([{"from": "\"\u001b]0;pwned\u0007Школа\" <school1@ensk-edu.example>",
      "message_id": "<esc@school1>", "subject": "\u001b[2J\u001b[31mФорма\r готова"}])");
  const auto collected = metodmon("collect");
  ASSERT_EQ(collected.exit_code, 0) << collected.out;
  EXPECT_EQ(collected.out.find('\x1b'), std::string::npos) << collected.out;
  EXPECT_EQ(collected.out.find('\x07'), std::string::npos) << collected.out;
  EXPECT_NE(collected.out.find("\\x1B[31mФорма"), std::string::npos) << collected.out;
  EXPECT_NE(collected.out.find("\\x1B]0;pwned\\x07Школа <school1@ensk-edu.example>"), std::string::npos) << collected.out;
}

}  // namespace
