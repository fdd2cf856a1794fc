// The README's quick start, run as a newcomer types it: every command of the
// ```sh blocks of its sections «Быстрый старт» and «Подключить свой
// муниципалитет», in order, one bash session, an ordinary user with sudo, in
// a throw-away root (tests/package/readme_scenario.sh) with the package the
// fixture test package_build wrote. A line that should not exit 0 says so in
// its comment («# код 2: …»). So the README cannot drift from the program.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/key_values.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_sections = {"Быстрый старт", "Подключить свой муниципалитет"};

struct Line {
  std::string command;
  int expected = 0;
};

// The commands of the ```sh blocks under the `## <title>` headings named in
// `sections`, with "\"-continued lines joined; blank and comment lines skipped.
std::vector<Line> quick_start(const std::string& readme, const std::vector<std::string>& sections) {
  std::vector<Line> lines;
  std::istringstream in(readme);
  std::string line;
  bool in_section = false, in_block = false;
  std::string pending;
  static const std::regex code(R"(#\s*код\s+([0-9]+))");
  while (std::getline(in, line)) {
    if (!in_block && line.starts_with("## ")) {
      in_section = std::find(sections.begin(), sections.end(), line.substr(3)) != sections.end();
      continue;
    }
    if (!in_section) continue;
    // Fences may be indented (a block inside a numbered step).
    const auto indent = line.find_first_not_of(' ');
    const std::string fence = indent == std::string::npos ? std::string{} : line.substr(indent);
    if (fence.starts_with("```")) {
      in_block = !in_block && fence == "```sh";
      continue;
    }
    if (!in_block) continue;
    if (line.ends_with("\\")) {
      pending += line.substr(0, line.size() - 1);
      continue;
    }
    line = pending + line;
    pending.clear();
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] == '#') continue;
    Line l{line.substr(first)};
    if (std::smatch m; std::regex_search(l.command, m, code)) l.expected = std::stoi(m[1]);
    lines.push_back(l);
  }
  return lines;
}

fs::path deb_file() {
  auto arch = test::run_command("dpkg --print-architecture").out;
  while (!arch.empty() && arch.back() == '\n') arch.pop_back();
  return fs::path(METODMON_PACKAGE_DIR) / ("metodmon_" METODMON_VERSION "_" + arch + ".deb");
}

TEST(ReadmeTest, QuickStartSectionsHaveCommands) {
  const auto lines = quick_start(test::read_file(test::source_dir() / "README.md"), k_sections);
  ASSERT_GE(lines.size(), 8u) << "the README's sections " << k_sections[0] << " and " << k_sections[1];
  // It starts where a newcomer starts: installing this version's package.
  EXPECT_NE(lines.front().command.find("apt install ./" + deb_file().filename().string()), std::string::npos)
      << lines.front().command;
}

TEST(ReadmeTest, QuickStartRunsAsWritten) {
  const auto lines = quick_start(test::read_file(test::source_dir() / "README.md"), k_sections);
  ASSERT_FALSE(lines.empty());
  if (!fs::exists(deb_file())) FAIL() << "no package " << deb_file() << ": ctest builds it first (package_build)";
  test::TempDir work;
  fs::copy_file(deb_file(), work / deb_file().filename().string());
  // What the reader brings: their schools' registry (the README says to put it beside the package).
  fs::copy_file(test::source_dir() / "templates" / "demo_schools.csv", work / "schools.csv");
  std::string text;
  for (const auto& l : lines) text += l.command + "\n";
  const auto list = work.write("readme_lines.txt", text);
  const auto r = test::run_command(test::shell_quote((test::source_dir() / "tests/package/throwaway_root.sh").string()) +
                                   " " + test::shell_quote(work.path().string()) + " " +
                                   test::shell_quote((test::source_dir() / "tests/package/readme_scenario.sh").string()) +
                                   " " + test::shell_quote(list.string()));
  if (r.exit_code == 77) GTEST_SKIP() << r.out;
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::map<std::string, std::string> facts;
  for (const auto& [k, v] : test::key_values(r.out)) facts[k] = v;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto key = "line " + std::to_string(i + 1);
    ASSERT_TRUE(facts.contains(key)) << "the session stopped before: " << lines[i].command << "\n" << r.out;
    const auto log = test::read_file(work / ("line" + std::to_string(i + 1) + ".log"));
    int code = std::stoi(facts[key]);
    // No systemd runs in the throw-away root: `systemctl enable --now` does
    // its offline part (the timer is enabled, checked below) and fails to start it.
    if (lines[i].command.find("systemctl enable --now") != std::string::npos &&
        log.find("System has not been booted with systemd") != std::string::npos) {
      code = 0;
    }
    EXPECT_EQ(code, lines[i].expected) << "README line: " << lines[i].command << "\n" << log;
  }
  for (const auto& l : lines) {
    if (l.command.find("systemctl enable --now metodmon.timer") != std::string::npos) {
      EXPECT_EQ(facts["timers"], "enabled disabled ");
    }
    if (l.command.find("systemctl enable --now metodmon-daily.timer") != std::string::npos) {
      EXPECT_EQ(facts["timers"], "disabled enabled ");
    }
  }
}

}  // namespace
