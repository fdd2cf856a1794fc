#include "cli/help_format.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <memory>
#include <regex>

#include "definition/naming.h"
#include "util/text_wrap.h"

namespace cli {

namespace {

struct Pattern {
  std::regex english;
  const char *russian; // $1, $2: the groups of `english`
};

// CLI11 2.x messages (CLI/Error.hpp) and what they mean to a user.
const std::vector<Pattern> &patterns() {
  static const std::vector<Pattern> list = [] {
    std::vector<Pattern> p;
    const auto add = [&](const char *en, const char *ru) {
      p.push_back({std::regex(en), ru});
    };
    add("^A subcommand is required$",
        "не указана команда (все команды: metodmon)");
    add("^Requires at least ([0-9]+) subcommands.*$", "не указана команда");
    add("^The following argument was not expected: (.*)$",
        "лишний аргумент: $1");
    add("^The following arguments were not expected: (.*)$",
        "лишние аргументы: $1");
    add("^(.*) is required$", "не указан обязательный параметр $1");
    add("^The value (.*) is not an allowed value for (.*)$",
        "недопустимое значение «$1» у параметра $2");
    add("^Could not convert: (.*) = (.*)$",
        "значение «$2» у параметра $1 не распознано");
    add("^Expected exactly ([0-9]+) arguments? to (.*), got ([0-9]+)$",
        "у параметра $2 должно быть значение (ожидалось: $1, получено: $3)");
    add("^Expected at least ([0-9]+) arguments? to (.*), got ([0-9]+)$",
        "у параметра $2 должно быть значение (ожидалось не меньше $1, "
        "получено: $3)");
    add("^(.*): ([0-9]+) required (.*) missing$",
        "у параметра $1 не указано значение");
    add("^(.*): too many inputs for a flag$", "флаг $1 не принимает значения");
    add("^(.*): Should be true/false or a number$",
        "флаг $1: ожидалось true/false или число");
    add("^(.*) requires (.*)$", "параметр $1 нужно указывать вместе с $2");
    add("^(.*) excludes (.*)$", "параметры $1 и $2 нельзя указывать вместе");
    add("^(.*) not found$", "параметр $1 не найден");
    add("^(.*): (.*)$", "недопустимое значение параметра $1 ($2)");
    return p;
  }();
  return list;
}

constexpr const char *k_options_group = "Параметры";

// CLI11's formatter pads the option column with std::setw, which counts
// bytes: a Cyrillic placeholder («ФАЙЛ») would shift its description left.
// This one pads by characters.
class RussianFormatter final : public CLI::Formatter {
public:
  std::string make_option(const CLI::Option *opt,
                          bool is_positional) const override {
    const std::string name =
        "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const std::size_t width = get_column_width();
    const std::size_t chars = util::utf16_length(name);
    std::string out = name;
    if (!description.empty()) {
      out += chars < width ? std::string(width - chars, ' ')
                           : "\n" + std::string(width, ' ');
      out += description;
    }
    return out + "\n";
  }
};

// The subcommand the command line named, if any.
const CLI::App *named_command(const CLI::App *app) {
  if (app == nullptr)
    return nullptr;
  for (const CLI::App *sub : app->get_subcommands({})) {
    if (sub->parsed())
      return sub;
  }
  return nullptr;
}

// "--perod" -> "неизвестный параметр --perod; может быть, --period?": the
// nearest of the command's own options, when one is near enough.
std::string unknown_option(const CLI::App *command, std::string option) {
  if (const auto eq = option.find('='); eq != std::string::npos)
    option.erase(eq);
  std::vector<std::string> names;
  if (command != nullptr) {
    for (const CLI::Option *opt : command->get_options()) {
      if (opt->get_group().empty())
        continue; // hidden
      for (const auto &l : opt->get_lnames())
        names.push_back("--" + l);
      for (const auto &s : opt->get_snames())
        names.push_back("-" + s);
    }
  }
  const auto near = definition::closest_match(option, names);
  return "неизвестный параметр " + option +
         (near.empty() ? "" : "; может быть, " + near + "?");
}

std::string failure_message(const CLI::App *app, const CLI::Error &e) {
  const CLI::App *command = named_command(app);
  std::string help = "metodmon";
  if (command != nullptr)
    help += " " + command->get_name();
  std::string message = russian_parse_error(e);
  static const std::regex extras(
      "^The following arguments? (?:was|were) not expected: (.*)$");
  std::smatch m;
  const std::string what = e.what();
  if (std::regex_match(what, m, extras)) {
    // CLI11 lists the unexpected words last first (detail::rjoin).
    std::vector<std::string> words;
    const std::string list = m[1];
    for (std::size_t at = 0; at <= list.size();) {
      const auto end = std::min(list.find(' ', at), list.size());
      if (end > at)
        words.insert(words.begin(), list.substr(at, end - at));
      at = end + 1;
    }
    std::vector<std::string> options, others;
    bool after_option = false;
    for (const auto &word : words) {
      if (word.starts_with("-")) {
        options.push_back(word);
        after_option = true;
      } else {
        // The value of a mistyped option ("--perod 2026-11") is no argument of its own.
        if (!after_option)
          others.push_back(word);
        after_option = false;
      }
    }
    message.clear();
    for (const auto &o : options)
      message += (message.empty() ? "" : "; ") + unknown_option(command, o);
    if (!others.empty()) {
      message += std::string(message.empty() ? "" : "; ") +
                 (others.size() == 1 ? "лишний аргумент: " : "лишние аргументы: ") +
                 definition::join_list(others);
    }
  }
  return "ошибка в командной строке: " + message + "\nСправка: " + help +
         " --help\n";
}

} // namespace

CLI::Validator number_between(int low, int high) {
  return CLI::Validator(
      [low, high](std::string &value) -> std::string {
        int n = 0;
        const auto *end = value.data() + value.size();
        const auto [p, ec] = std::from_chars(value.data(), end, n);
        if (ec == std::errc{} && p == end && n >= low && n <= high)
          return {};
        return "ожидалось целое число от " + std::to_string(low) + " до " +
               std::to_string(high) + ", указано «" + value + "»";
      },
      "", "");
}

std::string russian_parse_error(const CLI::Error &error) {
  const std::string what = error.what();
  for (const auto &p : patterns()) {
    if (std::regex_match(what, p.english))
      return std::regex_replace(what, p.english, p.russian);
  }
  return "неверные аргументы (" + what + ")";
}

void russify(CLI::App &app) {
  auto formatter = std::make_shared<RussianFormatter>();
  app.formatter(formatter);
  formatter->label("Usage", "Использование");
  formatter->label("OPTIONS", "ПАРАМЕТРЫ");
  formatter->label("SUBCOMMAND", "КОМАНДА");
  formatter->label("SUBCOMMANDS", "КОМАНДЫ");
  formatter->label("REQUIRED", "обязательно");
  formatter->label("Positionals", "Аргументы");
  formatter->label("Env", "переменная окружения");
  formatter->label("Needs", "нужен");
  formatter->label("Excludes", "несовместим с");
  formatter->label("TEXT", "ТЕКСТ");
  formatter->label("INT", "ЧИСЛО");
  formatter->label("UINT", "ЧИСЛО");
  formatter->label("FLOAT", "ЧИСЛО");
  formatter->column_width(34);
  app.option_defaults()->group(k_options_group);
  app.set_help_flag("-h,--help", "показать эту справку и выйти");
  app.group("Команды");
  app.failure_message(failure_message);
  // A subcommand makes its --help flag before it copies the parent's option
  // defaults, so that flag lands in CLI11's own group «Options». Parsing
  // starts after every subcommand has been added: move them there.
  app.preparse_callback([&app](std::size_t) {
    for (CLI::App *sub : app.get_subcommands({})) {
      if (CLI::Option *help = sub->get_help_ptr())
        help->group(k_options_group);
    }
  });
}

} // namespace cli
