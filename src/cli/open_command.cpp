#include "cli/open_command.h"

#include <cstdio>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_calendar.h"
#include "cli/phases/run_session.h"
#include "definition/definition_loader.h"

namespace cli {

int open_command(const Config& base, const OpenOptions& options) {
  const auto today = calendar::resolve_today(options.today);
  if (!today) return k_exit_usage;
  const auto loaded = load_configured_definition(base);
  if (!loaded) {
    print_diagnostics(loaded.error());
    return k_exit_failure;
  }
  const auto& def = loaded->definition;
  const auto timetable = timetable_for(base, def);
  if (!timetable) {
    print_diagnostics(timetable.error());
    return k_exit_failure;
  }
  const auto cycle = options.period.empty() ? std::optional(calendar::cycle_at(*timetable, *today))
                                            : calendar::cycle_for_period(*timetable, options.period, *today);
  if (!cycle) {
    std::fprintf(stderr,
                 "ошибка: по календарю мониторинга %s нет сбора данных за период «%s»: укажите период, за который "
                 "собираются формы (metodmon plan покажет календарь), или уберите --period\n",
                 monitoring_label(base, def).c_str(), options.period.c_str());
    return k_exit_usage;
  }
  if (!base.mail_enabled) {
    std::fprintf(stderr,
                 "ошибка: рассылка выключена ([mail] enabled = false в %s): формы не разосланы. Включите рассылку "
                 "(dry_run = true — только записать письма в outbox) или раздайте формы из metodmon template\n",
                 base.file.string().c_str());
    return k_exit_failure;
  }
  Config config = base;
  config.period = cycle->period.id;
  // A day given by hand (--today) dates the letters with that day, not the clock's.
  if (!options.today.empty()) config.mail_clock = calendar::local_epoch(*today, 7);
  const auto inputs = load_run_inputs(config);
  if (!inputs) return k_exit_failure;
  auto session = RunSession::open(config);
  if (!session) return session.error();
  if (auto start = session->history().calendar_start(calendar::iso_text(*today)); !start) {
    print_diagnostics({start.error()});
    return k_exit_failure;
  }
  const calendar::Task task{calendar::Step::open, *cycle, cycle->open, calendar::step_key(calendar::Step::open, cycle->open)};
  const auto done = open_step(config, *inputs, task, *today, session->history());
  if (!options.quiet) {
    std::printf("%s: %s\n", monitoring_label(config, def).c_str(), calendar::step_text(task).c_str());
    std::printf("  писем директорам: %d%s\n", done.report.letters, config.mail_dry_run ? " (пробный запуск: только в outbox)" : "");
    if (*today > cycle->deadline) {
      std::printf("  внимание: срок сдачи %s уже прошёл — сообщите школам новый срок\n",
                  calendar::date_text(cycle->deadline).c_str());
    }
    if (!done.report.no_address.empty()) {
      std::printf("  без адреса в реестре — передайте формы сами (они в %s):\n",
                  (config.output / cycle->period.id / "forms").string().c_str());
      for (const auto& name : done.report.no_address) std::printf("    — %s\n", name.c_str());
    }
  }
  return done.exit_code;
}

}  // namespace cli
