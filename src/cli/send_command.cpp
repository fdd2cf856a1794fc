#include "cli/send_command.h"

#include <cstdio>

#include "cli/exit_codes.h"
#include "cli/phase_mail.h"
#include "cli/run_session.h"

namespace cli {

int send_command(const Config& config, bool include_dry_run) {
  auto session = RunSession::open(config);
  if (!session) return session.error();
  const auto tally = send_pending(config, config.period, include_dry_run);
  if (!tally) return tally.error();
  std::printf("Письма за %s: в журнале %zu, отправлено %d, не отправлено %d\n", config.period.c_str(),
              tally->entries, tally->sent, tally->failed);
  return tally->failed > 0 ? k_exit_mail_failed : k_exit_ok;
}

}  // namespace cli
