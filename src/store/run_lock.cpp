#include "store/run_lock.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <utility>

#include "util/os_error.h"
#include "util/local_time.h"

namespace store {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string boot_id() { return trimmed(read_text("/proc/sys/kernel/random/boot_id")); }

// Field 22 of /proc/<pid>/stat: start time in clock ticks after boot. The
// command name (field 2) may hold spaces and ')' so we count from the last ')'.
std::string proc_start(pid_t pid) {
  const auto stat = read_text("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return {};
  std::istringstream rest(stat.substr(close + 1));
  std::string field;
  for (int i = 3; i <= 22 && rest >> field; ++i) {
    if (i == 22) return field;
  }
  return {};
}

model::Diagnostic lock_error(const fs::path& path, std::string message, std::string hint) {
  return model::Diagnostic::error({path.string(), {}, {}, {}, {}}, std::move(message),
                                  std::move(hint));
}

// nullopt: live (with the reason in `why`); otherwise: stale, with the reason.
std::optional<std::string> stale_reason(const fs::path& path, const std::string& text,
                                        std::string& live_pid) {
  const auto info = parse_lock(text);
  if (!info) {
    struct stat st{};
    if (::stat(path.c_str(), &st) == 0 &&
        std::time(nullptr) - st.st_mtime < k_unparsable_grace_seconds) {
      live_pid = "?";
      return std::nullopt;  // someone is writing it right now
    }
    return "файл блокировки повреждён";
  }
  live_pid = std::to_string(info->pid);
  if (::kill(info->pid, 0) != 0 && errno == ESRCH) {
    return "процесс PID " + live_pid + " не существует";
  }
  if (!info->boot_id.empty() && info->boot_id != boot_id()) {
    return "блокировка осталась до перезагрузки компьютера";
  }
  if (!info->proc_start.empty()) {
    const auto now_start = proc_start(info->pid);
    if (!now_start.empty() && now_start != info->proc_start) {
      return "PID " + live_pid + " теперь занят другим процессом";
    }
  }
  return std::nullopt;
}

// The lock's text is written to a file of this process's own and linked
// into place: link() creates the lock whole or fails with EEXIST, so no other
// run ever sees a lock that is still being written (a run killed in between
// leaves only its own temporary file, removed by the next run).
// Returns 0, EEXIST or another errno.
int create_lock(const fs::path& path) {
  const pid_t pid = ::getpid();
  const std::string temp = path.string() + k_temp_infix + std::to_string(pid);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  const std::string text = "pid=" + std::to_string(pid) + "\nstarted=" + util::local_now_text() +
                           "\nboot_id=" + boot_id() + "\nproc_start=" + proc_start(pid) + "\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  const int err = ok ? 0 : errno;
  ::close(fd);
  const int linked = !ok ? (err == 0 ? EIO : err) : ::link(temp.c_str(), path.c_str()) == 0 ? 0 : errno;
  ::unlink(temp.c_str());
  return linked;
}

// Temporary files of runs killed while creating their lock.
void remove_dead_temps(const fs::path& state_dir) {
  std::error_code ec;
  const std::string prefix = std::string(k_lock_file_name) + k_temp_infix;
  for (const auto& e : fs::directory_iterator(state_dir, ec)) {
    const auto name = e.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    pid_t pid = 0;
    const auto digits = std::string_view(name).substr(prefix.size());
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (err != std::errc{} || end != digits.data() + digits.size() || pid <= 0) continue;
    if (::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

}  // namespace

std::optional<LockInfo> parse_lock(const std::string& text) {
  LockInfo info;
  std::istringstream in(text);
  std::string line;
  bool have_pid = false;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const auto key = line.substr(0, eq);
    const auto value = line.substr(eq + 1);
    if (key == "pid") {
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), info.pid);
      have_pid = ec == std::errc{} && p == value.data() + value.size() && info.pid > 0;
    } else if (key == "started") {
      info.started = value;
    } else if (key == "boot_id") {
      info.boot_id = value;
    } else if (key == "proc_start") {
      info.proc_start = value;
    }
  }
  if (!have_pid) return std::nullopt;
  return info;
}

std::expected<RunLock, LockFailure> RunLock::acquire(const fs::path& state_dir) {
  const auto unwritable = [&](const std::string& why) {
    return std::unexpected(LockFailure{
        false, lock_error(state_dir, "папка состояния недоступна для записи: " + why,
                          "проверьте параметр paths.state (или --state) и права пользователя, "
                          "от имени которого работает metodmon")});
  };
  std::error_code ec;
  fs::create_directories(state_dir, ec);
  if (ec) return unwritable(util::os_error_text(ec));
  const auto path = state_dir / k_lock_file_name;
  std::optional<model::Diagnostic> warning;
  // Two rounds: the second one after replacing a stale lock.
  for (int round = 0; round < 2; ++round) {
    const int err = create_lock(path);
    if (err == 0) {
      remove_dead_temps(state_dir);
      return RunLock(path, std::move(warning));
    }
    if (err != EEXIST) return unwritable("не удалось создать файл блокировки: " + util::os_error_text(err));
    if (fs::is_directory(path, ec)) return unwritable("на месте файла блокировки " + path.string() + " папка");
    const auto text = read_text(path);
    std::string pid;
    const auto reason = stale_reason(path, text, pid);
    if (!reason) {
      const auto info = parse_lock(text);
      return std::unexpected(LockFailure{
          true, lock_error(path,
                           "уже выполняется другой запуск metodmon (PID " + pid +
                               (info && !info->started.empty() ? ", начат " + info->started : "") + ")",
                           "дождитесь его окончания; если такого процесса нет, удалите файл " + path.string())});
    }
    // Re-read right before removal: if another run replaced it meanwhile, leave it be.
    if (read_text(path) != text) continue;
    ::unlink(path.c_str());
    warning = model::Diagnostic::warning(
        {path.string(), {}, {}, {}, {}},
        "предыдущий запуск metodmon завершился аварийно (" + *reason +
            "), его блокировка снята",
        "проверьте журнал предыдущего запуска: его результаты могли остаться неполными");
  }
  return std::unexpected(
      LockFailure{true, lock_error(path, "не удалось захватить блокировку запуска", "повторите запуск через минуту")});
}

RunLock::RunLock(fs::path path, std::optional<model::Diagnostic> warning)
    : m_path(std::move(path)), m_warning(std::move(warning)) {}

RunLock::RunLock(RunLock&& other) noexcept
    : m_path(std::exchange(other.m_path, {})), m_warning(std::move(other.m_warning)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
  if (this != &other) {
    release();
    m_path = std::exchange(other.m_path, {});
    m_warning = std::move(other.m_warning);
  }
  return *this;
}

RunLock::~RunLock() { release(); }

void RunLock::release() {
  if (m_path.empty()) return;
  // Only remove a lock that is still ours (a forked child must not remove it).
  const auto info = parse_lock(read_text(m_path));
  if (info && info->pid == ::getpid()) ::unlink(m_path.c_str());
  m_path.clear();
}

}  // namespace store
