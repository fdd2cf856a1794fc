// End-to-end mail tests: the demo configuration (metodmon_cli.h) with a
// [mail] section that mails through a loopback SMTP server, and what the
// server received, counted.
//
//   test::TempDir dir;
//   test::SmtpServer server(dir / "received");
//   const auto config = test::write_mail_run_config(dir, server.port());
//   const auto r = test::metodmon("run -q --config " + config.string());
//   EXPECT_EQ(test::count_by_recipient(server.received())["metodist@ensk-edu.example"], 1);
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/metodmon_cli.h"
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

// write_demo_config() with [mail]: 127.0.0.1:port without TLS, from
// imc@ensk-edu.example, methodist metodist@ensk-edu.example. Returns its path.
std::filesystem::path write_mail_run_config(const TempDir& dir, int port, const MailRunOptions& options = {});

// The demo registry's e-mail -> school id.
std::map<std::string, std::string> demo_school_by_email();

// How many messages each envelope recipient got.
std::map<std::string, int> count_by_recipient(const std::vector<ReceivedMail>& mails);

// The .eml files in a period folder of the outbox.
int count_eml_files(const std::filesystem::path& period_dir);

}  // namespace test
