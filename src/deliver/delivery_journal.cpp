#include "deliver/delivery_journal.h"

#include <array>
#include <charconv>
#include <optional>

namespace deliver {

namespace {

constexpr const char* k_header =
    "number\trecipients\tsubject\tattachments\teml_file\tkey\tstatus\tattempts\tlast_error\tupdated";
constexpr std::size_t k_columns = 10;

constexpr std::array<std::pair<DeliveryStatus, const char*>, 4> k_status_keys = {{
    {DeliveryStatus::pending, "pending"},
    {DeliveryStatus::sent, "sent"},
    {DeliveryStatus::failed, "failed"},
    {DeliveryStatus::dry_run, "dry-run"},
}};

std::string escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char n = s[++i];
    out += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
  }
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

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
  }
  return "ожидает отправки";
}

std::string format_journal(const std::vector<JournalEntry>& entries) {
  std::string out = std::string(k_header) + "\n";
  for (const auto& e : entries) {
    out += std::to_string(e.number) + "\t" + escape(e.recipients) + "\t" + escape(e.subject) + "\t" +
           escape(e.attachments) + "\t" + escape(e.eml_file) + "\t" + escape(e.key) + "\t" +
           status_key(e.status) + "\t" + std::to_string(e.attempts) + "\t" + escape(e.last_error) +
           "\t" + escape(e.updated) + "\n";
  }
  return out;
}

model::Expected<std::vector<JournalEntry>> parse_journal(std::string_view text,
                                                         const std::string& file_name) {
  std::vector<JournalEntry> entries;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (line_no == 1 || line.empty()) continue;  // header
    const auto cols = split_tabs(line);
    auto bad = [&](std::string what) {
      return std::unexpected(model::Diagnostic::error(
          {file_name, {}, {}, line_no, {}}, "журнал отправки повреждён: " + what,
          "восстановите файл из резервной копии или удалите строку; письма лежат рядом в .eml",
          std::string(line)));
    };
    if (cols.size() != k_columns) return bad("ожидалось 10 столбцов, найдено " + std::to_string(cols.size()));
    JournalEntry e;
    const auto number = to_int(cols[0]);
    const auto attempts = to_int(cols[7]);
    if (!number || !attempts) return bad("номер или число попыток не число");
    e.number = *number;
    e.attempts = *attempts;
    e.recipients = unescape(cols[1]);
    e.subject = unescape(cols[2]);
    e.attachments = unescape(cols[3]);
    e.eml_file = unescape(cols[4]);
    e.key = unescape(cols[5]);
    bool known = false;
    for (const auto& [status, key] : k_status_keys) {
      if (cols[6] == key) {
        e.status = status;
        known = true;
      }
    }
    if (!known) return bad("неизвестное состояние «" + std::string(cols[6]) + "»");
    e.last_error = unescape(cols[8]);
    e.updated = unescape(cols[9]);
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace deliver
