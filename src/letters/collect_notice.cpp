#include "letters/collect_notice.h"

#include "mail/outbox.h"
#include "util/local_time.h"
#include "util/plural.h"
#include "util/sha256.h"

namespace letters {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool listed(const collect::MessageReport& m) {
  if (!m.held.empty()) return true;
  // A stranger's letter that was not saved: the methodist decides about it.
  return m.stranger && m.verdict != collect::MessageVerdict::saved && m.verdict != collect::MessageVerdict::vanished &&
         m.verdict != collect::MessageVerdict::failed;
}

std::string letter_line(const collect::MessageReport& m) {
  std::string out = "Письмо от " + (m.from.address.empty() ? std::string("неизвестного отправителя") : m.from.address);
  if (!m.subject.empty()) out += " «" + m.subject + "»";
  if (const auto when = util::moment_text(m.date); !when.empty()) out += ", " + when;
  return out;
}

}  // namespace

std::string accept_command(const std::string& config_file, const std::string& file) {
  return "metodmon accept -c " + quoted(config_file) + " " + quoted(file);
}

std::optional<mail::Letter> collect_notice(const std::vector<collect::MessageReport>& messages,
                                           const CollectNoticeContext& context) {
  if (context.methodist.empty()) return std::nullopt;
  std::vector<const collect::MessageReport*> items;
  for (const auto& m : messages) {
    if (listed(m)) items.push_back(&m);
  }
  if (items.empty()) return std::nullopt;
  constexpr util::NounForms k_letters = {"письмо", "письма", "писем"};
  std::string body = "Здравствуйте!\n\nПри сборе форм из почтового ящика";
  if (!context.mailbox.empty()) body += " " + context.mailbox;
  body += " программа не приняла " + util::count_text(static_cast<long>(items.size()), k_letters) +
          ". Форма засчитывается школе, только если пришла с адреса этой школы из реестра (столбцы email и "
          "senders) или с адреса методиста; остальные формы отложены и в итоги не входят. На письма с адресов, "
          "которых нет в реестре, программа не отвечает.\n";
  std::string keys;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& m = *items[i];
    keys += m.message_id + "\n";
    body += "\n" + std::to_string(i + 1) + ". " + letter_line(m) + ".\n";
    for (const auto& h : m.held) {
      std::string school = h.school.empty() ? std::string("без указания школы") : "школы " + h.school;
      if (!h.school.empty() && context.school_name) {
        if (const auto name = context.school_name(h.school); !name.empty()) school += " (" + name + ")";
      }
      const auto file = h.stored.path.string();
      body += "   Форма " + school + " не учтена: " + h.reason + ".\n   Файл: " + file + "\n";
      if (!context.config_file.empty()) {
        body += "   Если форма настоящая, примите её: " + accept_command(context.config_file, file) + "\n";
      }
    }
    if (m.held.empty()) {
      body += "   " + collect::verdict_text(m.verdict) + "; адреса отправителя нет в реестре школ — ответ не "
                                                        "отправлен.\n";
    }
  }
  body += "\nЭто письмо отправлено автоматически программой сбора форм мониторинга.";
  mail::MailMessage message;
  message.from = context.from;
  message.to = {{"", context.methodist}};
  message.subject = "Сбор форм из почты: не принято " + util::count_text(static_cast<long>(items.size()), k_letters);
  message.body = std::move(body);
  // One letter per set of letters listed: a rerun over the same ones replaces it, never adds one.
  return mail::Letter{mail::letter_kind::collect_notice, util::sha256_hex(keys).substr(0, 16), std::move(message), {}};
}

}  // namespace letters
