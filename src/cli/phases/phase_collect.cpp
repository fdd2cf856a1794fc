#include "cli/phases/phase_collect.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>

#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_mail.h"
#include "cli/phases/run_session.h"
#include "definition/registry_loader.h"
#include "letters/sender_replies.h"
#include "mail/outbox.h"
#include "util/ascii.h"
#include "util/local_time.h"

namespace cli {

namespace {

// Lower-cased director's address -> "sch03 МБОУ СОШ № 3".
std::map<std::string, std::string> school_labels(const Config& config) {
  std::map<std::string, std::string> labels;
  const auto loaded = definition::load_registry(config.schools);
  if (!loaded) {
    spdlog::warn("collect: registry {} not readable, files are named by sender address", config.schools.string());
    return labels;
  }
  for (const auto& s : loaded->registry.schools) {
    if (!s.email.empty()) labels.emplace(util::lower_ascii(s.email), s.id + " " + s.short_name);
  }
  return labels;
}

std::string who(const collect::MessageReport& m) {
  std::string out = m.from.name.empty() ? m.from.address : m.from.name + " <" + m.from.address + ">";
  if (out.empty()) out = "без отправителя";
  if (!m.subject.empty()) out += ", «" + m.subject + "»";
  if (const auto when = util::moment_text(m.date); !when.empty()) out += ", " + when;
  return out;
}

std::string outcome(const collect::MessageReport& m) {
  std::string out = collect::verdict_text(m.verdict);
  if (m.verdict == collect::MessageVerdict::saved) {
    for (std::size_t i = 0; i < m.files.size(); ++i) {
      out += (i == 0 ? ": " : ", ") + m.files[i].path.filename().string();
      if (m.files[i].already) out += " (сохранён раньше)";
    }
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
  o.reply = {config.mail.from, config.mail.methodist, 0};
  o.replies = config.mail_enabled;
  o.compose = letters::compose_reply;
  o.now = options.now;
  o.inbox_for = options.inbox_for;
  const auto labels = school_labels(config);
  o.sender_label = [&labels](const mail::MailAddress& a) {
    const auto it = labels.find(util::lower_ascii(a.address));
    return it == labels.end() ? std::string{} : it->second;
  };
  out.mailbox = collect::collect_mailbox(config.collect, o);
  for (const auto& m : out.mailbox.messages) {
    for (const auto& f : m.files) ++(f.already ? out.files_known : out.files_saved);
    if (m.verdict == collect::MessageVerdict::failed) ++out.letters_failed;
    spdlog::info("collect: uid {} {} -> {}", m.uid, m.message_id, collect::verdict_text(m.verdict));
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
  for (const auto& m : box.messages) std::printf("  %s — %s\n", who(m).c_str(), outcome(m).c_str());
  std::printf("Сохранено файлов: %d", result.files_saved);
  if (result.files_known > 0) std::printf(" (ещё %d сохранены раньше)", result.files_known);
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
