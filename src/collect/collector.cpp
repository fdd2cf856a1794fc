#include "collect/collector.h"

#include <chrono>
#include <set>

#include "collect/file_naming.h"
#include "util/local_time.h"
#include "util/sha256.h"

namespace collect {

namespace fs = std::filesystem;

namespace {

model::Diagnostic mailbox_error(const ImapError& e) {
  auto d = model::Diagnostic::error({}, e.message + "; письма на сервере не тронуты и будут забраны при "
                                                    "следующем запуске",
                                    e.hint);
  d.where.key = "collect";
  return d;
}

class Collector {
 public:
  Collector(const CollectSettings& settings, const CollectOptions& options, CollectJournal& journal,
            ImapSession& session, CollectResult& result)
      : m_settings(settings), m_options(options), m_journal(journal), m_session(session), m_result(result) {
    m_reply.max_message_mb = (settings.imap.max_message_bytes + (1u << 20) - 1) >> 20;
  }

  // False when the mailbox became unusable (m_result.error is set).
  bool handle(std::uint32_t uid, bool unseen) {
    MessageReport report;
    report.uid = uid;
    const bool ok = process(uid, unseen, report);
    m_result.messages.push_back(std::move(report));
    return ok;
  }

 private:
  bool process(std::uint32_t uid, bool unseen, MessageReport& report) {
    auto raw = m_session.fetch(uid, unseen);
    bool too_large = false;
    if (!raw && raw.error().kind == ImapError::Kind::too_large) {
      too_large = true;
      raw = m_session.fetch_header(uid, unseen);
    }
    if (!raw && raw.error().kind == ImapError::Kind::gone) {  // expunged by another mail client since the search
      report.verdict = MessageVerdict::vanished;
      return true;
    }
    if (!raw) return fail(report, raw.error());
    auto parsed = parse_message(*raw);
    if (!parsed) {
      report.note = parsed.error().message;
      return true;  // left unmarked: the methodist sees it in every report
    }
    const auto& message = *parsed;
    report.message_id = message.message_id;
    report.from = message.from;
    report.subject = message.subject;
    report.date = message.date;
    const auto key = message.message_id.empty() ? "sha256:" + util::sha256_hex(*raw) : message.message_id;
    report.stranger = !m_reply.registered || !m_reply.registered(message.from.address);
    if (!message.limit.empty()) report.note = message.limit;  // a hostile depth: said, not hidden

    bool tnef = false;
    for (const auto& part : message.attachments) {
      const auto kind = too_large ? PartKind::other : classify_part(part);
      if (kind == PartKind::workbook || kind == PartKind::questionnaire) {
        if (!save(key, message, part, report)) return true;
      } else if (kind == PartKind::tnef) {
        tnef = true;
      } else if (!part.inline_image) {
        report.other_files.push_back(part.file_name.empty() ? part.content_type : part.file_name);
      }
    }
    if (too_large) {
      report.verdict = MessageVerdict::too_large;
      answer(ReplyKind::too_large, key, message, report);
    } else if (!report.files.empty()) {
      report.verdict = MessageVerdict::saved;
    } else if (!report.held.empty()) {
      report.verdict = MessageVerdict::held;
    } else if (!message.limit.empty()) {
      // Not read to the end: «no form» might be untrue, so nobody is told so.
      report.verdict = tnef ? MessageVerdict::tnef : MessageVerdict::no_workbook;
      report.note += "; ответ не отправлен: письмо прочитано не до конца";
    } else {
      report.verdict = tnef ? MessageVerdict::tnef : MessageVerdict::no_workbook;
      answer(tnef ? ReplyKind::tnef : ReplyKind::no_workbook, key, message, report);
    }
    if (report.verdict == MessageVerdict::failed) return true;
    return mark(uid, report);
  }

  bool save(const std::string& key, const ParsedMessage& message, const MailPart& part, MessageReport& report) {
    const auto place = m_options.place ? m_options.place(part, message.from)
                                       : Placement{m_options.inbox, m_options.inbox, {}, {}};
    // A form that counts is named after the one who filled it (a forwarded
    // letter's own sender); one held apart after the one who sent it to us.
    const auto& sender = !place.held.empty() || part.sender.address.empty() ? message.from : part.sender;
    std::string label = m_options.sender_label ? m_options.sender_label(sender) : std::string{};
    if (label.empty()) label = sender.address;
    const auto date = part.date != 0 ? part.date : message.date != 0 ? message.date : m_now;
    const Provenance origin{message.from.address, message.subject, date, place.school, place.held, place.inbox};
    auto stored = store_attachment(m_journal, place.folder, key, saved_file_name(label, date, attachment_name(part)),
                                   part.bytes, m_now, date, origin);
    if (!stored) {
      // The file system may refuse a name however safe it looks (too long
      // for a share, characters it does not take): a short plain one then.
      const auto plain = util::format_local_time(date, "%Y-%m-%d_%H-%M") + "_вложение-" +
                         util::sha256_hex(part.bytes).substr(0, 12) + extension_of(attachment_name(part));
      if (auto again = store_attachment(m_journal, place.folder, key, safe_file_name(plain), part.bytes, m_now,
                                        date, origin)) {
        stored = std::move(again);
      }
    }
    if (!stored) {
      report.verdict = MessageVerdict::failed;
      report.note = model::to_string(stored.error()) + "; письмо оставлено необработанным";
      return false;
    }
    if (place.held.empty()) {
      report.files.push_back(*stored);
    } else {
      report.held.push_back({*stored, place.school, place.held, place.inbox});
    }
    return true;
  }

  void answer(ReplyKind kind, const std::string& key, const ParsedMessage& message, MessageReport& report) {
    if (!m_options.replies || !m_options.compose) {
      report.note = "ответ не отправлен: рассылка выключена ([mail] enabled = false)";
      return;
    }
    if (const auto why = no_reply_reason(message, m_reply)) {
      report.note = "ответ не отправлен: " + *why;
      return;
    }
    const auto before = m_journal.replied(key);
    if (!before) {
      report.verdict = MessageVerdict::failed;
      report.note = model::to_string(before.error());
      return;
    }
    if (*before) {
      report.replied_before = true;
      return;
    }
    auto reply = m_options.compose(kind, message, m_reply, report.other_files);
    if (auto r = m_journal.record_reply(key, reply_kind_name(kind), message.from.address, m_now); !r) {
      report.verdict = MessageVerdict::failed;
      report.note = model::to_string(r.error());
      return;
    }
    m_result.replies.push_back(std::move(reply));
    report.replied = true;
  }

  bool mark(std::uint32_t uid, MessageReport& report) {
    const auto marked = m_settings.processed == ProcessedMark::move
                            ? m_session.move(uid, m_settings.processed_folder)
                            : m_session.add_keyword(uid, k_processed_keyword);
    if (marked) {
      report.marked = true;
      return true;
    }
    if (marked.error().fatal()) return fail(report, marked.error());
    report.note += (report.note.empty() ? "" : "; ") + marked.error().message;
    return true;
  }

  bool fail(MessageReport& report, const ImapError& error) {
    report.verdict = MessageVerdict::failed;
    report.note = error.message;
    if (!error.fatal()) return true;
    m_result.error = mailbox_error(error);
    return false;
  }

  const CollectSettings& m_settings;
  const CollectOptions& m_options;
  CollectJournal& m_journal;
  ImapSession& m_session;
  CollectResult& m_result;
  ReplyContext m_reply = m_options.reply;
  std::int64_t m_now = m_options.now != 0 ? m_options.now
                                          : std::chrono::duration_cast<std::chrono::seconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count();
};

}  // namespace

CollectResult collect_mailbox(const CollectSettings& settings, const CollectOptions& options) {
  CollectResult result;
  auto journal = CollectJournal::open(options.journal_file);
  if (!journal) {
    result.error = journal.error();
    return result;
  }
  auto session = ImapSession::open(settings.imap);
  if (!session) {
    result.error = mailbox_error(session.error());
    return result;
  }
  const std::string pending = std::string("UNDELETED UNKEYWORD ") + k_processed_keyword;
  const auto all = session->search(pending);
  const auto unseen = all ? session->search("UNSEEN " + pending) : all;
  if (!all || !unseen) {
    result.error = mailbox_error(!all ? all.error() : unseen.error());
    return result;
  }
  result.found = all->size();
  const std::set<std::uint32_t> unseen_set(unseen->begin(), unseen->end());
  Collector collector(settings, options, *journal, *session, result);
  for (const auto uid : *all) {
    if (!collector.handle(uid, unseen_set.contains(uid))) break;
  }
  return result;
}

std::string verdict_text(MessageVerdict verdict) {
  switch (verdict) {
    case MessageVerdict::saved: return "сохранено";
    case MessageVerdict::held: return "не принято";
    case MessageVerdict::no_workbook: return "нет формы";
    case MessageVerdict::tnef: return "форма внутри winmail.dat (Outlook, формат RTF)";
    case MessageVerdict::too_large: return "письмо слишком большое";
    case MessageVerdict::vanished: return "письмо удалено с сервера другой программой, пока шла работа";
    case MessageVerdict::failed: return "ошибка";
  }
  return "ошибка";
}

}  // namespace collect
