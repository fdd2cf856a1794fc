#include "mail/courier.h"

namespace mail {

Courier::Courier(Mode mode, const Mailer* mailer, CourierLimits limits, std::string reason)
    : m_mode(mode),
      m_mailer(mailer),
      m_limits(limits),
      m_deadline(std::chrono::steady_clock::now() + limits.budget),
      m_hold_reason(std::move(reason)) {}

Courier Courier::dry_run() { return Courier(Mode::dry_run, nullptr, {}, "пробный запуск: письма не отправляются"); }

Courier Courier::hold(std::string reason) { return Courier(Mode::hold, nullptr, {}, std::move(reason)); }

Courier::Courier(const Mailer& mailer, CourierLimits limits) : Courier(Mode::send, &mailer, limits, {}) {}

std::optional<std::string> Courier::held_reason() const {
  if (m_mode != Mode::send) return m_hold_reason;
  const int limit = m_limits.stop_after_failed_letters;
  if (limit > 0 && m_failed_in_row >= limit) {
    return "почтовый сервер не отвечал на предыдущие письма (" + std::to_string(m_failed_in_row) + " подряд)";
  }
  if (std::chrono::steady_clock::now() >= m_deadline) {
    return "время на рассылку (" + std::to_string(m_limits.budget.count()) +
           " с, budget_seconds в разделе [mail]) истекло";
  }
  return std::nullopt;
}

SendResult Courier::send(const std::vector<std::string>& recipients, std::string_view eml) {
  if (const auto why = held_reason()) return {false, 0, *why, 0, false, false};
  auto result = m_mailer->send(recipients, eml, m_deadline);
  if (result.sent) {
    m_failed_in_row = 0;
  } else if (result.server_fault) {
    ++m_failed_in_row;
  }
  return result;
}

}  // namespace mail
