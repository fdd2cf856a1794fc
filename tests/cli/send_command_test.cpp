// `metodmon send`: without --period it delivers what waits in every period
// and says per period what it did; --state moves the outbox with it.
#include <gtest/gtest.h>

#include "support/mail_run.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

TEST(SendCommandTest, WithoutPeriodDeliversEveryPeriodThatHasLettersWaiting) {
  test::TempDir dir;
  const int port = test::free_port();
  test::MailRunOptions options;
  options.errors_to_schools = false;
  const auto config = test::write_mail_run_config(dir, port, options);
  EXPECT_EQ(test::metodmon("run -q --config " + config.string()).exit_code, 3);  // server down
  // October's letters wait too (the same letters, filed under 2026-10).
  fs::copy(dir / "state/outbox/2026-11", dir / "state/outbox/2026-10");

  test::SmtpSinkOptions sink;
  sink.port = port;
  test::SmtpServer server(dir / "received", sink);
  ASSERT_EQ(server.port(), port);
  // The configuration names 2026-11, but `send` without --period sends everything waiting.
  const auto r = test::metodmon("send --config " + config.string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(server.wait_for(26).size(), 26u) << r.out;  // 13 letters in each period
  EXPECT_NE(r.out.find("октябрь 2026 (2026-10): отправлено 13"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ноябрь 2026 (2026-11): отправлено 13"), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("2026-10"), r.out.find("2026-11")) << r.out;

  // With --period, only that period; here nothing is left anywhere.
  const auto again = test::metodmon("send --period 2026-11 --config " + config.string());
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("ноябрь 2026 (2026-11): неотправленных писем нет"), std::string::npos) << again.out;
}

TEST(SendCommandTest, DryRunOutboxFollowsTheStateOption) {
  test::TempDir dir;
  const auto config = test::write_mail_run_config(dir, test::free_port());
  const auto other_state = dir / "other-state";
  const auto r = test::metodmon("run -q --dry-run --state " + other_state.string() + " --config " +
                                    config.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(test::count_eml_files(other_state / "outbox/2026-11"), 17);
  EXPECT_FALSE(fs::exists(dir / "state")) << "the configured state folder was used despite --state";
}
