// A real SMTP server for tests: runs tests/support/smtp_sink.py (aiosmtpd,
// under /usr/bin/python3) on 127.0.0.1 and reads back what it received,
// decoded by Python's email package (independent of metodmon's MIME code).
//
//   test::TempDir dir;
//   test::SmtpServer server(dir / "received");
//   ASSERT_GT(server.port(), 0);
//   ... send to 127.0.0.1:server.port() ...
//   const auto mails = server.wait_for(1);
//   EXPECT_EQ(mails[0].subject, "Итоги мониторинга");
//
// The server is stopped (SIGTERM, then waited for) in the destructor.
#pragma once

#include "mail/mailer.h"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace test {

struct SmtpSinkOptions {
  int port = 0;             // 0: any free port
  int fail_first = 0;       // answer 451 to the first N DATA commands
  std::string reject_rcpt;  // answer 550 to RCPT TO of this address
  std::string auth;         // "user:password": require AUTH
  // TLS: "" clear text only; "starttls": offer STARTTLS and require it before
  // MAIL FROM and AUTH; "smtps": TLS from the first byte. Both need cert/key
  // (PEM files, e.g. from test::make_test_cert()); AUTH is then accepted only
  // over TLS.
  std::string tls_mode;
  std::filesystem::path cert, key;
  // Misbehaving servers (timeouts, lost connections):
  bool stall_greeting = false;  // accept connections, never send the 220 greeting
  int stall_data_from = -1;     // from this DATA on (0-based): store the message, never answer
  int drop_data_from = -1;      // from this DATA on: close the connection, store nothing
  int delay_data_ms = 0;        // wait this long before answering each DATA
};

struct ReceivedMail {
  std::filesystem::path dir;
  std::string eml;                      // raw DATA bytes
  std::string mail_from;                // envelope
  std::vector<std::string> rcpt_to;     // envelope
  std::string subject;                  // decoded
  std::vector<std::string> from, to, cc, reply_to;  // decoded "Name <addr>" or "addr"
  std::string body;                     // decoded text/plain
  std::vector<std::pair<std::string, std::string>> attachments;  // decoded name, bytes
  std::string defects;                  // Python email defects; empty when clean
  std::string tls;                      // TLS version it came over ("TLSv1.3"); empty: clear text
};

class SmtpServer {
 public:
  explicit SmtpServer(std::filesystem::path folder, SmtpSinkOptions options = {});
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return m_port; }  // 0 when the server did not start
  // Messages received so far, in order.
  std::vector<ReceivedMail> received() const;
  // Waits until at least `count` messages are there (or the timeout passes).
  std::vector<ReceivedMail> wait_for(std::size_t count,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  void stop();
  // Connections accepted so far.
  int connections() const;
  // Every command line the server received, as Python's repr of the bytes
  // (b'RCPT TO:<a@b.ru>'), in order.
  std::vector<std::string> commands() const;

 private:
  std::filesystem::path m_folder;
  pid_t m_pid = -1;
  int m_port = 0;
};

// A loopback port nobody listens on right now (bound, then closed).
int free_port();

// Mail settings for the sink on 127.0.0.1:`port`: no TLS, no AUTH, one retry
// after 10 ms, short timeouts. Tests change what they are about.
mail::MailConfig loopback_mail_config(int port);

// Decodes an .eml file with the same Python code the server uses; the
// decoded parts go to `work_dir` (created). Envelope fields stay empty.
ReceivedMail decode_eml(const std::filesystem::path& eml_file, const std::filesystem::path& work_dir);

}  // namespace test
