#include "deliver/outbox.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/sha256.h"

namespace deliver {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_journal = "journal.tsv";

std::string local_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
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

Outbox::Outbox(fs::path root) : m_root(std::move(root)) {}

fs::path Outbox::period_dir(std::string_view period) const {
  std::string safe(period);
  std::replace(safe.begin(), safe.end(), '/', '_');
  return m_root / safe;
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

void Outbox::send_entry(std::string_view period, JournalEntry& entry, const Mailer& mailer) const {
  entry.updated = local_now();
  const auto eml = read_bytes(period_dir(period) / entry.eml_file);
  if (!eml) {
    entry.status = DeliveryStatus::failed;
    entry.last_error = "файл письма " + entry.eml_file + " не найден в папке outbox";
    return;
  }
  const auto result = mailer.send(split_commas(entry.recipients), *eml);
  entry.attempts += result.attempts;
  entry.status = result.sent ? DeliveryStatus::sent : DeliveryStatus::failed;
  entry.last_error = result.sent ? std::string{} : result.error;
}

model::Expected<Delivery> Outbox::deliver(std::string_view period, MailMessage message,
                                          const Mailer* mailer) {
  auto entries = journal(period);
  if (!entries) return std::unexpected(entries.error());
  const auto key = message_key(message);
  auto it = std::find_if(entries->begin(), entries->end(), [&](const JournalEntry& e) { return e.key == key; });
  if (it != entries->end()) {
    // The same letter was written before (a re-run): never send it twice,
    // but do send it now if it was not delivered and this is a real run.
    if (it->status == DeliveryStatus::sent || mailer == nullptr) return Delivery{*it, true};
    send_entry(period, *it, *mailer);
    const auto entry = *it;
    if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
    return Delivery{entry, true};
  }

  JournalEntry e;
  e.number = 1;
  for (const auto& old : *entries) e.number = std::max(e.number, old.number + 1);
  const auto recipients = message.envelope_recipients();
  e.recipients = join(recipients, ",");
  e.subject = message.subject;
  std::vector<std::string> names;
  for (const auto& a : message.attachments) names.push_back(a.file_name);
  e.attachments = join(names, "; ");
  char nn[16];
  std::snprintf(nn, sizeof nn, "%02d", e.number);
  e.eml_file = std::string(nn) + "_" + safe_recipient(recipients.empty() ? "" : recipients.front()) + ".eml";
  e.key = key;
  e.updated = local_now();
  e.status = mailer ? DeliveryStatus::pending : DeliveryStatus::dry_run;
  if (auto ok = check_message(message); !ok) {
    e.status = DeliveryStatus::failed;  // kept on disk for the methodist, never sent
    e.last_error = model::to_string(ok.error());
  }

  message.fix_identity();  // the file on disk is byte for byte what is sent
  if (auto written = util::write_file_atomic(period_dir(period) / e.eml_file, message.to_eml()); !written) {
    return std::unexpected(written.error());
  }
  entries->push_back(e);
  if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
  if (mailer == nullptr || e.status == DeliveryStatus::failed) return Delivery{e, false};

  send_entry(period, entries->back(), *mailer);
  if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
  return Delivery{entries->back(), false};
}

model::Expected<std::vector<JournalEntry>> Outbox::resend_pending(std::string_view period,
                                                                  const Mailer& mailer,
                                                                  bool include_dry_run) {
  auto entries = journal(period);
  if (!entries) return std::unexpected(entries.error());
  std::vector<JournalEntry> tried;
  for (auto& e : *entries) {
    const bool wanted = e.status == DeliveryStatus::pending || e.status == DeliveryStatus::failed ||
                        (include_dry_run && e.status == DeliveryStatus::dry_run);
    if (!wanted) continue;
    send_entry(period, e, mailer);
    // Save after every message: a kill in the middle loses at most one status.
    if (auto saved = save(period, *entries); !saved) return std::unexpected(saved.error());
    tried.push_back(e);
  }
  return tried;
}

}  // namespace deliver
