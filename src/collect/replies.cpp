#include "collect/replies.h"

#include "util/ascii.h"

namespace collect {


std::string_view reply_kind_name(ReplyKind kind) {
  switch (kind) {
    case ReplyKind::no_workbook: return "no_workbook";
    case ReplyKind::tnef: return "tnef";
    case ReplyKind::too_large: return "too_large";
  }
  return "no_workbook";
}

std::optional<std::string> no_reply_reason(const ParsedMessage& m, const ReplyContext& context) {
  const auto to = util::lower_ascii(m.from.address);
  const auto local = to.substr(0, to.find('@'));
  if (to.empty() || to.find('@') == std::string::npos) return "у письма нет адреса отправителя";
  if (!m.auto_submitted.empty() && m.auto_submitted != "no") return "автоматическое письмо (Auto-Submitted)";
  if (m.precedence == "bulk" || m.precedence == "junk" || m.precedence == "list") {
    return "массовая рассылка (Precedence: " + m.precedence + ")";
  }
  if (!m.list_id.empty()) return "письмо из списка рассылки (List-Id)";
  if (!m.x_autoreply.empty()) return "автоответ (X-Autoreply)";
  if (m.delivery_report) return "отчёт о доставке или о прочтении";
  if (local == "mailer-daemon" || local == "postmaster" || local.starts_with("no-reply") ||
      local.starts_with("noreply") || local.starts_with("do-not-reply") || local.starts_with("donotreply")) {
    return "служебный адрес " + m.from.address;
  }
  if (to == util::lower_ascii(context.from.address) || (!context.methodist.empty() && to == util::lower_ascii(context.methodist))) {
    return "письмо с нашего собственного адреса";
  }
  if (!context.registered || !context.registered(m.from.address)) {
    return "адреса " + m.from.address + " нет в реестре школ: письмо показано методисту";
  }
  return std::nullopt;
}

}  // namespace collect
