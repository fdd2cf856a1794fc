// One mailbox for every monitoring: `metodmon daily` with [collect] fetches
// the schools' answers from a real Dovecot on loopback first, and each form
// lands in the inbox of the monitoring it belongs to (its _meta says which),
// where the same day's run reads it.
#include <gtest/gtest.h>

#include <cstdlib>

#include "support/imap_server.h"
#include "support/krymsk_calendar.h"
#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) out.push_back(e.path().filename().string());
  }
  return out;
}

std::string letter(const std::string& from, const std::string& id, const fs::path& form) {
  return R"({"from": ")" + from + R"(", "message_id": ")" + id + R"(", "subject": "Форма",
             "attachments": [{"name": ")" + form.filename().string() + R"(", "file": ")" + form.string() +
         R"("}]})";
}

}  // namespace

TEST(DailyCollectTest, FormsFromOneMailboxGoToTheirMonitoringsInboxes) {
  test::TempDir dir;
  test::ImapServer imap(dir / "imap");
  ASSERT_TRUE(imap.running()) << imap.log();
  setenv("METODMON_TEST_IMAP_PASSWORD", imap.password().c_str(), 1);
  const std::string collect = "\n[collect]\nenabled = true\nurl = \"imaps://127.0.0.1:" +
                              std::to_string(imap.imaps_port()) + "/INBOX\"\nusername = \"" + imap.user() +
                              "\"\npassword_env = \"METODMON_TEST_IMAP_PASSWORD\"\nca_file = \"" +
                              imap.cert().string() + "\"\n";
  const auto config = test::write_krymsk_calendar(dir, std::string(test::k_krymsk_dry_run_mail) + collect);
  const auto quoted = test::shell_quote(config.string());
  // The forms as the schools got them (m8 in August, m1 in September).
  ASSERT_EQ(test::metodmon("open -q -c " + quoted + " -m m8 --today 2026-08-01").exit_code, 0);
  ASSERT_EQ(test::metodmon("open -q -c " + quoted + " -m m1 --today 2026-09-01").exit_code, 0);
  const auto m8_form = dir / "out" / "m8" / "2025-2026" / "forms" / "kr02_2025-2026.xlsx";
  const auto m1_form = dir / "out" / "m1" / "2026-2027" / "forms" / "kr01_2026-2027.xlsx";
  ASSERT_TRUE(fs::exists(m8_form) && fs::exists(m1_form));
  imap.append("INBOX", "[" + letter("school1@krymsk-edu.example", "<m1@kr01>", m1_form) + ", " +
                           letter("gymn2@krymsk-edu.example", "<m8@kr02>", m8_form) + "]");

  const auto r = test::metodmon("daily -c " + quoted + " --today 2026-09-02");
  EXPECT_NE(r.out.find("новых писем 2"), std::string::npos) << r.out;
  const auto m1 = files_in(dir / "inbox" / "m1");
  const auto m8 = files_in(dir / "inbox" / "m8");
  ASSERT_EQ(m1.size(), 1u) << r.out;
  ASSERT_EQ(m8.size(), 1u) << r.out;
  EXPECT_NE(m1[0].find("kr01"), std::string::npos) << m1[0];
  EXPECT_NE(m8[0].find("kr02"), std::string::npos) << m8[0];
  EXPECT_EQ(test::read_file(dir / "inbox" / "m1" / m1[0]), test::read_file(m1_form));
  EXPECT_TRUE(files_in(dir / "inbox").empty()) << "nothing left in the common inbox";

  // The day's status already counts what was collected (a blank form: rejected).
  const auto status = test::metodmon("status -c " + quoted + " -m m1 --today 2026-09-02");
  EXPECT_NE(status.out.find(m1[0]), std::string::npos) << status.out;
  // Where it came from is kept with it (issue 25): the school's own address.
  EXPECT_NE(status.out.find(m1[0] + " (от school1@krymsk-edu.example)"), std::string::npos) << status.out;
  // Collected once: a second run finds nothing new.
  const auto again = test::metodmon("daily -c " + quoted + " --today 2026-09-02");
  EXPECT_NE(again.out.find("новых писем 0"), std::string::npos) << again.out;
  EXPECT_EQ(files_in(dir / "inbox" / "m1").size(), 1u);
}
