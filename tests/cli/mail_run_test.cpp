// `metodmon run` with mail against a real SMTP server (aiosmtpd on loopback):
// directors get their own workbook, the methodist the full one, schools with
// rejected forms their errors; a server that is down leaves the letters in the
// outbox and `metodmon send` delivers them later.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

int run(const std::string& args, std::string* out = nullptr) {
  const std::string cmd = std::string(METODMON_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::string text;
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  const int status = ::pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path write_config(const test::TempDir& dir, int port, bool errors_to_schools = true) {
  const auto root = test::source_dir();
  std::ofstream out(dir / "metodmon.toml");
  out << "[monitoring]\n"
      << "definition = \"" << (root / "templates/demo.toml").string() << "\"\n"
      << "schools = \"" << (root / "templates/demo_schools.csv").string() << "\"\n"
      << "period = \"2026-11\"\n"
      << "[paths]\ninbox = \"" << (root / "sample_workbooks" / "demo").string() << "\"\n"
      << "output = \"out\"\nstate = \"state\"\n"
      << "[inbox]\nsettle_seconds = 0\n"
      << "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " << port << "\nsecurity = \"none\"\n"
      << "from = \"imc@ensk-edu.example\"\nfrom_name = \"МКУ ИМЦ Энского округа\"\n"
      << "methodist = \"metodist@ensk-edu.example\"\nretries = 2\nbackoff_ms = 10\n"
      << "send_errors_to_schools = " << (errors_to_schools ? "true" : "false") << "\n";
  return dir / "metodmon.toml";
}

std::map<std::string, std::string> school_by_email() {
  std::map<std::string, std::string> out;
  std::ifstream in(test::source_dir() / "templates/demo_schools.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto id = line.substr(0, line.find(';'));
    out[line.substr(line.rfind(';') + 1)] = id;
  }
  return out;
}

}  // namespace

TEST(MailRunTest, DirectorsMethodistAndRejectedSchoolsGetTheirLetters) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  ASSERT_GT(server.port(), 0);
  const auto config = write_config(dir, server.port());
  std::string out;
  EXPECT_EQ(run("run -q --config " + config.string(), &out), 2) << out;  // forms rejected, mail fine
  const auto mails = server.wait_for(17);
  ASSERT_EQ(mails.size(), 17u);  // 12 directors + methodist + 4 rejected forms
  const auto emails = school_by_email();
  int directors = 0, rejected = 0, methodist = 0;
  for (const auto& m : mails) {
    EXPECT_TRUE(m.defects.empty()) << m.defects;
    ASSERT_EQ(m.rcpt_to.size(), 1u);
    const auto& to = m.rcpt_to[0];
    if (to == "metodist@ensk-edu.example") {
      ++methodist;
      EXPECT_NE(m.subject.find("принято форм: 12, отклонено: 4"), std::string::npos) << m.subject;
      EXPECT_NE(m.body.find("sch09_2026-11.xlsx"), std::string::npos);
      ASSERT_EQ(m.attachments.size(), 1u);
      EXPECT_EQ(m.attachments[0].second,
                test::read_file(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx"));
      continue;
    }
    ASSERT_TRUE(emails.contains(to)) << to;
    const auto school = emails.at(to);
    if (m.subject.find("не принята") != std::string::npos) {
      ++rejected;
      EXPECT_TRUE(m.attachments.empty());
      EXPECT_NE(m.body.find("ячейка C"), std::string::npos) << m.body;
      continue;
    }
    ++directors;
    EXPECT_NE(m.subject.find("Итоги мониторинга за ноябрь 2026"), std::string::npos) << m.subject;
    ASSERT_EQ(m.attachments.size(), 1u);
    // The attachment is this school's own workbook, byte for byte.
    EXPECT_EQ(m.attachments[0].first, school + "_2026-11.xlsx");
    EXPECT_EQ(m.attachments[0].second, test::read_file(dir / "out/2026-11/directors" / (school + "_2026-11.xlsx")));
  }
  EXPECT_EQ(directors, 12);
  EXPECT_EQ(rejected, 4);
  EXPECT_EQ(methodist, 1);
}

TEST(MailRunTest, ServerDownMeansExit3AndSendDeliversLater) {
  test::TempDir dir;
  const int port = test::free_port();
  const auto config = write_config(dir, port, false);
  std::string out;
  EXPECT_EQ(run("run -q --config " + config.string(), &out), 3) << out;
  // The report is written even though mail failed.
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx"));
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_NE(journal.find("failed"), std::string::npos);

  test::SmtpSinkOptions options;
  options.port = port;
  test::SmtpServer server(dir / "received", options);
  ASSERT_EQ(server.port(), port);
  EXPECT_EQ(run("send -q --config " + config.string(), &out), 0) << out;
  EXPECT_EQ(server.wait_for(13).size(), 13u);  // 12 directors + methodist
  // Nothing left to send: a second `send` sends nothing again.
  EXPECT_EQ(run("send -q --config " + config.string(), &out), 0) << out;
  EXPECT_EQ(server.received().size(), 13u);
}

TEST(MailRunTest, DryRunWritesEmlFilesAndSendsNothing) {
  test::TempDir dir;
  test::SmtpServer server(dir / "received");
  const auto config = write_config(dir, server.port());
  std::string out;
  EXPECT_EQ(run("run -q --dry-run --config " + config.string(), &out), 2) << out;
  int eml = 0;
  for (const auto& e : fs::directory_iterator(dir / "state/outbox/2026-11")) eml += e.path().extension() == ".eml";
  EXPECT_EQ(eml, 17);
  ::usleep(300'000);
  EXPECT_TRUE(server.received().empty());
}
