// The one table of metodmon's commands: the group `metodmon` lists it under,
// its one-line summary and the examples its --help ends with. A new command
// adds its row here and its options where app.cpp builds it; the list
// `metodmon` prints, each command's help and the suggestion for a mistyped
// command all come from this table.
//
//   for (const auto& c : cli::command_table()) std::puts(c.name);
//   cli::closest_command("rnu");   // "run"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cli {

struct CommandInfo {
  const char* name;                   // "run"
  const char* group;                  // one of command_groups()
  const char* summary;                // one line, lower case, no final dot
  std::vector<const char*> examples;  // two or three command lines, "metodmon run -c …"
};

// In the order `metodmon` lists them.
const std::vector<CommandInfo>& command_table();

// The groups, in order: «Ежемесячный запуск», «Календарь мониторингов», «Почта», «Формы»,
// «Методика», «Установка».
const std::vector<std::string>& command_groups();

const CommandInfo* find_command(std::string_view name);

// The command nearest to `typo` when it is likely a typo; empty otherwise.
std::string closest_command(std::string_view typo);

// "Примеры:\n  metodmon run -c …\n  …\n" for a command's help.
std::string examples_text(const CommandInfo& command);

// Every command by group, one line each, as `metodmon` alone prints it.
std::string command_list_text();

}  // namespace cli
