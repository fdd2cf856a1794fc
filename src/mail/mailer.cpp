#include "mail/mailer.h"

#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

#include "mail/curl_support.h"
#include "model/email_address.h"

namespace mail {

namespace {

struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistFree>;

struct Upload {
  std::string_view data;
  std::size_t pos = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const auto n = std::min(size * count, up->data.size() - up->pos);
  std::memcpy(buffer, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

model::Diagnostic config_error(std::string message, std::string hint, std::string key = {}) {
  model::Diagnostic d = model::Diagnostic::error({}, std::move(message), std::move(hint));
  d.where.key = std::move(key);
  return d;
}

// A 5xx reply about this letter (a recipient refused, the message refused)
// says nothing about the server; everything else does. A refused login is
// 535 but holds for every letter.
bool server_fault(CURLcode code, long smtp_code) {
  if (code == CURLE_LOGIN_DENIED) return true;
  return !(smtp_code >= 500 && smtp_code < 600);
}

long whole_seconds(long ms) { return std::max(1L, (ms + 999) / 1000); }

bool permanent_failure(CURLcode code, long smtp_code) {
  if (smtp_code >= 500 && smtp_code < 600) return true;
  // A certificate that does not verify, a server without STARTTLS or an
  // unreadable ca_file are set-up problems: trying again seconds later only
  // delays the run. They stay in the outbox for `metodmon send` once fixed.
  return code == CURLE_LOGIN_DENIED || code == CURLE_URL_MALFORMAT ||
         code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_NOT_BUILT_IN ||
         code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_USE_SSL_FAILED ||
         code == CURLE_SSL_CACERT_BADFILE;
}

// What a TLS failure means for the person who set up [mail], in Russian;
// empty for other failures (libcurl's own text then stands alone).
std::string tls_reason(CURLcode code, const MailConfig& config) {
  switch (code) {
    case CURLE_USE_SSL_FAILED:
      return "сервер не предлагает STARTTLS, а security = \"starttls\" не допускает отправку "
             "в открытом виде; письмо и пароль не отправлены; проверьте host и port "
             "(587 — starttls, 465 — smtps)";
    case CURLE_SSL_CONNECT_ERROR:
      return "не удалось установить TLS-соединение с сервером; проверьте, что security "
             "соответствует порту (465 — smtps, 587 — starttls)";
    default:
      return curl::tls_failure_reason(
          code, {config.host, config.ca_file, "mail", "письмо и пароль не отправлены"});
  }
}

}  // namespace

std::string smtp_url(const MailConfig& config) {
  return std::string(config.security == SmtpSecurity::smtps ? "smtps://" : "smtp://") +
         config.host + ":" + std::to_string(config.port);
}

model::Expected<std::string> load_password(const MailConfig& config) {
  return load_password(Credentials{config.username, config.password_env, config.password_file}, "mail");
}

model::Expected<Mailer> Mailer::create(MailConfig config) {
  if (config.host.empty()) {
    return std::unexpected(config_error("не указан почтовый сервер", "укажите host в разделе [mail]", "host"));
  }
  if (config.port <= 0 || config.port > 65535) {
    return std::unexpected(config_error("неверный порт почтового сервера " + std::to_string(config.port),
                                        "обычно 587 (STARTTLS) или 465 (SMTPS)", "port"));
  }
  if (!model::is_valid_email(config.from.address)) {
    return std::unexpected(config_error("неверный адрес отправителя «" + config.from.address + "»",
                                        "укажите from в разделе [mail], например imc@ensk.example.ru",
                                        "from"));
  }
  if (config.retries < 0) config.retries = 0;
  config.connect_timeout_ms = std::max(1, config.connect_timeout_ms);
  config.command_timeout_ms = std::max(1, config.command_timeout_ms);
  config.letter_timeout_ms = std::max(1, config.letter_timeout_ms);
  if (config.backoff_ms < 0) config.backoff_ms = 0;
  auto password = load_password(config);
  if (!password) return std::unexpected(password.error());
  curl::init_once();
  return Mailer(std::move(config), std::move(*password));
}

Mailer::Mailer(MailConfig config, std::string password)
    : m_config(std::move(config)), m_password(std::move(password)) {}

std::string Mailer::scrub(std::string text) const {
  if (m_password.empty()) return text;
  for (auto pos = text.find(m_password); pos != std::string::npos; pos = text.find(m_password, pos)) {
    text.replace(pos, m_password.size(), "***");
    pos += 3;
  }
  return text;
}

SendResult Mailer::send(const MailMessage& message) const {
  if (auto ok = check_message(message); !ok) {
    return {false, 0, model::to_string(ok.error()), 0, true, false};
  }
  return send(message.envelope_recipients(), message.to_eml());
}

SendResult Mailer::send(const std::vector<std::string>& recipients, std::string_view eml,
                        Deadline deadline) const {
  using Clock = std::chrono::steady_clock;
  for (const auto& r : recipients) {
    if (!model::is_valid_email(r)) {
      // header_safe: the text goes into the journal and the console on one line.
      return {false, 0, "неверный адрес получателя «" + header_safe(r) + "»: письмо не отправлено", 0, true, false};
    }
  }
  if (recipients.empty()) return {false, 0, "у письма нет получателя", 0, true, false};
  const auto left_ms = [&]() -> long {
    if (!deadline) return m_config.letter_timeout_ms;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
    return std::min<long>(m_config.letter_timeout_ms, left);
  };
  const int max_attempts = 1 + m_config.retries;
  SendResult last;
  auto wait_ms = m_config.backoff_ms;
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    last = this->attempt(recipients, eml, std::max(1L, left_ms()));
    last.attempts = attempt;
    if (last.sent) return last;
    last.error = scrub("попытка " + std::to_string(attempt) + " из " + std::to_string(max_attempts) +
                       ": " + last.error);
    if (attempt == max_attempts || last.permanent) break;
    if (left_ms() <= wait_ms) {
      last.error += "; время на рассылку истекло, больше попыток не было";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    wait_ms *= 2;
  }
  return last;
}

SendResult Mailer::attempt(const std::vector<std::string>& recipients, std::string_view eml,
                           long timeout_ms) const {
  SendResult r;
  curl::EasyPtr curl(curl_easy_init());
  if (!curl) return {false, 0, "не удалось инициализировать libcurl", 0, false, true};
  SlistPtr rcpt;
  for (const auto& a : recipients) {
    auto* grown = curl_slist_append(rcpt.get(), ("<" + a + ">").c_str());
    if (!grown) return {false, 0, "не хватает памяти", 0, false, true};
    (void)rcpt.release();
    rcpt.reset(grown);
  }
  Upload upload{eml, 0};
  char errbuf[CURL_ERROR_SIZE] = {};
  const auto url = smtp_url(m_config);
  const auto from = "<" + m_config.from.address + ">";
  CURL* c = curl.get();
  set_connection(c, errbuf, timeout_ms);
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(eml.size()));

  const CURLcode code = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.smtp_code);
  if (code == CURLE_OK) {
    r.sent = true;
    return r;
  }
  // libcurl keeps the failed connection and, when the handle is cleaned up,
  // says QUIT and waits for its answer with the response timeout once more:
  // a server that stalled after DATA would hold the letter twice
  // command_timeout_ms. The server has failed this letter; the socket is
  // shut here, so QUIT fails at once instead of waiting.
  curl_socket_t socket = CURL_SOCKET_BAD;
  if (curl_easy_getinfo(c, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK && socket != CURL_SOCKET_BAD) {
    ::shutdown(socket, SHUT_RDWR);
  }
  const auto what = curl::describe(code, errbuf);
  const auto reason = tls_reason(code, m_config);
  r.error = "не удалось отправить письмо через " + url + ": " +
            (reason.empty() ? what : reason + " (" + what + ")");
  // After a TLS failure the last reply is a success (220 to STARTTLS, 250 to EHLO): not worth citing.
  if (r.smtp_code != 0 && reason.empty()) r.error += "; ответ сервера " + std::to_string(r.smtp_code);
  r.permanent = permanent_failure(code, r.smtp_code);
  r.server_fault = server_fault(code, r.smtp_code);
  return r;
}

void Mailer::set_connection(void* curl, char* errbuf, long timeout_ms) const {
  CURL* c = static_cast<CURL*>(curl);
  const auto url = smtp_url(m_config);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   m_config.security == SmtpSecurity::none ? static_cast<long>(CURLUSESSL_NONE)
                                                           : static_cast<long>(CURLUSESSL_ALL));
  if (!m_config.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, m_config.ca_file.c_str());
  if (!m_config.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, m_config.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, m_password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min<long>(m_config.connect_timeout_ms, timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  // A server that stops answering (after DATA, say) or stops reading the upload.
  // libcurl 7.88 waits for the reply to the end of DATA with the response
  // timeout only (CURLOPT_TIMEOUT_MS does not cut that wait short), so the
  // letter's own limit caps it too.
  const long command_s = whole_seconds(std::min<long>(m_config.command_timeout_ms, timeout_ms));
  curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, command_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, command_s);
}

std::expected<void, std::string> Mailer::probe() const {
  curl::EasyPtr curl(curl_easy_init());
  if (!curl) return std::unexpected(std::string("не удалось инициализировать libcurl"));
  char errbuf[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  set_connection(c, errbuf, static_cast<long>(m_config.connect_timeout_ms) + m_config.command_timeout_ms);
  // Without an upload and a recipient libcurl sends a command instead of a
  // letter: NOOP, which every server must know (RFC 5321), after the login.
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "NOOP");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, +[](char*, std::size_t size, std::size_t count, void*) {
    return size * count;
  });
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OK) return {};
  long smtp_code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtp_code);
  const auto what = curl::describe(code, errbuf);
  const auto reason = tls_reason(code, m_config);
  std::string error = "сервер " + smtp_url(m_config) + " не принял соединение: " +
                      (reason.empty() ? what : reason + " (" + what + ")");
  if (smtp_code != 0 && reason.empty()) error += "; ответ сервера " + std::to_string(smtp_code);
  return std::unexpected(scrub(error));
}

}  // namespace mail
