// What the terminal shows of the command line itself: the help and the
// messages for bad arguments, in Russian (CLI11's own texts are English).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

test::ProcessResult metodmon(const std::string& args) {
  return test::run_command(std::string(METODMON_BINARY) + " " + args + " 2>&1");
}

// CLI11's English words that must never reach a user.
void expect_no_english(const std::string& out) {
  for (const char* english : {"Usage", "Options", "OPTIONS", "Subcommand", "SUBCOMMAND", "Print this",
                              "Display program", "REQUIRED", "TEXT", "Positionals", "required",
                              "not expected", "Run with", "for more information"}) {
    EXPECT_EQ(out.find(english), std::string::npos) << english << " in:\n" << out;
  }
}

}  // namespace

TEST(HelpTest, MainHelpIsRussian) {
  const auto r = metodmon("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Использование:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ежемесячный запуск:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Справка по команде и примеры: metodmon КОМАНДА --help"), std::string::npos) << r.out;
  expect_no_english(r.out);
}

TEST(HelpTest, CommandHelpHasOneRussianGroupAlignedByCharacters) {
  const auto r = metodmon("run --help");
  EXPECT_EQ(r.exit_code, 0);
  expect_no_english(r.out);
  EXPECT_NE(r.out.find("Параметры:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Параметры:"), r.out.rfind("Параметры:")) << "one group only:\n" << r.out;
  // Descriptions start in one column even after a Cyrillic placeholder.
  const auto column = [&](const std::string& line_start, const std::string& description) {
    const auto line = r.out.find(line_start);
    const auto text = r.out.find(description, line);
    std::size_t chars = 0;
    for (auto i = line; i < text; ++i) chars += (static_cast<unsigned char>(r.out[i]) & 0xC0) != 0x80;
    return chars;
  };
  EXPECT_EQ(column("  -c,--config ФАЙЛ", "файл конфигурации"), column("  -q,--quiet", "без итоговой"));
}

TEST(HelpTest, BadArgumentsAreExplainedInRussian) {
  const auto extra = metodmon("run --no-such-flag");
  EXPECT_EQ(extra.exit_code, 64);
  EXPECT_EQ(extra.out,
            "ошибка в командной строке: неизвестный параметр --no-such-flag\nСправка: metodmon run --help\n");
  const auto positional = metodmon("run лишнее");
  EXPECT_EQ(positional.exit_code, 64);
  EXPECT_NE(positional.out.find("лишний аргумент: лишнее"), std::string::npos) << positional.out;
  const auto missing = metodmon("init /tmp/x --method demo");
  EXPECT_EQ(missing.exit_code, 64);
  EXPECT_NE(missing.out.find("не указан обязательный параметр --municipality"), std::string::npos) << missing.out;
  const auto bad_number = metodmon("history --limit много");
  EXPECT_NE(bad_number.out.find("ожидалось целое число от 1 до 100000, указано «много»"), std::string::npos)
      << bad_number.out;
  const auto out_of_range = metodmon("run --threads 300");
  EXPECT_EQ(out_of_range.exit_code, 64);
  EXPECT_NE(out_of_range.out.find("ожидалось целое число от 0 до 256, указано «300»"), std::string::npos)
      << out_of_range.out;
  for (const auto& r : {extra, positional, missing, bad_number, out_of_range}) expect_no_english(r.out);
}

namespace {

// The commands `metodmon` lists, by group, as the issue names the groups.
const std::vector<std::pair<std::string, std::vector<std::string>>> k_groups = {
    {"Ежемесячный запуск", {"run", "history", "documents"}},
    {"Календарь мониторингов", {"daily", "plan", "open", "status"}},
    {"Почта", {"send", "collect", "accept"}},
    {"Формы", {"template", "check"}},
    {"Методика", {"method"}},
    {"Установка", {"init"}},
};

// Each command's own options, as its --help lists them (the first column).
const std::map<std::string, std::set<std::string>> k_options = {
    {"run", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "--definition", "--schools", "--inbox",
             "--output", "--state", "-v,--verbose", "-q,--quiet", "--dry-run", "--threads"}},
    {"history", {"-h,--help", "-c,--config", "-m,--monitoring", "--state", "--limit"}},
    {"documents", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "--output", "--state",
                   "-v,--verbose", "-q,--quiet"}},
    {"daily", {"-h,--help", "-c,--config", "-m,--monitoring", "-v,--verbose", "-q,--quiet"}},
    {"plan", {"-h,--help", "-c,--config", "-m,--monitoring", "--from", "--to"}},
    {"open", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "-v,--verbose", "-q,--quiet"}},
    {"status", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring"}},
    {"send", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "--state", "-v,--verbose", "-q,--quiet",
              "--include-dry-run"}},
    {"collect", {"-h,--help", "-c,--config", "-m,--monitoring", "--inbox", "--state", "-v,--verbose", "-q,--quiet"}},
    {"accept", {"-h,--help", "-c,--config", "--state", "ФАЙЛЫ"}},
    {"template", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "--definition", "--schools",
                  "--state", "-v,--verbose", "-q,--quiet", "--out", "--school"}},
    {"check", {"-h,--help", "-c,--config", "-p,--period", "-m,--monitoring", "--definition", "--schools", "--state",
               "-v,--verbose", "ФАЙЛЫ"}},
    {"init", {"-h,--help", "ПАПКА", "--municipality", "--method", "--data", "--force"}},
    {"method", {"-h,--help", "ДЕЙСТВИЕ", "МЕТОДИКА", "--out", "--force"}},
};

struct CommandHelp {
  std::set<std::string> options;      // first column of the option lines
  std::vector<std::string> examples;  // the lines after «Примеры:»
  std::string text;
};

CommandHelp command_help(const std::string& command) {
  CommandHelp h;
  const auto r = metodmon(command + " --help");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  h.text = r.out;
  bool examples = false;
  for (const auto& line : test::split_lines(r.out)) {
    if (line == "Примеры:") {
      examples = true;
    } else if (examples && line.starts_with("  ")) {
      h.examples.push_back(line.substr(2));
    } else if (!examples && line.starts_with("  ") && line.size() > 2 && line[2] != ' ') {
      h.options.insert(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return h;
}

// Words of a command line, with "…" kept together.
std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ' ' && !quoted) {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

}  // namespace

TEST(HelpTest, MetodmonAloneListsEveryCommandByGroup) {
  const auto r = metodmon("");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(metodmon("--help").out, r.out);
  expect_no_english(r.out);
  // "<group>:" then "  <command>   <one line>" per command, groups in order.
  std::string group;
  std::map<std::string, std::vector<std::string>> listed;
  std::vector<std::string> order;
  for (const auto& line : test::split_lines(r.out)) {
    if (!line.empty() && line.back() == ':' && !line.starts_with(" ")) {
      group = line.substr(0, line.size() - 1);
      order.push_back(group);
    } else if (line.starts_with("  ") && !group.empty()) {
      const auto name = line.substr(2, line.find(' ', 2) - 2);
      listed[group].push_back(name);
      EXPECT_GT(line.size(), 2 + name.size() + 10) << "a line of explanation: " << line;
    } else {
      group.clear();
    }
  }
  std::vector<std::string> expected_order;
  for (const auto& [g, commands] : k_groups) {
    expected_order.push_back(g);
    EXPECT_EQ(listed[g], commands) << g << "\n" << r.out;
  }
  // Other engineers' groups (Методика) may come in between; ours keep their order.
  std::vector<std::string> ours;
  for (const auto& g : order) {
    if (std::find(expected_order.begin(), expected_order.end(), g) != expected_order.end()) ours.push_back(g);
  }
  EXPECT_EQ(ours, expected_order) << r.out;
}

TEST(HelpTest, EachCommandListsOnlyItsOwnOptions) {
  for (const auto& [command, options] : k_options) {
    const auto help = command_help(command);
    EXPECT_EQ(help.options, options) << command << ":\n" << help.text;
    expect_no_english(help.text);
    // Russian type names, not CLI11's («INT:INT in [0 - 256]»).
    for (const char* english : {"INT", "TEXT", "FLOAT", " in [", "UINT"}) {
      EXPECT_EQ(help.text.find(english), std::string::npos) << command << ": " << english << "\n" << help.text;
    }
  }
  EXPECT_NE(command_help("run").text.find("--threads ЧИСЛО"), std::string::npos);
  // One spelling per option: the forms' folder is --out, and template has no --output.
  EXPECT_FALSE(command_help("template").options.contains("--output"));
}

// Two or three examples after each command's options; each is that command
// with options the command has.
TEST(HelpTest, EachCommandHasTwoOrThreeExamplesOfItsOwn) {
  for (const auto& [command, options] : k_options) {
    const auto help = command_help(command);
    EXPECT_GE(help.examples.size(), 2u) << command << ":\n" << help.text;
    EXPECT_LE(help.examples.size(), 3u) << command << ":\n" << help.text;
    std::set<std::string> names;
    for (const auto& spec : options) {
      std::size_t at = 0;
      while (at <= spec.size()) {
        const auto end = std::min(spec.find(',', at), spec.size());
        names.insert(spec.substr(at, end - at));
        at = end + 1;
      }
    }
    for (const auto& example : help.examples) {
      auto w = words(example);
      if (!w.empty() && w[0] == "sudo") w.erase(w.begin());
      ASSERT_GE(w.size(), 2u) << example;
      EXPECT_EQ(w[0], "metodmon") << example;
      EXPECT_EQ(w[1], command) << example;
      for (const auto& word : w) {
        if (word.starts_with("-")) {
          EXPECT_TRUE(names.contains(word)) << command << ": " << word << " in " << example;
        }
      }
    }
  }
}

TEST(HelpTest, MistypedCommandOrOptionSuggestsTheNearest) {
  const auto command = metodmon("rnu -c metodmon.toml");
  EXPECT_EQ(command.exit_code, 64);
  EXPECT_EQ(command.out,
            "ошибка в командной строке: неизвестная команда «rnu»; может быть, run?\nВсе команды: metodmon\n");
  const auto option = metodmon("run --perod 2026-11");
  EXPECT_EQ(option.exit_code, 64);
  EXPECT_EQ(option.out, "ошибка в командной строке: неизвестный параметр --perod; может быть, --period?\n"
                        "Справка: metodmon run --help\n");
  // Only the command's own options are offered: template has --out, not --output.
  const auto other = metodmon("template --outpt x");
  EXPECT_NE(other.out.find("может быть, --out?"), std::string::npos) << other.out;
  const auto far = metodmon("xyzzy");
  EXPECT_EQ(far.out, "ошибка в командной строке: неизвестная команда «xyzzy»\nВсе команды: metodmon\n");
}

// The man page metodmon(1) names every command and every option its help lists.
TEST(HelpTest, ManPageNamesEveryCommandAndOption) {
  auto page = test::read_file(test::source_dir() / "scripts" / "package" / "man" / "metodmon.1");
  for (std::size_t at = 0; (at = page.find("\\-", at)) != std::string::npos;) page.replace(at, 2, "-");
  for (const auto& [command, options] : k_options) {
    // The command's entry in КОМАНДЫ: its tag, maybe with its arguments.
    const auto commands = page.find(".SH КОМАНДЫ");
    ASSERT_NE(commands, std::string::npos);
    const auto section = std::min(page.find(".B " + command + "\n", commands), page.find(".B " + command + " ", commands));
    ASSERT_NE(section, std::string::npos) << command << " is not in metodmon.1";
    const auto end = page.find("\n.TP\n.B ", section + 1);
    const auto text = page.substr(section, end == std::string::npos ? std::string::npos : end - section);
    for (const auto& spec : options) {
      if (spec == "-h,--help" || !spec.starts_with("-")) continue;
      const auto long_name = spec.substr(spec.rfind(',') == std::string::npos ? 0 : spec.rfind(',') + 1);
      EXPECT_NE(text.find(long_name), std::string::npos) << command << " " << long_name << " in metodmon.1:\n" << text;
    }
  }
}
