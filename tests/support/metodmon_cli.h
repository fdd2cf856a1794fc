// Driving the built metodmon binary from end-to-end tests (tests/cli/): a
// configuration for the demo method written into a test's folder, and the
// binary run with it, output collected.
//
//   test::TempDir dir;
//   test::DemoConfig c;
//   c.inbox = dir / "inbox";
//   const auto config = test::write_demo_config(dir, c);
//   const auto r = test::metodmon("run -q --config " + test::shell_quote(config.string()));
//   EXPECT_EQ(r.exit_code, 2) << r.out;
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace test {

// The demo method (templates/demo.toml, demo_schools.csv), period 2026-11,
// settle_seconds 0, output <dir>/out, state <dir>/state.
struct DemoConfig {
  std::filesystem::path inbox;  // default: sample_workbooks/demo
  std::string period = "2026-11";
  std::string extra;  // appended as is: more TOML sections ("[mail]\n...")
  std::filesystem::path schools = {};  // default: templates/demo_schools.csv
};
std::filesystem::path write_demo_config(const TempDir& dir, const DemoConfig& config = {});

// A [mail] section for DemoConfig::extra: letters only written to
// <state>/outbox as .eml (dry run), to the directors, the methodist
// metodist@ensk-edu.example and the schools whose forms are rejected.
inline constexpr const char* k_dry_run_mail = R"([mail]
enabled = true
dry_run = true
from = "imc@ensk-edu.example"
methodist = "metodist@ensk-edu.example"
send_errors_to_schools = true
)";

// The binary the tests run: the build's, or another one named by the
// environment variable METODMON_TEST_BINARY (to run a test against an older
// build and see what it fails).
const char* metodmon_binary();

// Runs "<env> metodmon <args>" through the shell; stdout and stderr merged.
// `env` is a list of assignments ("SOURCE_DATE_EPOCH=1 TZ=UTC"), may be empty.
ProcessResult metodmon(std::string_view args, std::string_view env = {});

// Starts `metodmon <args>` without waiting (output discarded), for tests that
// stop a run on purpose; wait_exit() then gives its exit code, or minus the
// signal that ended it.
pid_t spawn_metodmon(const std::vector<std::string>& args);
int wait_exit(pid_t pid);

// The demo configuration's results workbook of a period.
std::filesystem::path demo_results_file(const TempDir& dir, std::string_view period = "2026-11");

// Copies the demo sample forms into `inbox` (created), keeping their mtimes.
void copy_demo_forms(const std::filesystem::path& inbox);

// A letter the run wrote to its outbox (a dry run: .eml files), read back by
// Python's email package: decoded headers and plain-text body.
struct OutboxLetter {
  std::string file;     // the .eml file name
  std::string to;       // the To header, decoded
  std::string subject;  // decoded
  int attachments = 0;
  std::string body;     // the text/plain part, decoded
};
// Every .eml under `outbox` (recursively), sorted by path.
std::vector<OutboxLetter> outbox_letters(const std::filesystem::path& outbox);

}  // namespace test
