#include "ingest/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

#include "ingest/workbook_codec.h"

namespace ingest {

namespace {

// Address space the child may add to what it inherits: enough for any sane
// workbook, small enough that an absurd allocation fails inside the library
// instead of swapping the machine. Not applied under AddressSanitizer, whose
// shadow memory needs terabytes of address space.
constexpr rlim_t k_child_extra_address_space = 4ull << 30;
// More than this coming back through the pipe means something is wrong.
constexpr std::size_t k_max_result_bytes = 1ull << 30;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_asan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_asan = true;
#else
constexpr bool k_asan = false;
#endif
#else
constexpr bool k_asan = false;
#endif

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Virtual memory the process maps now (first field of /proc/self/statm).
rlim_t mapped_bytes() {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[64] = {};
  const ssize_t n = ::read(fd, text, sizeof text - 1);
  ::close(fd);
  if (n <= 0) return 0;
  return static_cast<rlim_t>(std::strtoull(text, nullptr, 10)) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE));
}

[[noreturn]] void child_main(int fd, const ReaderJob& job) {
  if (!k_asan) {
    const rlim_t cap = mapped_bytes() + k_child_extra_address_space;
    const rlimit limit{cap, cap};
    ::setrlimit(RLIMIT_AS, &limit);
  }
  Workbook book;
  const Status status = job(book);
  std::string encoded;
  encode_result(status, book, encoded);
  const bool ok = write_all(fd, encoded);
  ::close(fd);
  ::_exit(ok ? 0 : 3);  // no atexit handlers, no leak checks, no flushing of the parent's buffers
}

ReadError crashed() {
  return make_error("книга Excel 97-2003 (*.xls) повреждена: при её чтении программа чтения "
                    "аварийно остановилась",
                    k_hint_resave);
}

void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int ignored = 0;
  while (::waitpid(pid, &ignored, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

Status run_in_child(const ReadBudget& budget, const ReaderJob& job, Workbook& out) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return job(out);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return job(out);
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], job);
  }
  ::close(fds[1]);

  std::string data;
  char buffer[64 * 1024];
  for (;;) {
    const double left = std::clamp(budget.seconds_left(), 0.0, 3600.0);  // poll() takes int ms
    const int wait_ms = static_cast<int>(left * 1000.0) + 1;
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {  // out of time (or poll failed): stop the child
      ::close(fds[0]);
      kill_and_reap(pid);
      if (auto err = budget.check_time()) return err;
      return crashed();
    }
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > k_max_result_bytes) {
      ::close(fds[0]);
      kill_and_reap(pid);
      return crashed();
    }
  }
  ::close(fds[0]);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) return crashed();
  Status status;
  if (!decode_result(data, status, out)) return crashed();
  return status;
}

}  // namespace ingest
