#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string_view>

#include "cli/accept_command.h"
#include "cli/check_command.h"
#include "cli/command_table.h"
#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "cli/daily_command.h"
#include "cli/deployment_check.h"
#include "cli/documents_command.h"
#include "cli/help_format.h"
#include "cli/history_command.h"
#include "cli/init_command.h"
#include "cli/logging.h"
#include "cli/method_command.h"
#include "cli/open_command.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_collect.h"
#include "cli/plan_command.h"
#include "cli/run_command.h"
#include "cli/send_command.h"
#include "cli/status_command.h"
#include "cli/template_command.h"
#include "definition/definition_loader.h"
#include "definition/naming.h"
#include "model/periodicity_code.h"

namespace cli {

namespace {

// What the command line may override of the configuration.
struct CommonFlags {
  std::string config_file = "metodmon.toml";
  std::string period, definition, schools, inbox, output, state;
  std::string monitoring;  // one monitoring of a configuration that lists several
  int verbose = 0;
  bool quiet = false;
};

// The options a command takes of CommonFlags: each command names its own,
// so its help lists only what it uses.
enum Common : unsigned {
  k_config = 1u << 0,
  k_period = 1u << 1,
  k_definition = 1u << 2,
  k_schools = 1u << 3,
  k_inbox = 1u << 4,
  k_output = 1u << 5,
  k_state = 1u << 6,
  k_monitoring = 1u << 7,
  k_verbose = 1u << 8,
  k_quiet = 1u << 9,
};

void add_common(CLI::App* cmd, CommonFlags& f, unsigned which) {
  if (which & k_config) {
    cmd->add_option("-c,--config", f.config_file, "файл конфигурации (по умолчанию metodmon.toml)")->type_name("ФАЙЛ");
  }
  if (which & k_period) {
    cmd->add_option("-p,--period", f.period, "отчётный период: 2026-11, 2026-H1 или 2026 (по умолчанию — прошлый)")
        ->type_name("ПЕРИОД");
  }
  if (which & k_monitoring) {
    cmd->add_option("-m,--monitoring", f.monitoring, "мониторинг из списка [[monitoring]] конфигурации (его id)")
        ->type_name("КОД");
  }
  if (which & k_definition) {
    cmd->add_option("--definition", f.definition, "методика вместо указанной в конфигурации")->type_name("ФАЙЛ");
  }
  if (which & k_schools) {
    cmd->add_option("--schools", f.schools, "реестр школ вместо указанного в конфигурации")->type_name("ФАЙЛ");
  }
  if (which & k_inbox) {
    cmd->add_option("--inbox", f.inbox, "папка присланных форм вместо указанной в конфигурации")->type_name("ПАПКА");
  }
  if (which & k_output) {
    cmd->add_option("--output", f.output, "папка итогов вместо указанной в конфигурации")->type_name("ПАПКА");
  }
  if (which & k_state) {
    cmd->add_option("--state", f.state, "папка состояния (история, журнал, письма) вместо указанной")
        ->type_name("ПАПКА");
  }
  if (which & k_verbose) cmd->add_flag("-v,--verbose", f.verbose, "подробный журнал (-vv — отладка)");
  if (which & k_quiet) cmd->add_flag("-q,--quiet", f.quiet, "без итоговой сводки в консоли");
}

// The hidden --today of the calendar's commands: the day they act as if it
// were, so tests drive a season without waiting for it.
template <typename Options>
void add_test_day(CLI::App* cmd, Options& options) {
  cmd->add_option("--today", options.today, "")->group("");
}

// A subcommand from its row of the command table: summary, group, examples.
CLI::App* add_command(CLI::App& app, const char* name) {
  const CommandInfo* info = find_command(name);
  auto* cmd = app.add_subcommand(name, info->summary);
  cmd->group(info->group);
  cmd->footer(examples_text(*info));
  return cmd;
}

// Configuration file, then (for a command about one monitoring) the
// monitoring, then command-line overrides, then the default period.
std::optional<Config> resolve_config(const CommonFlags& f, bool one_monitoring) {
  auto loaded = load_config(f.config_file);
  if (!loaded) {
    for (const auto& d : loaded.error()) std::fprintf(stderr, "ошибка: %s\n", model::to_string(d).c_str());
    return std::nullopt;
  }
  Config c = *loaded;
  if (one_monitoring) {
    auto one = select_monitoring(c, f.monitoring);
    if (!one) return std::nullopt;
    c = std::move(*one);
  }
  if (!f.period.empty()) c.period = f.period;
  // "2025/26" as the methodist writes a school year: the canonical "2025-2026" from here on.
  if (const auto p = model::parse_period(c.period)) c.period = p->id;
  if (!f.definition.empty()) c.definition = f.definition;
  if (!f.schools.empty()) c.schools = f.schools;
  if (!f.inbox.empty()) c.inbox = f.inbox;
  if (!f.output.empty()) c.output = f.output;
  if (!f.state.empty()) {
    c.state = f.state;
    c.state_set = true;
  }
  derive_paths(c);  // archive and outbox follow --state, state follows --output, unless configured
  if (c.period.empty()) {
    auto def = definition::load_definition(c.definition);
    const std::string periodicity = !def ? "month" : std::string(model::periodicity_code(def->definition.periodicity));
    const auto now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    c.period = default_period(periodicity, tm.tm_year + 1900, tm.tm_mon + 1);
    // A method with [schedule] is collected in its months for the period the
    // month closes (Balakhta's May: the 1st half-year of this year).
    if (def && def->definition.schedule) {
      c.period = model::collection_period(def->definition.periodicity, tm.tm_year + 1900, tm.tm_mon + 1,
                                          def->definition.schedule->previous_school_year)
                     .id;
    }
  }
  return c;
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    // A bug, not bad input: bad input never throws. Say so instead of crashing.
    spdlog::critical("внутренняя ошибка metodmon: {}. Сообщите разработчикам и приложите журнал.",
                     e.what());
    return k_exit_failure;
  }
}

// A first argument that is no command and no option: the nearest command, if any.
std::optional<int> unknown_command(int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  const std::string_view word = argv[1];
  if (word.starts_with("-") || find_command(word) != nullptr) return std::nullopt;
  const auto near = closest_command(word);
  std::fprintf(stderr, "ошибка в командной строке: неизвестная команда «%s»%s\nВсе команды: metodmon\n",
               std::string(word).c_str(), near.empty() ? "" : ("; может быть, " + near + "?").c_str());
  return k_exit_usage;
}

}  // namespace

int run_app(int argc, char** argv) {
  // `metodmon` alone, or with --help: every command by group, one line each.
  if (argc == 1 || (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h"))) {
    std::fputs(command_list_text().c_str(), stdout);
    return k_exit_ok;
  }
  if (const auto code = unknown_command(argc, argv)) return *code;

  CLI::App app{"metodmon — мониторинг методической работы: формы школ → итоговые книги и рассылка", "metodmon"};
  russify(app);
  app.set_version_flag("--version", "metodmon " METODMON_VERSION, "показать версию программы и выйти");
  app.require_subcommand(1);

  CommonFlags run_flags;
  bool dry_run = false;
  int run_threads = 0;
  auto* run = add_command(app, "run");
  add_common(run, run_flags, k_config | k_period | k_monitoring | k_definition | k_schools | k_inbox | k_output |
                                 k_state | k_verbose | k_quiet);
  run->add_flag("--dry-run", dry_run, "письма только записать в папку outbox (.eml), ничего не отправлять");
  run->add_option("--threads", run_threads, "сколько форм читать одновременно (по умолчанию — по числу ядер)")
      ->type_name("ЧИСЛО")
      ->check(number_between(0, 256));

  CommonFlags history_flags;
  int history_limit = 20;
  auto* history = add_command(app, "history");
  add_common(history, history_flags, k_config | k_monitoring | k_state);
  history->add_option("--limit", history_limit, "сколько последних запусков показать (по умолчанию 20)")
      ->type_name("ЧИСЛО")
      ->check(number_between(1, 100000));

  CommonFlags documents_flags;
  auto* documents = add_command(app, "documents");
  add_common(documents, documents_flags, k_config | k_period | k_monitoring | k_output | k_state | k_verbose | k_quiet);

  CommonFlags daily_flags;
  DailyOptions daily_options;
  auto* daily = add_command(app, "daily");
  add_common(daily, daily_flags, k_config | k_monitoring | k_verbose | k_quiet);
  add_test_day(daily, daily_options);

  CommonFlags plan_flags;
  PlanOptions plan_options;
  auto* plan = add_command(app, "plan");
  add_common(plan, plan_flags, k_config | k_monitoring);
  plan->add_option("--from", plan_options.from, "с какого дня, ГГГГ-ММ-ДД (по умолчанию сегодня)")->type_name("ДАТА");
  plan->add_option("--to", plan_options.to, "по какой день (по умолчанию год вперёд)")->type_name("ДАТА");
  add_test_day(plan, plan_options);

  CommonFlags open_flags;
  OpenOptions open_options;
  auto* open = add_command(app, "open");
  add_common(open, open_flags, k_config | k_period | k_monitoring | k_verbose | k_quiet);
  add_test_day(open, open_options);

  CommonFlags status_flags;
  StatusOptions status_options;
  auto* status = add_command(app, "status");
  add_common(status, status_flags, k_config | k_period | k_monitoring);
  add_test_day(status, status_options);

  CommonFlags send_flags;
  bool send_all = false;
  auto* send = add_command(app, "send");
  add_common(send, send_flags, k_config | k_period | k_monitoring | k_state | k_verbose | k_quiet);
  send->add_flag("--include-dry-run", send_all, "отправить и письма пробного запуска (--dry-run)");

  CommonFlags collect_flags;
  auto* collect_cmd = add_command(app, "collect");
  add_common(collect_cmd, collect_flags, k_config | k_monitoring | k_inbox | k_state | k_verbose | k_quiet);

  CommonFlags accept_flags;
  AcceptOptions accept_options;
  auto* accept = add_command(app, "accept");
  add_common(accept, accept_flags, k_config | k_state);
  accept->add_option("ФАЙЛЫ", accept_options.files, "отложенные формы (из папки <state>/held); без них — их список")
      ->type_name("");

  CommonFlags template_flags;
  TemplateOptions template_options;
  std::string template_out;
  auto* tmpl = add_command(app, "template");
  add_common(tmpl, template_flags,
             k_config | k_period | k_monitoring | k_definition | k_schools | k_state | k_verbose | k_quiet);
  tmpl->add_option("--out", template_out, "папка для форм (по умолчанию <output>/<период>/forms)")->type_name("ПАПКА");
  tmpl->add_option("--school", template_options.school_ids, "только для этой школы (код из реестра; можно несколько раз)")
      ->type_name("КОД");

  CommonFlags check_flags;
  std::vector<std::string> check_files;
  auto* check = add_command(app, "check");
  add_common(check, check_flags, k_config | k_period | k_monitoring | k_definition | k_schools | k_state | k_verbose);
  check->add_option("ФАЙЛЫ", check_files, "файлы форм или выгрузки ответов анкеты (XLSX, CSV); без них — проверить установку")
      ->type_name("");

  InitOptions init_options;
  std::string init_dir, init_data;
  auto* init = add_command(app, "init");
  init->add_option("ПАПКА", init_dir, "куда записать конфигурацию, реестр школ и методику")->required()->type_name("");
  init->add_option("--municipality", init_options.municipality, "название муниципалитета (для методики и документов)")
      ->required()
      ->type_name("НАЗВАНИЕ");
  init->add_option("--method", init_options.method,
                   "методика: " + definition::join_list(shipped_method_names()) + " или файл своей методики")
      ->required()
      ->type_name("МЕТОДИКА");
  init->add_option("--data", init_data, "папка для присланных форм, итогов и состояния (по умолчанию ПАПКА)")
      ->type_name("ПАПКА");
  init->add_flag("--force", init_options.force, "заменить файлы, которые уже есть в ПАПКЕ");

  MethodOptions method_options;
  std::string method_action;
  auto* method = add_command(app, "method");
  method->add_option("ДЕЙСТВИЕ", method_action,
                     "new — пустая книга с примерами; export — методику книгой; check — проверить методику")
      ->required()
      ->type_name("");
  method->add_option("МЕТОДИКА", method_options.definition, "файл методики (TOML или книга Excel) для export и check")
      ->type_name("");
  method->add_option("--out", method_options.out, "книга, которую записать (new, export)")->type_name("ФАЙЛ");
  method->add_flag("--force", method_options.force, "заменить книгу, если она уже есть");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }

  if (init->parsed()) {
    init_options.dir = init_dir;
    init_options.data = init_data;
    return guarded([&] { return init_command(init_options); });
  }
  // The method's own commands need no configuration.
  if (method->parsed()) {
    setup_logging(0);
    return guarded([&] { return method_command(method_action, method_options); });
  }

  const auto& flags = run->parsed()           ? run_flags
                      : history->parsed()     ? history_flags
                      : send->parsed()        ? send_flags
                      : check->parsed()       ? check_flags
                      : collect_cmd->parsed() ? collect_flags
                      : accept->parsed()      ? accept_flags
                      : documents->parsed()   ? documents_flags
                      : plan->parsed()        ? plan_flags
                      : daily->parsed()       ? daily_flags
                      : open->parsed()        ? open_flags
                      : status->parsed()      ? status_flags
                                              : template_flags;
  setup_logging(flags.quiet ? 0 : flags.verbose);
  // Commands about the whole calendar take every monitoring (or filter by
  // --monitoring); so does `check` of the deployment itself.
  const bool deployment = check->parsed() && check_files.empty();
  // accept: the held forms of the whole deployment, whatever monitoring they go to.
  const bool whole_calendar = plan->parsed() || daily->parsed() || status->parsed() || deployment || accept->parsed();
  auto config = resolve_config(flags, !whole_calendar);
  if (!config) return k_exit_failure;
  add_file_log(config->state);

  if (run->parsed()) {
    if (dry_run) config->mail_dry_run = true;
    return guarded([&] { return run_command(*config, RunOptions{flags.quiet, run_threads}); });
  }
  if (history->parsed()) return guarded([&] { return history_command(*config, history_limit); });
  if (send->parsed()) {
    const SendOptions options{send_all, !flags.period.empty()};
    return guarded([&] { return send_command(*config, options); });
  }
  if (deployment) return guarded([&] { return check_deployment(*config); });
  if (check->parsed()) return guarded([&] { return check_command(*config, check_files); });
  if (collect_cmd->parsed()) return guarded([&] { return collect_command(*config, flags.quiet); });
  if (accept->parsed()) return guarded([&] { return accept_command(*config, accept_options); });
  if (documents->parsed()) return guarded([&] { return documents_command(*config, flags.quiet); });
  if (daily->parsed()) {
    daily_options.monitoring = flags.monitoring;
    daily_options.quiet = flags.quiet;
    return guarded([&] { return daily_command(*config, daily_options); });
  }
  if (open->parsed()) {
    open_options.period = flags.period;
    open_options.quiet = flags.quiet;
    return guarded([&] { return open_command(*config, open_options); });
  }
  if (status->parsed()) {
    status_options.monitoring = flags.monitoring;
    status_options.period = flags.period;
    return guarded([&] { return status_command(*config, status_options); });
  }
  if (plan->parsed()) {
    plan_options.monitoring = flags.monitoring;
    return guarded([&] { return plan_command(*config, plan_options); });
  }
  template_options.out_dir = template_out;
  template_options.quiet = flags.quiet;
  return guarded([&] { return template_command(*config, template_options); });
}

}  // namespace cli
