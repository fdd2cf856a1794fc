#include "mail/outbox.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include "model/email_address.h"
#include "util/atomic_file.h"
#include "util/local_time.h"
#include "util/sha256.h"

namespace mail {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_journal = "journal.tsv";

// The journal's time of a letter: `clock` (a calendar day's moment), else now.
std::string local_now(std::int64_t clock) {
  return clock != 0 ? util::local_time_text(clock) : util::local_now_text();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ',')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::string safe_recipient(std::string_view address) {
  std::string out;
  for (const char c : address) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '@' || c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

// Same letter: the same identity (outbox.h).
bool same_letter(const JournalEntry& e, const Letter& l, const std::string& recipients) {
  return !e.kind.empty() && e.kind == l.kind && e.topic == l.topic && e.recipients == recipients;
}

// Rule 1: does the new letter replace entry `e`?
bool replaces(const JournalEntry& e, const Letter& l, const std::string& recipients, Courier::Mode mode) {
  const bool replaceable = mode == Courier::Mode::dry_run
                               ? e.status == DeliveryStatus::dry_run
                               : is_waiting(e.status) || e.status == DeliveryStatus::dry_run;
  if (!replaceable || e.kind.empty() || e.kind != l.kind || e.topic != l.topic) return false;
  return !l.topic.empty() || e.recipients == recipients;
}

std::string held_text(const std::string& reason) {
  return "не отправлялось: " + reason + "; письмо ждёт команды metodmon send";
}

std::optional<std::string> bad_address(const std::string& recipients) {
  for (const auto& r : split_commas(recipients)) {
    if (!model::is_valid_email(r)) return r;
  }
  if (recipients.empty()) return std::string{};
  return std::nullopt;
}

std::optional<std::string> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string message_key(const MailMessage& m) {
  util::Sha256 h;
  const auto field = [&](std::string_view s) {
    h.update(std::to_string(s.size()) + ":");  // length-prefixed: no ambiguity between fields
    h.update(s);
  };
  for (const auto& r : m.envelope_recipients()) field(r);
  field(m.subject);
  field(m.body);
  for (const auto& a : m.attachments) {
    field(a.file_name);
    field(a.bytes);
  }
  return util::to_hex(h.finish());
}

std::string figures_file_name(const std::string& eml_file) {
  const auto stem = eml_file.ends_with(".eml") ? eml_file.substr(0, eml_file.size() - 4) : eml_file;
  return stem + ".figures.tsv";
}

Outbox::Outbox(fs::path root) : m_root(std::move(root)) {}

fs::path Outbox::period_dir(std::string_view period) const {
  std::string safe(period);
  std::replace(safe.begin(), safe.end(), '/', '_');
  return m_root / safe;
}

std::vector<std::string> Outbox::periods() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(m_root, ec)) {
    if (e.is_directory(ec) && fs::exists(e.path() / k_journal, ec)) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

model::Expected<std::vector<JournalEntry>> Outbox::journal(std::string_view period) const {
  const auto path = period_dir(period) / k_journal;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::vector<JournalEntry>{};
  const auto text = read_bytes(path);
  if (!text) {
    return std::unexpected(model::Diagnostic::error({path.string(), {}, {}, {}, {}},
                                                    "не удалось прочитать журнал отправки",
                                                    "проверьте права доступа к папке outbox"));
  }
  return parse_journal(*text, path.string());
}

model::Expected<void> Outbox::save(std::string_view period, const std::vector<JournalEntry>& entries) const {
  return util::write_file_atomic(period_dir(period) / k_journal, format_journal(entries));
}

void Outbox::send_entry(std::string_view period, JournalEntry& entry, Courier& courier) const {
  entry.updated = local_now(m_clock);
  if (const auto bad = bad_address(entry.recipients)) {
    entry.status = DeliveryStatus::invalid;
    entry.last_error = "неверный адрес получателя «" + header_safe(*bad) + "»: письмо не отправляется; "
                       "исправьте адрес в реестре школ или в настройках почты";
    return;
  }
  const auto eml = read_bytes(period_dir(period) / entry.eml_file);
  if (!eml) {
    entry.status = DeliveryStatus::failed;
    entry.last_error = "файл письма " + entry.eml_file + " не найден в папке outbox";
    return;
  }
  const auto result = courier.send(split_commas(entry.recipients), *eml);
  entry.attempts += result.attempts;
  entry.status = result.sent ? DeliveryStatus::sent : DeliveryStatus::failed;
  entry.last_error = result.sent ? std::string{} : result.error;
}

model::Expected<Revision> Outbox::revision(std::string_view period, const Letter& letter) const {
  const auto entries = journal(period);
  if (!entries) return std::unexpected(entries.error());
  const auto recipients = join(letter.message.envelope_recipients(), ",");
  Revision r;
  for (auto it = entries->rbegin(); it != entries->rend(); ++it) {
    if (it->status != DeliveryStatus::sent || !same_letter(*it, letter, recipients)) continue;
    r.sent_before = true;
    r.sent_on = it->updated;
    if (letter.figures.empty() || it->figures == figures_digest(letter.figures)) return r;
    const auto file = period_dir(period) / figures_file_name(it->eml_file);
    const auto text = read_bytes(file);
    auto before = parse_figures(text.value_or(""), file.string());
    if (!before) return std::unexpected(before.error());
    r.changes = compare_figures(*before, letter.figures);
    return r;
  }
  return r;
}

model::Expected<Delivery> Outbox::deliver(std::string_view period, Letter letter, Courier& courier) {
  auto entries = journal(period);
  if (!entries) return std::unexpected(entries.error());
  const auto recipients_list = letter.message.envelope_recipients();
  const auto recipients = join(recipients_list, ",");
  const auto key = message_key(letter.message);
  const auto digest = figures_digest(letter.figures);

  Delivery result;
  for (auto& e : *entries) {
    if (replaces(e, letter, recipients, courier.mode())) {
      e.status = DeliveryStatus::superseded;
      e.updated = local_now(m_clock);
      ++result.superseded;
    }
  }
  // Rule 2: the same letter was already delivered (compared with the latest
  // delivered version only: after A, B a return to A is a change again).
  const JournalEntry* delivered = nullptr;
  for (auto it = entries->rbegin(); it != entries->rend() && delivered == nullptr; ++it) {
    const bool legacy_same = it->kind.empty() && it->key == key;  // journals without kinds
    if (it->status == DeliveryStatus::sent && (same_letter(*it, letter, recipients) || legacy_same)) {
      delivered = &*it;
    }
  }
  if (delivered != nullptr && ((digest.empty() || delivered->kind.empty()) ? delivered->key == key
                                                                            : delivered->figures == digest)) {
    result.entry = *delivered;
    result.unchanged = true;
    if (result.superseded > 0) {
      if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
    }
    return result;
  }

  JournalEntry e;
  e.number = 1;
  for (const auto& old : *entries) e.number = std::max(e.number, old.number + 1);
  e.recipients = recipients;
  e.subject = letter.message.subject;
  std::vector<std::string> names;
  for (const auto& a : letter.message.attachments) names.push_back(a.file_name);
  e.attachments = join(names, "; ");
  char nn[16];
  std::snprintf(nn, sizeof nn, "%02d", e.number);
  e.eml_file = std::string(nn) + "_" + safe_recipient(recipients_list.empty() ? "" : recipients_list.front()) + ".eml";
  e.key = key;
  e.kind = letter.kind;
  e.topic = letter.topic;
  e.figures = digest;
  e.updated = local_now(m_clock);
  e.status = courier.mode() == Courier::Mode::dry_run ? DeliveryStatus::dry_run : DeliveryStatus::pending;
  if (auto ok = check_message(letter.message); !ok) {
    e.status = DeliveryStatus::invalid;  // kept on disk for the methodist, never sent
    e.last_error = model::to_string(ok.error());
  }

  if (m_clock != 0 && letter.message.date == 0) letter.message.date = m_clock;
  letter.message.fix_identity();  // the file on disk is byte for byte what is sent
  const auto dir = period_dir(period);
  if (auto written = util::write_file_atomic(dir / e.eml_file, letter.message.to_eml()); !written) {
    return std::unexpected(written.error());
  }
  if (!letter.figures.empty()) {
    const auto figures = format_figures(letter.figures);
    if (auto written = util::write_file_atomic(dir / figures_file_name(e.eml_file), figures); !written) {
      return std::unexpected(written.error());
    }
  }
  entries->push_back(e);
  if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
  auto& added = entries->back();
  if (added.status == DeliveryStatus::pending) {
    if (const auto why = courier.held_reason()) {
      added.last_error = held_text(*why);
    } else {
      send_entry(period, added, courier);
    }
    if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
  }
  result.entry = added;
  return result;
}

model::Expected<std::vector<JournalEntry>> Outbox::resend_pending(std::string_view period, Courier& courier,
                                                                  bool include_dry_run) {
  auto entries = journal(period);
  if (!entries) return std::unexpected(entries.error());
  std::vector<JournalEntry> tried;
  bool held = false;
  for (auto& e : *entries) {
    const bool wanted = is_waiting(e.status) || (include_dry_run && e.status == DeliveryStatus::dry_run);
    if (!wanted) continue;
    if (const auto why = courier.held_reason(); why && !bad_address(e.recipients)) {
      e.last_error = held_text(*why);  // it waits; bad addresses below are still marked
      held = true;
      continue;
    }
    send_entry(period, e, courier);
    // Save after every letter: a stop in the middle loses at most one status.
    if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
    tried.push_back(e);
  }
  if (held) {
    if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
  }
  return tried;
}

}  // namespace mail
