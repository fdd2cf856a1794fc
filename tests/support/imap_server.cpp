#include "support/imap_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace test {

namespace fs = std::filesystem;

namespace {

struct Accounts {
  std::string internal, login;  // Dovecot's internal and login users
  uid_t mail_uid;
  gid_t mail_gid;
};

// As root, Dovecot refuses to run its login processes or mail as root.
Accounts accounts() {
  if (::geteuid() == 0) {
    const passwd* dovecot = ::getpwnam("dovecot");
    if (dovecot != nullptr) return {"dovecot", "dovenull", dovecot->pw_uid, dovecot->pw_gid};
  }
  const passwd* me = ::getpwuid(::geteuid());
  const std::string name = me != nullptr ? me->pw_name : "nobody";
  return {name, name, ::geteuid(), ::getegid()};
}

bool accepts(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(s);
  return ok;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

ImapServer::ImapServer(fs::path folder, std::string user, std::string password)
    : m_folder(std::move(folder)), m_user(std::move(user)), m_password(std::move(password)) {
  fs::create_directories(m_folder / "home");
  m_cert = make_test_cert(m_folder, "imap");
  if (!m_cert.ok()) return;
  const auto who = accounts();
  // Dovecot's unprivileged processes must reach the files inside.
  for (auto p = m_folder; !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (p == fs::temp_directory_path()) break;
    fs::permissions(p, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec |
                           fs::perms::group_read | fs::perms::others_read);
  }
  if (::chown((m_folder / "home").c_str(), who.mail_uid, who.mail_gid) != 0) {
    ADD_FAILURE() << "cannot hand " << m_folder / "home" << " to the mail user";
  }
  {
    std::ofstream passwd(m_folder / "passwd");
    passwd << m_user << ":{PLAIN}" << m_password << "::::::\n";
  }
  m_imaps_port = free_port();
  // free_port() closes its probe socket, so two calls can return the same
  // port; Dovecot then refuses its configuration ("duplicate listener").
  do m_imap_port = free_port(); while (m_imap_port == m_imaps_port);
  const auto dir = m_folder.string();
  std::ofstream conf(m_folder / "dovecot.conf");
  conf << "base_dir = " << dir << "/run\n"
       << "state_dir = " << dir << "/state\n"
       << "log_path = " << dir << "/dovecot.log\n"
       << "protocols = imap\nlisten = 127.0.0.1\n"
       << "ssl = required\nssl_cert = <" << m_cert.cert.string() << "\nssl_key = <" << m_cert.key.string() << "\n"
       << "default_internal_user = " << who.internal << "\ndefault_login_user = " << who.login << "\n"
       << "auth_mechanisms = plain login\nauth_failure_delay = 0\n"
       << "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN " << dir << "/passwd\n}\n"
       << "userdb {\n  driver = static\n  args = uid=" << who.mail_uid << " gid=" << who.mail_gid << " home=" << dir
       << "/home/%n\n}\n"
       << "mail_location = maildir:~/Maildir\nfirst_valid_uid = 1\n"
       << "service imap-login {\n  chroot =\n"
       << "  inet_listener imap {\n    port = " << m_imap_port << "\n  }\n"
       << "  inet_listener imaps {\n    port = " << m_imaps_port << "\n    ssl = yes\n  }\n}\n"
       // No growing delay after a wrong password (a test makes one on purpose).
       << "service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n";
  conf.close();
  const auto conf_path = (m_folder / "dovecot.conf").string();
  const auto out_path = (m_folder / "dovecot.out").string();
  // Dovecot's processes outlive a killed master: as their subreaper this
  // process inherits and reaps them (stop()), instead of leaving zombies.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1);
  m_pid = ::fork();
  if (m_pid == 0) {
    ::setpgid(0, 0);  // Dovecot and all its processes: one group, stopped together
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (out >= 0) {
      ::dup2(out, STDOUT_FILENO);
      ::dup2(out, STDERR_FILENO);
    }
    ::execl("/usr/sbin/dovecot", "dovecot", "-F", "-c", conf_path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (m_pid > 0) ::setpgid(m_pid, m_pid);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!(accepts(m_imaps_port) && accepts(m_imap_port))) {
    if (std::chrono::steady_clock::now() > deadline || ::waitpid(m_pid, nullptr, WNOHANG) != 0) {
      ADD_FAILURE() << "Dovecot did not start: " << log();
      stop();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

ImapServer::~ImapServer() { stop(); }

void ImapServer::stop() {
  if (m_pid <= 0) return;
  // SIGTERM makes Dovecot wait about two seconds for its processes; the
  // test's server has nothing to save, so its whole group goes at once.
  ::kill(-m_pid, SIGKILL);
  while (::waitpid(-m_pid, nullptr, 0) > 0) {
  }
  m_pid = -1;
}

std::string ImapServer::log() const {
  return read_file(m_folder / "dovecot.out") + read_file(m_folder / "dovecot.log");
}

std::string ImapServer::python(const std::vector<std::string>& args) const {
  std::string cmd = "/usr/bin/python3 " + shell_quote((source_dir() / "tests/support/imap_mail.py").string()) +
                    " " + std::to_string(m_imaps_port) + " " + shell_quote(m_user) + " " +
                    shell_quote(m_password) + " " + shell_quote(m_cert.cert.string());
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote((m_folder / "imap_mail.err").string());
  std::string out;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << cmd;
    return out;
  }
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (::pclose(pipe) != 0) {
    ADD_FAILURE() << "imap_mail.py failed: " << read_file(m_folder / "imap_mail.err");
  }
  return out;
}

void ImapServer::append(std::string_view folder, std::string_view spec_json) const {
  static int count = 0;
  const auto spec = m_folder / ("spec-" + std::to_string(count++) + ".json");
  std::ofstream(spec, std::ios::binary) << spec_json;
  python({"append", std::string(folder), spec.string()});
}

std::vector<MailboxEntry> ImapServer::list(std::string_view folder) const {
  std::vector<MailboxEntry> out;
  std::istringstream lines(python({"list", std::string(folder)}));
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    MailboxEntry e;
    std::string uid;
    std::getline(fields, uid, '\t');
    std::getline(fields, e.flags, '\t');
    std::getline(fields, e.message_id);
    e.uid = static_cast<unsigned>(std::stoul(uid));
    out.push_back(e);
  }
  return out;
}

void ImapServer::unflag(std::string_view folder, std::string_view keyword) const {
  python({"unflag", std::string(folder), std::string(keyword)});
}

std::vector<std::string> ImapServer::folders() const {
  std::vector<std::string> out;
  std::istringstream lines(python({"folders"}));
  std::string line;
  while (std::getline(lines, line)) out.push_back(line);
  return out;
}

std::vector<std::string> build_letters(const fs::path& work_dir, std::string_view spec_json) {
  fs::create_directories(work_dir);
  std::ofstream(work_dir / "spec.json", std::ios::binary) << spec_json;
  const std::string cmd = "/usr/bin/python3 " + shell_quote((source_dir() / "tests/support/imap_mail.py").string()) +
                          " build " + shell_quote((work_dir / "spec.json").string()) + " " +
                          shell_quote(work_dir.string()) + " 2>" + shell_quote((work_dir / "build.err").string());
  if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "imap_mail.py build: " << read_file(work_dir / "build.err");
  std::vector<std::string> out;
  for (int i = 0; fs::exists(work_dir / (std::to_string(i) + ".eml")); ++i) {
    out.push_back(read_file(work_dir / (std::to_string(i) + ".eml")));
  }
  return out;
}

}  // namespace test
