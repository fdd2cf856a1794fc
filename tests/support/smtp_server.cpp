#include "support/smtp_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

namespace test {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const fs::path& p) {
  std::vector<std::string> out;
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

ReceivedMail load(const fs::path& dir) {
  ReceivedMail m;
  m.dir = dir;
  m.eml = read_file(dir / "message.eml");
  const auto envelope = lines_of(dir / "envelope.txt");
  if (!envelope.empty()) {
    m.mail_from = envelope[0];
    m.rcpt_to.assign(envelope.begin() + 1, envelope.end());
  }
  m.subject = read_file(dir / "subject.txt");
  m.from = lines_of(dir / "from.txt");
  m.to = lines_of(dir / "to.txt");
  m.cc = lines_of(dir / "cc.txt");
  m.reply_to = lines_of(dir / "reply_to.txt");
  m.body = read_file(dir / "body.txt");
  m.defects = read_file(dir / "defects.txt");
  if (fs::exists(dir / "tls.txt")) m.tls = read_file(dir / "tls.txt");
  std::vector<fs::path> files;
  if (fs::is_directory(dir / "attachments")) {
    for (const auto& e : fs::directory_iterator(dir / "attachments")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto name = f.filename().string();
    m.attachments.emplace_back(name.substr(name.find('_') + 1), read_file(f));
  }
  return m;
}

}  // namespace

SmtpServer::SmtpServer(fs::path folder, SmtpSinkOptions options) : m_folder(std::move(folder)) {
  fs::create_directories(m_folder);
  int out[2];
  if (::pipe(out) != 0) return;
  const auto script = (source_dir() / "tests/support/smtp_sink.py").string();
  std::vector<std::string> args = {"/usr/bin/python3", script, m_folder.string(), "--port",
                                   std::to_string(options.port)};
  if (options.fail_first > 0) args.insert(args.end(), {"--fail-first", std::to_string(options.fail_first)});
  if (!options.reject_rcpt.empty()) args.insert(args.end(), {"--reject-rcpt", options.reject_rcpt});
  if (!options.auth.empty()) args.insert(args.end(), {"--auth", options.auth});
  if (options.stall_greeting) args.push_back("--stall-greeting");
  if (options.stall_data_from >= 0) args.insert(args.end(), {"--stall-data-from", std::to_string(options.stall_data_from)});
  if (options.drop_data_from >= 0) args.insert(args.end(), {"--drop-data-from", std::to_string(options.drop_data_from)});
  if (options.delay_data_ms > 0) args.insert(args.end(), {"--delay-data-ms", std::to_string(options.delay_data_ms)});
  if (!options.tls_mode.empty()) {
    args.insert(args.end(), {"--" + options.tls_mode, options.cert.string(), options.key.string()});
  }
  const auto log = (m_folder / "sink.log").string();
  m_pid = ::fork();
  if (m_pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // Read the port line, waiting at most 15 s for Python to start.
  std::string line;
  pollfd pfd{out[0], POLLIN, 0};
  while (line.find('\n') == std::string::npos && ::poll(&pfd, 1, 15000) > 0) {
    char buf[64];
    const auto n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  m_port = std::atoi(line.c_str());
  if (m_port <= 0) stop();
}

SmtpServer::~SmtpServer() { stop(); }

void SmtpServer::stop() {
  if (m_pid <= 0) return;
  ::kill(m_pid, SIGTERM);
  ::waitpid(m_pid, nullptr, 0);
  m_pid = -1;
}

int SmtpServer::connections() const {
  const auto lines = lines_of(m_folder / "server.log");
  return static_cast<int>(std::count(lines.begin(), lines.end(), "connection"));
}

std::vector<std::string> SmtpServer::commands() const {
  std::vector<std::string> out;
  for (const auto& line : lines_of(m_folder / "server.log")) {
    if (line.starts_with("command ")) out.push_back(line.substr(8));
  }
  return out;
}

std::vector<ReceivedMail> SmtpServer::received() const {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(m_folder)) {
    const auto name = e.path().filename().string();
    if (e.is_directory() && name.size() == 3 && std::all_of(name.begin(), name.end(), ::isdigit)) {
      dirs.push_back(e.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<ReceivedMail> out;
  for (const auto& d : dirs) out.push_back(load(d));
  return out;
}

std::vector<ReceivedMail> SmtpServer::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto got = received();
  while (got.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    got = received();
  }
  return got;
}

ReceivedMail decode_eml(const fs::path& eml_file, const fs::path& work_dir) {
  fs::create_directories(work_dir);
  const auto support = (source_dir() / "tests/support").string();
  const std::string cmd = "/usr/bin/python3 -c \"import sys; sys.path.insert(0, sys.argv[1]); "
                          "import smtp_sink; smtp_sink.decode_into(open(sys.argv[2], 'rb').read(), "
                          "sys.argv[3])\" '" + support + "' '" + eml_file.string() + "' '" +
                          work_dir.string() + "' 2>>'" + (work_dir / "decode.log").string() + "'";
  if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "python could not decode " << eml_file;
  auto m = load(work_dir);
  m.eml = read_file(eml_file);
  return m;
}

int free_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(s);
  return port;
}

mail::MailConfig loopback_mail_config(int port) {
  mail::MailConfig c;
  c.host = "127.0.0.1";
  c.port = port;
  c.security = mail::SmtpSecurity::none;
  c.from = {"ИМЦ Энского округа", "imc@ensk.example.ru"};
  c.retries = 1;
  c.backoff_ms = 10;
  c.connect_timeout_ms = 2000;
  c.command_timeout_ms = 5000;
  c.letter_timeout_ms = 10000;
  return c;
}

}  // namespace test
