#include "cli/send_command.h"

#include <cstdio>

#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/run_session.h"
#include "model/period.h"

namespace cli {

namespace {

// "ноябрь 2026 (2026-11)"; the id alone when it is not a period metodmon knows.
std::string period_title(const std::string& id) {
  const auto period = model::parse_period(id);
  return period ? model::display_name(*period) + " (" + id + ")" : id;
}

}  // namespace

int send_command(const Config& config, const SendOptions& options) {
  auto session = RunSession::open(config);
  if (!session) return session.error();
  MailRound round(config, false);
  const auto periods = options.only_config_period ? std::vector<std::string>{config.period} : round.outbox().periods();
  bool read_ok = true;
  int periods_done = 0;
  for (const auto& period : periods) {
    if (!has_waiting_letters(round.outbox(), period, options.include_dry_run)) {
      if (options.only_config_period) {
        std::printf("Письма за %s: неотправленных писем нет\n", period_title(period).c_str());
      }
      continue;
    }
    const auto before = round.tally();
    read_ok = round.resend(period, options.include_dry_run) && read_ok;
    const auto& after = round.tally();
    std::printf("Письма за %s: отправлено %d, не отправлено %d, ждут отправки %d\n", period_title(period).c_str(),
                after.sent - before.sent, (after.failed + after.invalid) - (before.failed + before.invalid),
                after.waiting - before.waiting);
    ++periods_done;
  }
  if (periods_done == 0 && !options.only_config_period) std::printf("Неотправленных писем нет\n");
  round.report(config.outbox);
  if (!read_ok) return k_exit_failure;
  return round.tally().not_delivered() > 0 ? k_exit_mail_failed : k_exit_ok;
}

}  // namespace cli
