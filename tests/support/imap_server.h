// A real IMAP server for tests: Debian's Dovecot (dovecot-imapd), started in
// the foreground on 127.0.0.1 with its own configuration, state and maildir
// in a test folder, no system service involved. Letters are built and
// appended, and the mailbox is looked at again, by tests/support/imap_mail.py
// (Python's email package and imaplib, independent of metodmon's code).
//
//   test::TempDir dir;
//   test::ImapServer server(dir / "imap");
//   ASSERT_TRUE(server.running()) << server.log();
//   server.append("INBOX", R"([{"subject": "Форма", "attachments": [...]}])");
//   ... collect from 127.0.0.1:server.imaps_port() with ca_file = server.cert() ...
//   EXPECT_EQ(server.list("INBOX")[0].flags, "\\Seen $MetodmonProcessed");
//
// TLS: the self-signed certificate of test::make_test_cert (CN=localhost,
// IP 127.0.0.1); implicit TLS on imaps_port(), STARTTLS required on
// imap_port() (no login in clear text). One user with a password (PLAIN).
// Run as root, Dovecot's login processes use the system users dovenull and
// dovecot (from the dovecot-core package) and the mail belongs to dovecot;
// run as anyone else, everything runs as that user.
// The server (its process group) is killed in the destructor.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_cert.h"

namespace test {

struct MailboxEntry {
  unsigned uid = 0;
  std::string flags;       // as the server lists them: "\\Seen $MetodmonProcessed"
  std::string message_id;  // with angle brackets
};

class ImapServer {
 public:
  explicit ImapServer(std::filesystem::path folder, std::string user = "imc@ensk.example.ru",
                      std::string password = "секрет-imap");
  ~ImapServer();
  ImapServer(const ImapServer&) = delete;
  ImapServer& operator=(const ImapServer&) = delete;

  bool running() const { return m_pid > 0; }
  int imaps_port() const { return m_imaps_port; }
  int imap_port() const { return m_imap_port; }
  const std::string& user() const { return m_user; }
  const std::string& password() const { return m_password; }
  const std::filesystem::path& cert() const { return m_cert.cert; }
  std::string log() const;  // Dovecot's own log, for failure messages

  // Appends the letters of `spec_json` (see imap_mail.py) to `folder`.
  // A failure is a gtest failure.
  void append(std::string_view folder, std::string_view spec_json) const;
  // The letters in `folder`, by UID; empty when the folder does not exist.
  std::vector<MailboxEntry> list(std::string_view folder) const;
  // Removes `keyword` from every letter in `folder` (a user, or a run that
  // crashed before marking).
  void unflag(std::string_view folder, std::string_view keyword) const;
  // Folder names, decoded from modified UTF-7 by Python.
  std::vector<std::string> folders() const;
  void stop();

 private:
  std::string python(const std::vector<std::string>& args) const;

  std::filesystem::path m_folder;
  std::string m_user, m_password;
  TestCert m_cert;
  pid_t m_pid = -1;
  int m_imaps_port = 0;
  int m_imap_port = 0;
};

// The letters of `spec_json` (see imap_mail.py) as RFC 5322 bytes, built by
// Python's email package in `work_dir` (created), without any server.
std::vector<std::string> build_letters(const std::filesystem::path& work_dir, std::string_view spec_json);

}  // namespace test
