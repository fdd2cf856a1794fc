#include "cli/phases/phase_collect.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>

#include "cli/config/run_inputs.h"
#include "cli/phases/collect_routing.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/run_session.h"
#include "definition/registry_loader.h"
#include "letters/collect_notice.h"
#include "letters/sender_replies.h"
#include "mail/outbox.h"
#include "util/ascii.h"
#include "util/console_text.h"
#include "util/local_time.h"

namespace cli {

namespace {

// Lower-cased address of a school -> "sch03 МБОУ СОШ № 3"; school id -> short name.
struct SchoolNames {
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> short_names;
};

SchoolNames school_names(const Config& config) {
  SchoolNames names;
  const auto loaded = definition::load_registry(config.schools);
  if (!loaded) {
    spdlog::warn("сбор почты: реестр школ {} не читается, файлы из писем называются по адресу отправителя",
                 config.schools.string());
    return names;
  }
  for (const auto& s : loaded->registry.schools) {
    names.short_names.emplace(s.id, s.short_name);
    if (!s.email.empty()) names.labels.emplace(util::lower_ascii(s.email), s.id + " " + s.short_name);
    for (const auto& address : s.senders) names.labels.emplace(util::lower_ascii(address), s.id + " " + s.short_name);
  }
  return names;
}

std::string who(const collect::MessageReport& m) {
  std::string out = m.from.name.empty() ? m.from.address : m.from.name + " <" + m.from.address + ">";
  if (out.empty()) out = "без отправителя";
  if (!m.subject.empty()) out += ", «" + m.subject + "»";
  if (const auto when = util::moment_text(m.date); !when.empty()) out += ", " + when;
  return out;
}

std::string outcome(const Config& config, const collect::MessageReport& m) {
  std::string out = collect::verdict_text(m.verdict);
  if (m.verdict == collect::MessageVerdict::saved) {
    for (std::size_t i = 0; i < m.files.size(); ++i) {
      out += (i == 0 ? ": " : ", ") + m.files[i].path.filename().string();
      if (m.files[i].already) out += " (сохранён раньше)";
    }
  }
  for (std::size_t i = 0; i < m.held.size(); ++i) {
    const auto& h = m.held[i];
    out += (i == 0 && m.verdict == collect::MessageVerdict::held ? ": " : "; не принята ") + std::string("форма ") +
           (h.school.empty() ? std::string("без указания школы") : "школы " + h.school) + " — " + h.reason +
           "; отложена: " + h.stored.path.string() + "; принять: " +
           letters::accept_command(config.file.string(), h.stored.path.string());
  }
  if (m.replied) out += "; отправлен ответ";
  if (m.replied_before) out += "; ответ уже отправлялся раньше";
  if (!m.note.empty()) out += "; " + m.note;
  if (!m.marked && m.verdict != collect::MessageVerdict::failed && m.verdict != collect::MessageVerdict::vanished) {
    out += "; письмо не помечено на сервере";
  }
  return out;
}

}  // namespace

CollectPhaseResult phase_collect(const Config& config, const CollectPhaseOptions& options) {
  CollectPhaseResult out;
  if (!config.collect.enabled) return out;
  collect::CollectOptions o;
  o.inbox = config.inbox;
  o.journal_file = config.state / "collect.sqlite";
  const auto senders = trusted_senders(config);
  o.reply = {config.mail.from, config.mail.methodist, 0,
             [senders](std::string_view address) { return senders->registered(address); }};
  o.replies = config.mail_enabled;
  o.compose = letters::compose_reply;
  o.now = options.now;
  static const std::vector<CalendarMonitoring> k_none;
  o.place = collect_placement(config, options.monitorings != nullptr ? *options.monitorings : k_none, senders);
  const auto names = school_names(config);
  o.sender_label = [&names](const mail::MailAddress& a) {
    const auto it = names.labels.find(util::lower_ascii(a.address));
    return it == names.labels.end() ? std::string{} : it->second;
  };
  out.mailbox = collect::collect_mailbox(config.collect, o);
  for (const auto& m : out.mailbox.messages) {
    for (const auto& f : m.files) ++(f.already ? out.files_known : out.files_saved);
    for (const auto& h : m.held) out.files_held += h.stored.already ? 0 : 1;
    if (m.verdict == collect::MessageVerdict::failed) ++out.letters_failed;
    spdlog::info("collect: uid {} {} -> {}", m.uid, util::console_text(m.message_id), collect::verdict_text(m.verdict));
  }
  // Each answer is a letter of its own: the topic is the Message-ID it answers
  // (or, without one, its own content, so two answers never replace each other).
  std::vector<mail::Letter> replies;
  for (auto& m : out.mailbox.replies) {
    auto topic = m.in_reply_to.empty() ? mail::message_key(m) : m.in_reply_to;
    replies.push_back({mail::letter_kind::reply, std::move(topic), std::move(m), {}});
  }
  out.mailbox.replies.clear();
  const auto mail = mail_letters(config, k_collect_outbox_period, std::move(replies));
  out.replies_sent = mail.sent;
  out.replies_unsent = mail.not_delivered();
  out.replies_dry_run = mail.written - mail.sent - mail.not_delivered();
  // What was not taken, for the methodist: nobody reads a timer's console.
  if (config.mail_enabled) {
    const letters::CollectNoticeContext notice_context{
        config.mail.from, config.mail.methodist, config.collect.imap.credentials.username, config.file.string(),
        [&names](const std::string& id) {
          const auto it = names.short_names.find(id);
          return it == names.short_names.end() ? std::string{} : it->second;
        }};
    if (auto notice = letters::collect_notice(out.mailbox.messages, notice_context)) {
      std::vector<mail::Letter> letters;
      letters.push_back(std::move(*notice));
      const auto told = mail_letters(config, k_collect_outbox_period, std::move(letters));
      // Neither sent nor held: a dry run, or the same letter already went (a letter read again).
      out.notice = told.sent > 0               ? CollectPhaseResult::Notice::sent
                   : told.not_delivered() > 0  ? CollectPhaseResult::Notice::unsent
                   : config.mail_dry_run       ? CollectPhaseResult::Notice::written
                                               : CollectPhaseResult::Notice::none;
      out.replies_unsent += told.not_delivered();
    }
  }
  out.exit_code = out.mailbox.error || out.letters_failed > 0 ? k_exit_failure
                  : out.replies_unsent > 0                      ? k_exit_mail_failed
                                                                : k_exit_ok;
  return out;
}

void print_collect_summary(const Config& config, const CollectPhaseResult& result) {
  const auto& imap = config.collect.imap;
  const auto& box = result.mailbox;
  std::printf("Почтовый ящик %s (%s:%d, папка %s): новых писем %zu.\n", imap.credentials.username.c_str(),
              imap.host.c_str(), imap.port, imap.folder.c_str(), box.found);
  for (const auto& m : box.messages) {
    std::printf("  %s — %s\n", util::console_text(who(m)).c_str(), util::console_text(outcome(config, m)).c_str());
  }
  std::printf("Сохранено файлов: %d", result.files_saved);
  if (result.files_known > 0) std::printf(" (ещё %d сохранены раньше)", result.files_known);
  if (result.files_held > 0) {
    std::printf("; не принято форм с чужих адресов: %d (папка %s)", result.files_held,
                held_folder(config).string().c_str());
  }
  std::printf("; ответов отправлено: %d", result.replies_sent);
  if (result.replies_unsent > 0) {
    std::printf(", не отправлено: %d (папка %s)", result.replies_unsent,
                (config.outbox / k_collect_outbox_period).string().c_str());
  }
  if (result.replies_dry_run > 0) {
    std::printf(", записано без отправки (пробный запуск): %d (папка %s)", result.replies_dry_run,
                (config.outbox / k_collect_outbox_period).string().c_str());
  }
  std::printf("; писем с ошибками: %d.\n", result.letters_failed);
  switch (result.notice) {
    case CollectPhaseResult::Notice::none: break;
    case CollectPhaseResult::Notice::sent: std::printf("Методисту отправлено письмо о непринятых письмах.\n"); break;
    case CollectPhaseResult::Notice::written:
      std::printf("Письмо методисту о непринятых письмах записано без отправки (пробный запуск).\n");
      break;
    case CollectPhaseResult::Notice::unsent:
      std::printf("Письмо методисту о непринятых письмах не отправлено: оно ждёт в папке %s.\n",
                  (config.outbox / k_collect_outbox_period).string().c_str());
      break;
  }
  if (result.files_saved > 0) std::printf("Файлы сохранены в папку %s.\n", config.inbox.string().c_str());
  if (box.found > box.messages.size()) {
    std::printf("Не обработано писем: %zu — они будут забраны при следующем запуске.\n",
                box.found - box.messages.size());
  }
}

int collect_command(const Config& config, bool quiet) {
  if (!config.collect.enabled) {
    std::fprintf(stderr, "ошибка: сбор ответов из почты выключен; включите его в разделе [collect] "
                         "(enabled = true) файла %s\n", config.file.string().c_str());
    return k_exit_failure;
  }
  auto session = RunSession::open(config);
  if (!session) return session.error();
  const auto result = phase_collect(config);
  if (result.mailbox.error) print_diagnostics({*result.mailbox.error});
  if (!quiet) print_collect_summary(config, result);
  return result.exit_code;
}

}  // namespace cli
