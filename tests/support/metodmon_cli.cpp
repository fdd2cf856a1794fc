#include "support/metodmon_cli.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace test {

namespace fs = std::filesystem;

fs::path write_demo_config(const TempDir& dir, const DemoConfig& config) {
  const auto root = source_dir();
  const auto inbox = config.inbox.empty() ? root / "sample_workbooks/demo" : config.inbox;
  const auto schools = config.schools.empty() ? root / "templates/demo_schools.csv" : config.schools;
  const auto file = dir / "metodmon.toml";
  std::ofstream out(file);
  out << "[monitoring]\n"
      << "definition = \"" << (root / "templates/demo.toml").string() << "\"\n"
      << "schools = \"" << schools.string() << "\"\n"
      << "period = \"" << config.period << "\"\n"
      << "[paths]\ninbox = \"" << inbox.string() << "\"\n"
      << "output = \"out\"\nstate = \"state\"\n"
      << "[inbox]\nsettle_seconds = 0\n"
      << config.extra;
  return file;
}

const char* metodmon_binary() {
  const char* other = std::getenv("METODMON_TEST_BINARY");
  return other != nullptr && *other != '\0' ? other : METODMON_BINARY;
}

ProcessResult metodmon(std::string_view args, std::string_view env) {
  std::string command;
  if (!env.empty()) command = "env " + std::string(env) + " ";
  return run_command(command + metodmon_binary() + " " + std::string(args));
}

pid_t spawn_metodmon(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(metodmon_binary())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

fs::path demo_results_file(const TempDir& dir, std::string_view period) {
  const std::string p(period);
  return dir / "out" / p / ("Итоги_demo-ensk_" + p + ".xlsx");
}

void copy_demo_forms(const fs::path& inbox) {
  fs::create_directories(inbox);
  for (const auto& e : fs::directory_iterator(source_dir() / "sample_workbooks/demo")) {
    const auto to = inbox / e.path().filename();
    fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
    fs::last_write_time(to, fs::last_write_time(e.path()));
  }
}

std::vector<OutboxLetter> outbox_letters(const fs::path& outbox) {
  std::vector<OutboxLetter> letters;
  if (!fs::exists(outbox)) return letters;
  const auto r = run_python(R"(
import sys, pathlib, email
from email import policy
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.eml")):
    m = email.message_from_bytes(p.read_bytes(), policy=policy.default)
    part = m.get_body(("plain",))
    print("\x01" + p.name)
    print(str(m["To"]))
    print(str(m["Subject"]))
    print(len(list(m.iter_attachments())))
    print(part.get_content() if part is not None else "", end="")
)", {outbox.string()});
  if (r.exit_code != 0) return letters;
  std::size_t at = 0;
  while ((at = r.out.find('\x01', at)) != std::string::npos) {
    const auto next = r.out.find('\x01', at + 1);
    const auto chunk = r.out.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    const auto lines = split_lines(chunk);
    OutboxLetter l;
    if (lines.size() >= 4) {
      l.file = lines[0];
      l.to = lines[1];
      l.subject = lines[2];
      l.attachments = std::stoi(lines[3]);
      std::size_t pos = 0;
      for (int i = 0; i < 4; ++i) pos = chunk.find('\n', pos) + 1;
      l.body = chunk.substr(pos);
    }
    letters.push_back(std::move(l));
    at = next == std::string::npos ? r.out.size() : next;
  }
  return letters;
}

}  // namespace test
