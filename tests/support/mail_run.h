// End-to-end mail tests: a metodmon.toml for the demo method and its samples
// that mails through a loopback SMTP server, and what the server received,
// counted per recipient.
//
//   test::TempDir dir;
//   test::SmtpServer server(dir / "received");
//   const auto config = test::write_mail_run_config(dir, server.port());
//   const auto r = test::run_metodmon("run -q --config " + config.string());
//   EXPECT_EQ(test::count_by_recipient(server.received())["metodist@ensk-edu.example"], 1);
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/openpyxl_check.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace test {

struct MailRunOptions {
  bool errors_to_schools = true;
  std::filesystem::path inbox;    // empty: sample_workbooks/demo
  std::filesystem::path schools;  // empty: templates/demo_schools.csv
  int retries = 2;                // [mail] retries (backoff 10 ms)
  std::string mail_lines;         // more lines for [mail], e.g. "letter_timeout_ms = 500\n"
};

// Writes dir/metodmon.toml (output dir/out, state dir/state, period 2026-11,
// settle 0, mail to 127.0.0.1:port without TLS, methodist
// metodist@ensk-edu.example) and returns its path.
std::filesystem::path write_mail_run_config(const TempDir& dir, int port, const MailRunOptions& options = {});

// Runs the metodmon binary with `args` (shell words), output merged;
// `env` ("NAME=value NAME2=value") is set for it.
ProcessResult run_metodmon(const std::string& args, const std::string& env = {});

// The demo registry's e-mail -> school id.
std::map<std::string, std::string> demo_school_by_email();

// How many messages each envelope recipient got.
std::map<std::string, int> count_by_recipient(const std::vector<ReceivedMail>& mails);

// Every .eml file in a period folder of the outbox.
int count_eml_files(const std::filesystem::path& period_dir);

}  // namespace test
