#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "cli/check_command.h"
#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "cli/daily_command.h"
#include "cli/documents_command.h"
#include "cli/help_format.h"
#include "cli/history_command.h"
#include "cli/logging.h"
#include "cli/open_command.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_collect.h"
#include "cli/plan_command.h"
#include "cli/run_command.h"
#include "cli/send_command.h"
#include "cli/status_command.h"
#include "cli/template_command.h"
#include "definition/definition_loader.h"

namespace cli {

namespace {

struct CommonFlags {
  std::string config_file = "metodmon.toml";
  std::string period, definition, schools, inbox, output, state;
  std::string monitoring;  // one monitoring of a configuration that lists several
  int verbose = 0;
  bool quiet = false;
};

// The hidden --today of the calendar's commands: the day they act as if it
// were, so tests drive a season without waiting for it.
template <typename Options>
void add_test_day(CLI::App* cmd, Options& options) {
  cmd->add_option("--today", options.today, "")->group("");
}

void add_common(CLI::App* cmd, CommonFlags& f) {
  cmd->add_option("-c,--config", f.config_file, "файл конфигурации (metodmon.toml)")->type_name("ФАЙЛ");
  cmd->add_option("-p,--period", f.period, "отчётный период: 2026-11, 2026-H1 или 2026")->type_name("ПЕРИОД");
  cmd->add_option("--definition", f.definition, "методика мониторинга (TOML), вместо указанной в конфигурации")
      ->type_name("ФАЙЛ");
  cmd->add_option("--schools", f.schools, "реестр школ (CSV)")->type_name("ФАЙЛ");
  cmd->add_option("--inbox", f.inbox, "папка с присланными формами")->type_name("ПАПКА");
  cmd->add_option("--output", f.output, "папка для результатов")->type_name("ПАПКА");
  cmd->add_option("--state", f.state, "папка состояния (журнал, история, блокировка)")->type_name("ПАПКА");
  cmd->add_option("-m,--monitoring", f.monitoring, "мониторинг из списка [[monitoring]] конфигурации (его id)")
      ->type_name("КОД");
  cmd->add_flag("-v,--verbose", f.verbose, "подробный журнал (-vv: отладка)");
  cmd->add_flag("-q,--quiet", f.quiet, "без итоговой сводки в консоли");
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
    const std::string periodicity =
        !def ? "month"
             : def->definition.periodicity == model::Periodicity::year      ? "year"
               : def->definition.periodicity == model::Periodicity::half_year ? "half_year"
                                                                              : "month";
    const auto now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    c.period = default_period(periodicity, tm.tm_year + 1900, tm.tm_mon + 1);
    // A method with [schedule] is collected in its months for the period the
    // month closes (Balakhta's May: the 1st half-year of this year).
    if (def && def->definition.schedule) {
      c.period = model::collection_period(def->definition.periodicity, tm.tm_year + 1900, tm.tm_mon + 1).id;
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

}  // namespace

int run_app(int argc, char** argv) {
  CLI::App app{"metodmon — мониторинг методической работы: формы школ → итоговые книги и рассылка"};
  russify(app);
  app.set_version_flag("--version", "metodmon " METODMON_VERSION, "показать версию программы и выйти");
  app.require_subcommand(1);

  CommonFlags run_flags;
  bool dry_run = false;
  auto* run = app.add_subcommand("run", "прочитать присланные формы, посчитать итоги, записать книги");
  add_common(run, run_flags);
  run->add_flag("--dry-run", dry_run, "письма только записать в папку outbox (.eml), ничего не отправлять");
  int run_threads = 0;
  run->add_option("--threads", run_threads, "сколько форм читать и книг записывать одновременно (по умолчанию — по числу ядер)")
      ->check(CLI::Range(0, 256));

  CommonFlags check_flags;
  std::vector<std::string> check_files;
  auto* check = app.add_subcommand("check", "проверить отдельные файлы форм, ничего не записывая");
  add_common(check, check_flags);
  check->add_option("ФАЙЛЫ", check_files, "файлы форм")->required()->type_name("");

  CommonFlags history_flags;
  int history_limit = 20;
  auto* history = app.add_subcommand("history", "периоды в истории и последние запуски");
  add_common(history, history_flags);
  history->add_option("--limit", history_limit, "сколько последних запусков показать")->type_name("ЧИСЛО");

  CommonFlags send_flags;
  bool send_all = false;
  auto* send = app.add_subcommand("send", "отправить письма, которые ждут в папке outbox (за все периоды или за --period)");
  add_common(send, send_flags);
  send->add_flag("--include-dry-run", send_all, "отправить и письма пробного запуска");

  CommonFlags template_flags;
  TemplateOptions template_options;
  std::string template_out;
  auto* tmpl = app.add_subcommand("template", "выпустить защищённые формы для школ");
  add_common(tmpl, template_flags);
  tmpl->add_option("--out", template_out, "папка для форм (по умолчанию <output>/<период>/forms)")->type_name("ПАПКА");
  tmpl->add_option("--school", template_options.school_ids, "только для этих школ (код из реестра)")->type_name("КОД");

  CommonFlags collect_flags;
  auto* collect_cmd = app.add_subcommand("collect", "забрать ответы школ из почтового ящика во входящую папку");
  add_common(collect_cmd, collect_flags);
  CommonFlags documents_flags;
  auto* documents = app.add_subcommand(
      "documents", "пересобрать аналитическую справку и проект приказа за период по истории, не читая входящую папку");
  add_common(documents, documents_flags);

  CommonFlags plan_flags;
  PlanOptions plan_options;
  auto* plan = app.add_subcommand("plan", "что и когда сделает ежедневный запуск: календарь мониторингов по дням");
  add_common(plan, plan_flags);
  plan->add_option("--from", plan_options.from, "с какого дня (ГГГГ-ММ-ДД; по умолчанию сегодня)")->type_name("ДАТА");
  plan->add_option("--to", plan_options.to, "по какой день (по умолчанию год вперёд)")->type_name("ДАТА");
  add_test_day(plan, plan_options);

  CommonFlags daily_flags;
  DailyOptions daily_options;
  auto* daily = app.add_subcommand("daily", "ежедневный запуск по календарю: рассылка форм, напоминания, итоги, "
                                            "уточнённые итоги (для таймера systemd или cron)");
  add_common(daily, daily_flags);
  add_test_day(daily, daily_options);

  CommonFlags open_flags;
  OpenOptions open_options;
  auto* open = app.add_subcommand("open", "разослать школам формы мониторинга вручную (как в день рассылки по "
                                          "календарю): каждой школе её форма, срок и как её вернуть");
  add_common(open, open_flags);
  add_test_day(open, open_options);

  CommonFlags status_flags;
  StatusOptions status_options;
  auto* status = app.add_subcommand("status", "сдача форм: кому разосланы, что и когда прислано, напоминания, "
                                              "кто не сдал");
  add_common(status, status_flags);
  add_test_day(status, status_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? k_exit_ok : k_exit_usage;
  }

  const auto& flags = run->parsed()       ? run_flags
                      : history->parsed() ? history_flags
                      : send->parsed()    ? send_flags
                      : check->parsed()   ? check_flags
                      : collect_cmd->parsed() ? collect_flags
                      : documents->parsed() ? documents_flags
                      : plan->parsed()        ? plan_flags
                      : daily->parsed()       ? daily_flags
                      : open->parsed()        ? open_flags
                      : status->parsed()      ? status_flags
                                          : template_flags;
  setup_logging(flags.quiet ? 0 : flags.verbose);
  // Commands about the whole calendar take every monitoring (or filter by --monitoring).
  const bool whole_calendar = plan->parsed() || daily->parsed() || status->parsed();
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
  if (check->parsed()) return guarded([&] { return check_command(*config, check_files); });
  if (collect_cmd->parsed()) return guarded([&] { return collect_command(*config, flags.quiet); });
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
