// What a run prints on the terminal is Russian, one language a line: the
// warnings (spdlog) with a Russian level word, and with -v the information
// lines too.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

// The demo registry with sch01's e-mail address removed.
std::string registry_without_first_email() {
  std::string csv = test::read_file(test::source_dir() / "templates/demo_schools.csv");
  const auto line = csv.find("\nsch01;");
  const auto end = csv.find('\n', line + 1);
  const auto at = csv.rfind(';', end);
  csv.erase(at + 1, end - at - 1);
  return csv;
}

}  // namespace

TEST(ConsoleLanguageTest, WarningsAndInformationAreRussian) {
  test::TempDir dir;
  const auto root = test::source_dir();
  const auto schools = dir.write("schools.csv", registry_without_first_email());
  const auto config = dir.write(
      "metodmon.toml",
      "[monitoring]\ndefinition = \"" + (root / "templates/demo.toml").string() + "\"\n" +
          "schools = \"" + schools.string() + "\"\nperiod = \"2026-11\"\n" +
          "[paths]\ninbox = \"" + (root / "sample_workbooks/demo").string() + "\"\n" +
          "output = \"out\"\nstate = \"state\"\n[inbox]\nsettle_seconds = 0\n" +
          "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = 25\nsecurity = \"none\"\n" +
          "from = \"imc@ensk-edu.example\"\nmethodist = \"metodist@ensk-edu.example\"\n");
  const auto r = test::run_command(std::string(METODMON_BINARY) + " run -v --dry-run --config " +
                                   config.string() + " 2>&1");
  EXPECT_NE(r.out.find("предупреждение: у ОО «МБОУ СОШ № 1» (sch01) нет адреса электронной почты"),
            std::string::npos)
      << r.out;
  // Every line with letters has Cyrillic ones, and no line has an English
  // word (file names, ids, paths and the keys a location names, «[email]», aside).
  for (const auto& line : test::split_lines(r.out)) {
    std::string words = std::regex_replace(line, std::regex("[^ ]*[-/._][^ ]*|sch[0-9]+|\\[[A-Za-z_]+\\]"), "");
    EXPECT_FALSE(std::regex_search(words, std::regex("[A-Za-z]{3,}"))) << line;
  }
}
