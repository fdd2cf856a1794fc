#include "mail/delivery_journal.h"

#include <array>
#include <optional>

#include "mail/tsv_text.h"
#include "util/whole_number.h"

namespace mail {

namespace {

constexpr const char* k_header =
    "number\trecipients\tsubject\tattachments\teml_file\tkey\tstatus\tattempts\tlast_error\tupdated"
    "\tkind\ttopic\tfigures";
constexpr std::size_t k_columns = 13;
constexpr std::size_t k_legacy_columns = 10;

constexpr std::array<std::pair<DeliveryStatus, const char*>, 6> k_status_keys = {{
    {DeliveryStatus::pending, "pending"},
    {DeliveryStatus::sent, "sent"},
    {DeliveryStatus::failed, "failed"},
    {DeliveryStatus::dry_run, "dry-run"},
    {DeliveryStatus::superseded, "superseded"},
    {DeliveryStatus::invalid, "invalid"},
}};

}  // namespace

std::string status_key(DeliveryStatus s) {
  for (const auto& [status, key] : k_status_keys) {
    if (status == s) return key;
  }
  return "pending";
}

std::string status_name(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::pending: return "ожидает отправки";
    case DeliveryStatus::sent: return "отправлено";
    case DeliveryStatus::failed: return "не отправлено";
    case DeliveryStatus::dry_run: return "пробный запуск, не отправлялось";
    case DeliveryStatus::superseded: return "заменено более новым письмом, не отправлялось";
    case DeliveryStatus::invalid: return "неверный адрес, не отправляется";
  }
  return "ожидает отправки";
}

bool is_waiting(DeliveryStatus s) { return s == DeliveryStatus::pending || s == DeliveryStatus::failed; }

std::string format_journal(const std::vector<JournalEntry>& entries) {
  std::string out = std::string(k_header) + "\n";
  for (const auto& e : entries) {
    out += std::to_string(e.number) + "\t" + escape_tsv(e.recipients) + "\t" + escape_tsv(e.subject) + "\t" +
           escape_tsv(e.attachments) + "\t" + escape_tsv(e.eml_file) + "\t" + escape_tsv(e.key) + "\t" +
           status_key(e.status) + "\t" + std::to_string(e.attempts) + "\t" + escape_tsv(e.last_error) +
           "\t" + escape_tsv(e.updated) + "\t" + escape_tsv(e.kind) + "\t" + escape_tsv(e.topic) + "\t" +
           escape_tsv(e.figures) + "\n";
  }
  return out;
}

model::Expected<std::vector<JournalEntry>> parse_journal(std::string_view text,
                                                         const std::string& file_name) {
  std::vector<JournalEntry> entries;
  int line_no = 0;
  for (const auto line : split_lines(text)) {
    ++line_no;
    if (line_no == 1 || line.empty()) continue;  // header
    const auto cols = split_tsv_line(line);
    auto bad = [&](std::string what) {
      return std::unexpected(model::Diagnostic::error(
          {file_name, {}, {}, line_no, {}}, "журнал отправки повреждён: " + what,
          "восстановите файл из резервной копии или удалите строку; письма лежат рядом в .eml",
          std::string(line)));
    };
    if (cols.size() != k_columns && cols.size() != k_legacy_columns) {
      return bad("ожидалось 13 столбцов, найдено " + std::to_string(cols.size()));
    }
    JournalEntry e;
    const auto number = util::whole_number(cols[0]);
    const auto attempts = util::whole_number(cols[7]);
    if (!number || !attempts) return bad("номер или число попыток не число");
    e.number = *number;
    e.attempts = *attempts;
    e.recipients = unescape_tsv(cols[1]);
    e.subject = unescape_tsv(cols[2]);
    e.attachments = unescape_tsv(cols[3]);
    e.eml_file = unescape_tsv(cols[4]);
    e.key = unescape_tsv(cols[5]);
    bool known = false;
    for (const auto& [status, key] : k_status_keys) {
      if (cols[6] == key) {
        e.status = status;
        known = true;
      }
    }
    if (!known) return bad("неизвестное состояние «" + std::string(cols[6]) + "»");
    e.last_error = unescape_tsv(cols[8]);
    e.updated = unescape_tsv(cols[9]);
    if (cols.size() == k_columns) {
      e.kind = unescape_tsv(cols[10]);
      e.topic = unescape_tsv(cols[11]);
      e.figures = unescape_tsv(cols[12]);
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace mail
