// How one round of mail (a run's mail phase, or `metodmon send`) goes out:
// sent through a mailer, held (the mailer could not start: letters wait in
// the outbox), or only written (a dry run). While sending, the courier keeps
// a dead or stalled server from holding the round:
//   - after `stop_after_failed_letters` letters in a row fail on the server's
//     side (no connection, a timeout, a dropped connection, TLS or login
//     refused: SendResult::server_fault), it sends nothing more in this round;
//     the rest wait for `metodmon send` (0: never stop);
//   - the round has a time budget (`budget`, from its start): no attempt, and
//     no pause between attempts, runs past it; the rest wait.
// A refusal of one letter (550 no such user) does not count against the server.
//
// Example:
//   mail::Courier courier(*mailer, {.stop_after_failed_letters = 2, .budget = 30min});
//   outbox.deliver("2026-11", std::move(letter), courier);
//   if (const auto why = courier.held_reason()) log(*why);   // why the rest waits
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "mail/mailer.h"

namespace mail {

struct CourierLimits {
  int stop_after_failed_letters = 2;
  std::chrono::seconds budget{30 * 60};  // well under the systemd unit's TimeoutStartSec=2h
};

class Courier {
 public:
  enum class Mode { send, hold, dry_run };

  // Letters are written, marked dry-run, never sent.
  static Courier dry_run();
  // Letters are written and wait (pending); `reason` (Russian) says why,
  // e.g. the mailer's error: «переменная окружения … не задана».
  static Courier hold(std::string reason);
  // Sends through `mailer` (borrowed: it must outlive the courier). The budget starts now.
  Courier(const Mailer& mailer, CourierLimits limits);

  Mode mode() const { return m_mode; }

  // Why a letter cannot go to the server now (Russian, for the journal and
  // the console: «почтовый сервер не отвечал на предыдущие письма (2 подряд)»),
  // or nullopt when it can.
  std::optional<std::string> held_reason() const;

  // Sends through the mailer within the budget and counts server failures.
  // Call only when held_reason() is nullopt.
  SendResult send(const std::vector<std::string>& recipients, std::string_view eml);

 private:
  Courier(Mode mode, const Mailer* mailer, CourierLimits limits, std::string reason);

  Mode m_mode;
  const Mailer* m_mailer;
  CourierLimits m_limits;
  std::chrono::steady_clock::time_point m_deadline;
  std::string m_hold_reason;
  int m_failed_in_row = 0;
};

}  // namespace mail
