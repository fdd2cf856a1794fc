#include "mail/mail_message.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <random>

#include "model/email_address.h"
#include "util/ascii.h"
#include "util/base64.h"

namespace mail {

namespace {

std::string random_hex(std::size_t bytes) {
  static thread_local std::mt19937_64 gen{std::random_device{}()};
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned>(gen() & 0xFF));
    out += buf;
  }
  return out;
}

// Text bodies are canonical CRLF text (RFC 2045 section 6.8) before base64.
std::string crlf_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') out += '\r';
    out += text[i];
  }
  return out;
}

std::string address_list(const std::vector<MailAddress>& list) {
  std::string out;
  for (const auto& a : list) {
    if (!out.empty()) out += ",\r\n ";
    out += format_address(a);
  }
  return out;
}

std::string text_part_headers() {
  return "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n";
}

}  // namespace

std::string rfc5322_date(std::int64_t seconds) {
  static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  const long offset_min = tm.tm_gmtoff / 60;
  const long abs_min = offset_min < 0 ? -offset_min : offset_min;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", k_days[tm.tm_wday],
                tm.tm_mday, k_months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
                offset_min < 0 ? '-' : '+', abs_min / 60, abs_min % 60);
  return buf;
}

std::string content_type_for(std::string_view file_name) {
  const auto name = util::lower_ascii(file_name);
  auto ends = [&](std::string_view tail) { return name.ends_with(tail); };
  if (ends(".xlsx")) return k_xlsx_type;
  if (ends(".xls")) return "application/vnd.ms-excel";
  if (ends(".pdf")) return "application/pdf";
  if (ends(".csv")) return "text/csv; charset=utf-8";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void MailMessage::fix_identity() {
  if (date == 0) date = static_cast<std::int64_t>(std::time(nullptr));
  if (message_id.empty()) {
    static std::atomic<unsigned> counter{0};
    const auto at = from.address.rfind('@');
    const auto domain = at == std::string::npos ? std::string("metodmon.local") : from.address.substr(at + 1);
    message_id = std::to_string(date) + "." + std::to_string(::getpid()) + "." +
                 std::to_string(counter++) + "." + random_hex(6) + "@" + header_safe(domain);
  }
}

std::vector<std::string> MailMessage::envelope_recipients() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& a) {
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  };
  for (const auto& a : to) add(a.address);
  for (const auto& a : cc) add(a.address);
  for (const auto& a : bcc) add(a);
  return out;
}

std::string MailMessage::to_eml() const {
  MailMessage m = *this;
  m.fix_identity();
  std::string out;
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "From: " + format_address(m.from) + "\r\n";
  if (!m.reply_to.empty()) out += "Reply-To: " + address_list(m.reply_to) + "\r\n";
  out += "To: " + address_list(m.to) + "\r\n";
  if (!m.cc.empty()) out += "Cc: " + address_list(m.cc) + "\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "Message-ID: <" + header_safe(m.message_id) + ">\r\n";
  if (!m.in_reply_to.empty()) {
    out += "In-Reply-To: <" + header_safe(m.in_reply_to) + ">\r\n";
    out += "References: <" + header_safe(m.in_reply_to) + ">\r\n";
  }
  if (m.auto_reply) out += "Auto-Submitted: auto-replied\r\n";  // RFC 3834: no answer to an answer
  out += "MIME-Version: 1.0\r\n";
  out += "X-Mailer: metodmon\r\n";
  const auto text_body = util::base64_encode_lines(crlf_text(m.body)) + "\r\n";
  if (m.attachments.empty()) {
    out += text_part_headers() + "\r\n" + text_body;
    return out;
  }
  const auto boundary = "=_metodmon_" + random_hex(12);
  out += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a multipart message in MIME format.\r\n";
  out += "--" + boundary + "\r\n" + text_part_headers() + "\r\n" + text_body;
  for (const auto& a : m.attachments) {
    const auto type = a.content_type.empty() ? content_type_for(a.file_name) : header_safe(a.content_type);
    out += "--" + boundary + "\r\n";
    // Encoded words inside quotes are not RFC 2047, but Outlook reads name= only
    // this way; kept on one line because folding inside quotes confuses parsers.
    auto legacy_name = encode_header_text(a.file_name);
    for (auto pos = legacy_name.find("\r\n "); pos != std::string::npos; pos = legacy_name.find("\r\n ")) {
      legacy_name.replace(pos, 3, " ");
    }
    out += "Content-Type: " + type + ";\r\n name=\"" + legacy_name + "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment;\r\n " + filename_parameter(a.file_name) + "\r\n\r\n";
    out += util::base64_encode_lines(a.bytes) + "\r\n";
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

model::Expected<void> check_message(const MailMessage& m) {
  auto bad = [](std::string message, std::string found, std::string hint) {
    return std::unexpected(
        model::Diagnostic::error({}, std::move(message), std::move(hint), std::move(found)));
  };
  const std::string fix = "исправьте адрес в реестре школ или в настройках почты";
  if (!model::is_valid_email(m.from.address)) return bad("неверный адрес отправителя", m.from.address, fix);
  for (const auto& a : m.reply_to) {
    if (!model::is_valid_email(a.address)) return bad("неверный адрес для ответа (Reply-To)", a.address, fix);
  }
  if (m.envelope_recipients().empty()) {
    return bad("у письма нет получателя", m.subject, "укажите адрес школы в реестре");
  }
  for (const auto& a : m.to) {
    if (!model::is_valid_email(a.address)) return bad("неверный адрес получателя", a.address, fix);
  }
  for (const auto& a : m.cc) {
    if (!model::is_valid_email(a.address)) return bad("неверный адрес получателя копии", a.address, fix);
  }
  for (const auto& a : m.bcc) {
    if (!model::is_valid_email(a)) return bad("неверный адрес скрытой копии", a, fix);
  }
  if (m.subject.empty()) return bad("у письма нет темы", {}, "ошибка программы: сообщите разработчикам");
  for (const auto& a : m.attachments) {
    if (a.file_name.empty()) return bad("у вложения нет имени файла", {}, "ошибка программы: сообщите разработчикам");
  }
  return {};
}

}  // namespace mail
