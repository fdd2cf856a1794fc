// Sending messages through an SMTP server with libcurl.
//
// Security modes:
//   none     — smtp://host:port, no TLS (only for a relay on a trusted network);
//   starttls — smtp://host:port, then STARTTLS, required (CURLUSESSL_ALL): the
//              password never travels in clear text; usual port 587;
//   smtps    — smtps://host:port, TLS from the first byte; usual port 465.
// Certificates are verified (system CA store, or `ca_file` when given).
//
// The password comes from `password_env` or `password_file` (mode 600), as
// credentials.h says. It is never logged and never appears in any error text
// (errors are also scrubbed for it).
//
// Timeouts, so that a server that accepts the connection and then says
// nothing cannot hold a letter for long:
//   connect_timeout_ms  TCP connect plus the greeting, EHLO, STARTTLS and AUTH;
//   command_timeout_ms  the wait for any one reply (CURLOPT_SERVER_RESPONSE_TIMEOUT,
//                       e.g. the 250 after DATA), and the longest time the
//                       upload may stall (low-speed limit: under 1 byte/s);
//                       libcurl counts both in whole seconds (rounded up);
//   letter_timeout_ms   the whole attempt, attachments included (it also caps
//                       the reply wait, so it counts in whole seconds there).
// A deadline given to send() (the mail phase's budget, see courier.h) cuts
// all of them short: no attempt and no pause between attempts runs past it.
//
// Every envelope address (and From) is checked with model::is_valid_email
// before anything is sent: an address with a line break would otherwise
// become an SMTP command of its own.
//
// send() tries up to 1 + retries times, waiting backoff_ms, 2×, 4× … between
// attempts. It does not retry what cannot get better: a 5xx reply from the
// server (e.g. 550 no such mailbox, 535 bad password), a malformed URL, or a
// TLS set-up problem (certificate not trusted or for another host, no
// STARTTLS offered, unreadable ca_file). TLS failures carry a Russian reason
// first, libcurl's own text after it in brackets.
// A failure is a value (SendResult), not an error: mail never stops a run,
// and the outbox (outbox.h) keeps what was not sent for `metodmon send`.
//
// Exit code meaning for the CLI: if any message ends failed, the run
// exits 3 ("report written, some mail not sent") unless a worse code applies.
//
// Example:
//   mail::MailConfig cfg{.host = "smtp.ensk.example.ru", .port = 587,
//                           .username = "imc", .password_env = "METODMON_SMTP_PASSWORD",
//                           .from = {"ИМЦ", "imc@ensk.example.ru"}};
//   auto mailer = mail::Mailer::create(cfg);       // reads and checks the password
//   if (!mailer) return fail(mailer.error());
//   const auto r = mailer->send(message);             // r.sent, r.attempts, r.error
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/credentials.h"
#include "mail/mail_message.h"
#include "model/diagnostic.h"

namespace mail {

enum class SmtpSecurity { none, starttls, smtps };

struct MailConfig {
  std::string host;
  int port = 587;
  SmtpSecurity security = SmtpSecurity::starttls;
  std::string username;                 // empty: no AUTH
  std::string password_env;             // name of the variable holding the password
  std::filesystem::path password_file;  // or a file, mode 600; used when password_env is empty
  MailAddress from;                     // sender shown to schools
  std::string methodist;                // the methodist's own address (summary, copies)
  int retries = 3;                      // extra attempts after the first failure
  int backoff_ms = 1000;                // first wait; doubles each time
  int connect_timeout_ms = 30'000;      // libcurl counts greeting, EHLO, STARTTLS, AUTH in it
  int command_timeout_ms = 60'000;      // one reply, or a stalled upload (whole seconds in libcurl)
  int letter_timeout_ms = 300'000;      // whole attempt, attachments included
  std::filesystem::path ca_file;        // empty: the system's CA store
};

struct SendResult {
  bool sent = false;
  int attempts = 0;      // how many times the server was tried
  std::string error;     // Russian text for the report and the journal; empty when sent
  long smtp_code = 0;    // last SMTP reply code seen (0: no reply)
  bool permanent = false;  // refused for good (5xx, bad message): retrying later will not help
  // The failure says the server (or the way to it) is not working — no
  // connection, a timeout, a dropped connection, TLS or login refused — as
  // opposed to a refusal of this one letter (550 no such user, a bad address).
  bool server_fault = false;
};

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// load_password() of credentials.h for the [mail] section.
model::Expected<std::string> load_password(const MailConfig& config);

// "smtp://host:587" / "smtps://host:465".
std::string smtp_url(const MailConfig& config);

class Mailer {
 public:
  // Checks the config (host, port, from address) and loads the password.
  static model::Expected<Mailer> create(MailConfig config);

  // Sends `eml` (CRLF text, as MailMessage::to_eml()) to `recipients`
  // (envelope addresses), with retries, within `deadline` when given. An
  // invalid recipient fails at once (permanent, nothing sent). Never throws.
  SendResult send(const std::vector<std::string>& recipients, std::string_view eml,
                  Deadline deadline = {}) const;
  // check_message(), then send(envelope_recipients(), to_eml()).
  SendResult send(const MailMessage& message) const;

  // Does the server take us? Connects, EHLO, STARTTLS (as configured), logs
  // in, NOOP, QUIT: one attempt within connect_timeout_ms +
  // command_timeout_ms, no letter, no envelope. The Russian reason (as in
  // SendResult::error, without the password) when it does not.
  std::expected<void, std::string> probe() const;

  const MailConfig& config() const { return m_config; }

 private:
  Mailer(MailConfig config, std::string password);
  SendResult attempt(const std::vector<std::string>& recipients, std::string_view eml, long timeout_ms) const;
  // The connection's options common to attempt() and probe(): URL, TLS, CA,
  // login, timeouts.
  void set_connection(void* curl, char* errbuf, long timeout_ms) const;
  std::string scrub(std::string text) const;

  MailConfig m_config;
  std::string m_password;
};

}  // namespace mail
