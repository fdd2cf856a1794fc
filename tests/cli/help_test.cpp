// What the terminal shows of the command line itself: the help and the
// messages for bad arguments, in Russian (CLI11's own texts are English).
#include <gtest/gtest.h>

#include <string>

#include "support/openpyxl_check.h"

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
  EXPECT_NE(r.out.find("Команды:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("показать эту справку и выйти"), std::string::npos) << r.out;
  expect_no_english(r.out);
}

TEST(HelpTest, CommandHelpHasOneRussianGroupAlignedByCharacters) {
  const auto r = metodmon("check --help");
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
            "ошибка в командной строке: лишний аргумент: --no-such-flag\nСправка: metodmon --help\n");
  const auto none = metodmon("");
  EXPECT_EQ(none.exit_code, 64);
  EXPECT_NE(none.out.find("не указана команда"), std::string::npos) << none.out;
  const auto missing = metodmon("check");
  EXPECT_NE(missing.out.find("не указан обязательный параметр ФАЙЛЫ"), std::string::npos) << missing.out;
  const auto bad_number = metodmon("history --limit много");
  EXPECT_NE(bad_number.out.find("значение «много» у параметра --limit не распознано"), std::string::npos)
      << bad_number.out;
  for (const auto& r : {none, missing, bad_number}) expect_no_english(r.out);
}
