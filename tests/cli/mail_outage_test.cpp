// Bad days for mail, end to end against real loopback SMTP servers: a mailer
// that cannot start, a server that is down, stalls or drops the connection,
// a rerun during an outage, a run stopped by SIGTERM while it sends. Letters
// then wait in the outbox, the exit code says so, and `metodmon send`
// delivers each letter once, with the newest figures.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "support/mail_run.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr const char* k_methodist = "metodist@ensk-edu.example";

// Fast timeouts: a stalled server costs a fraction of a second per attempt.
constexpr const char* k_fast_timeouts =
    "connect_timeout_ms = 500\ncommand_timeout_ms = 1000\nletter_timeout_ms = 1500\n";

int count_status(const std::string& journal, const std::string& status) {
  int n = 0;
  for (const auto& line : test::split_lines(journal)) n += line.find("\t" + status + "\t") != std::string::npos;
  return n;
}

// How many times each letter (recipient and subject) arrived.
std::map<std::string, int> count_letters(const std::vector<test::ReceivedMail>& mails) {
  std::map<std::string, int> out;
  for (const auto& m : mails) ++out[m.rcpt_to.at(0) + " " + m.subject];
  return out;
}

// All 17 letters of the demo run (12 directors, the methodist, 4 schools
// with rejected forms), each exactly once.
void expect_each_letter_once(const std::vector<test::ReceivedMail>& mails) {
  EXPECT_EQ(mails.size(), 17u);
  const auto letters = count_letters(mails);
  EXPECT_EQ(letters.size(), 17u);
  for (const auto& [letter, n] : letters) EXPECT_EQ(n, 1) << letter;
}

// The server is well again on `port`: `send` delivers every letter once,
// and a second `send` nothing more. Returns what the server received.
std::vector<test::ReceivedMail> send_when_the_server_is_back(const test::TempDir& dir, int port,
                                                             const fs::path& config) {
  test::SmtpSinkOptions good;
  good.port = port;
  test::SmtpServer later(dir / "received", good);
  EXPECT_EQ(later.port(), port);
  const auto r = test::metodmon("send --config " + config.string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto mails = later.wait_for(17);
  expect_each_letter_once(mails);
  EXPECT_EQ(test::metodmon("send --config " + config.string()).exit_code, 0);
  EXPECT_EQ(later.wait_for(18, 300ms).size(), 17u);
  return mails;
}

}  // namespace

TEST(MailOutageTest, MailerThatCannotStartLeavesLettersPendingAndSendDeliversThem) {
  test::TempDir dir;
  test::SmtpSinkOptions sink;
  sink.auth = "imc:s3cret";
  test::SmtpServer server(dir / "received", sink);
  ASSERT_GT(server.port(), 0);
  test::MailRunOptions options;
  options.mail_lines = "username = \"imc\"\npassword_env = \"METODMON_TEST_UNSET_SMTP_PASSWORD\"\n";
  const auto config = test::write_mail_run_config(dir, server.port(), options);
  const auto r = test::metodmon("run -q --config " + config.string());
  // Mail did not go: exit 3, the console and the log say so and why.
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("METODMON_TEST_UNSET_SMTP_PASSWORD"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("письма не отправлены"), std::string::npos) << r.out;
  EXPECT_NE(test::read_file(dir / "state/logs/metodmon.log").find("письма не отправлены (17)"), std::string::npos);
  // The letters wait to be sent; they are not a dry run.
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_EQ(count_status(journal, "pending"), 17) << journal;
  EXPECT_EQ(count_status(journal, "dry-run"), 0);
  EXPECT_TRUE(server.received().empty());

  // Once the password is there, `send` without flags delivers them all.
  const auto sent = test::metodmon("send --config " + config.string(),
                                       "METODMON_TEST_UNSET_SMTP_PASSWORD=s3cret");
  EXPECT_EQ(sent.exit_code, 0) << sent.out;
  expect_each_letter_once(server.wait_for(17));
}

TEST(MailOutageTest, PasswordFileReadableByOthersLeavesLettersPending) {
  test::TempDir dir;
  const auto password = dir.write("smtp.pass", "s3cret\n");
  ::chmod(password.c_str(), 0644);
  test::MailRunOptions options;
  options.mail_lines = "username = \"imc\"\npassword_file = \"" + password.string() + "\"\n";
  const auto config = test::write_mail_run_config(dir, test::free_port(), options);
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("chmod 600"), std::string::npos) << r.out;
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_EQ(count_status(journal, "pending"), 17) << journal;
}

TEST(MailOutageTest, RerunDuringOutageThenSendDeliversEachLetterOnceWithTheNewestFigures) {
  test::TempDir dir;
  const int port = test::free_port();
  const auto config = test::write_mail_run_config(dir, port);
  EXPECT_EQ(test::metodmon("run -q --config " + config.string()).exit_code, 3);
  const auto first_workbook = test::read_file(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx");
  // The rerun writes new workbooks (another run time): its letters replace the waiting ones.
  EXPECT_EQ(test::metodmon("run -q --config " + config.string(), "SOURCE_DATE_EPOCH=1796000000").exit_code, 3);
  const auto newest_workbook = test::read_file(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx");
  ASSERT_NE(first_workbook, newest_workbook);
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_EQ(count_status(journal, "superseded"), 17) << journal;

  for (const auto& m : send_when_the_server_is_back(dir, port, config)) {
    if (m.rcpt_to[0] == k_methodist) {
      EXPECT_EQ(m.attachments.at(0).second, newest_workbook);
    }
  }
}

TEST(MailOutageTest, ServerThatStallsAfterDataDoesNotHoldTheRun) {
  test::TempDir dir;
  test::SmtpSinkOptions stalling;
  stalling.stall_data_from = 0;
  test::SmtpServer server(dir / "stalled", stalling);
  ASSERT_GT(server.port(), 0);
  test::MailRunOptions options;
  options.retries = 0;
  options.mail_lines = std::string(k_fast_timeouts) + "stop_after_failed_letters = 2\n";
  const auto config = test::write_mail_run_config(dir, server.port(), options);
  const auto start = std::chrono::steady_clock::now();
  const auto r = test::metodmon("run -q --config " + config.string());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_TRUE(fs::exists(dir / "out/2026-11/Итоги_demo-ensk_2026-11.xlsx"));
  // Two letters were tried, then the server was left alone: two connections,
  // not 17, and two timeouts of about a second, not 17.
  EXPECT_EQ(server.connections(), 2) << r.out;
  EXPECT_LT(elapsed, 20s);
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_EQ(count_status(journal, "failed"), 2) << journal;
  EXPECT_EQ(count_status(journal, "pending"), 15) << journal;
  EXPECT_NE(journal.find("почтовый сервер не отвечал"), std::string::npos) << journal;
  server.stop();
  send_when_the_server_is_back(dir, server.port(), config);
}

TEST(MailOutageTest, ServerThatDropsTheConnectionLeavesLettersForSend) {
  test::TempDir dir;
  test::SmtpSinkOptions dropping;
  dropping.drop_data_from = 0;
  test::SmtpServer server(dir / "dropped", dropping);
  ASSERT_GT(server.port(), 0);
  test::MailRunOptions options;
  options.mail_lines = k_fast_timeouts;
  const auto config = test::write_mail_run_config(dir, server.port(), options);
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_TRUE(server.received().empty());
  EXPECT_EQ(server.connections(), 6);  // two letters, three attempts each, then the rest waits
  const auto journal = test::read_file(dir / "state/outbox/2026-11/journal.tsv");
  EXPECT_EQ(count_status(journal, "sent"), 0) << journal;
  server.stop();
  send_when_the_server_is_back(dir, server.port(), config);
}

TEST(MailOutageTest, SigtermWhileSendingDuplicatesAtMostTheLetterInFlight) {
  test::TempDir dir;
  // The server takes the first five letters, then receives the sixth and
  // never confirms it: the run is stopped while that letter is in flight.
  test::SmtpSinkOptions stalling;
  stalling.stall_data_from = 5;
  test::SmtpServer server(dir / "first", stalling);
  ASSERT_GT(server.port(), 0);
  const auto config = test::write_mail_run_config(dir, server.port());
  const pid_t pid = test::spawn_metodmon({"run", "-q", "--config", config.string()});
  ASSERT_EQ(server.wait_for(6, 20s).size(), 6u);
  std::this_thread::sleep_for(100ms);
  ::kill(pid, SIGTERM);
  EXPECT_EQ(test::wait_exit(pid), -SIGTERM);
  server.stop();

  // The next run, with the server well again.
  test::SmtpSinkOptions good;
  good.port = server.port();
  test::SmtpServer later(dir / "second", good);
  ASSERT_EQ(later.port(), server.port());
  const auto r = test::metodmon("run -q --config " + config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(test::metodmon("send --config " + config.string()).exit_code, 0);
  auto all = server.received();
  const auto second = later.wait_for(12);
  all.insert(all.end(), second.begin(), second.end());
  // 17 letters and exactly one of them twice: the sixth, which was in flight.
  ASSERT_EQ(all.size(), 18u);
  const auto letters = count_letters(all);
  EXPECT_EQ(letters.size(), 17u);
  EXPECT_EQ(letters.at(all[5].rcpt_to[0] + " " + all[5].subject), 2);
}
