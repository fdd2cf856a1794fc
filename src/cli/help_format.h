// CLI11 speaks English («Usage:», «Print this help message and exit», «The
// following argument was not expected»); a methodist or an administrator
// reads Russian. russify() makes everything CLI11 prints for `app` and the
// subcommands added to it afterwards Russian: the help's labels and group
// titles, the --help flag's text and the messages for bad arguments.
//
//   CLI::App app{"metodmon — …"};
//   cli::russify(app);                       // before add_subcommand()
//   auto* run = app.add_subcommand("run", "…");
#pragma once

#include <string>

namespace CLI {
class App;
class Error;
class Validator;
} // namespace CLI

namespace cli {

// Call right after constructing `app`, before adding options or subcommands
// (they inherit the group names, the help flag and the failure message).
void russify(CLI::App &app);

// A whole number from `low` to `high`: the help shows only the option's
// type name (ЧИСЛО, not CLI11's «INT:INT in [0 - 256]»), a bad value is
// said in Russian («ожидалось целое число от 0 до 256, указано «300»»).
CLI::Validator number_between(int low, int high);

// The Russian message for a parse error CLI11 raised (its own text is
// English): "лишний аргумент: --foo". Unknown messages are passed on with a
// Russian lead, never dropped.
std::string russian_parse_error(const CLI::Error &error);

} // namespace cli
