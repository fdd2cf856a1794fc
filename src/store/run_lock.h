// One metodmon run at a time per state folder.
//
// The lock is the file <state_dir>/metodmon.lock, put in place whole (written
// to metodmon.lock.tmp-<pid>, then linked: never seen half-written) and
// holding, one "key=value" per line:
//   pid=12345
//   started=2026-11-01 07:00:03        (local time)
//   boot_id=<kernel boot id>           (from /proc, when available)
//   proc_start=<clock ticks since boot> (field 22 of /proc/<pid>/stat)
// RunLock removes the file when destroyed (RAII; also on early return).
// A killed run (SIGKILL, power loss) leaves the file behind: the next run
// finds it stale and replaces it.
//
// A lock found on disk is STALE (replaced, with a warning returned in
// RunLock::warning for the caller to log) when:
//   - its pid does not exist (kill(pid, 0) fails with ESRCH), or
//   - it was written before the last reboot (boot_id differs), or
//   - the pid now belongs to another process (proc_start differs), or
//   - it cannot be parsed and is older than k_unparsable_grace_seconds
//     (a younger unparsable file may be an older metodmon's, which created
//     the lock empty and then wrote it, and counts as live).
// Otherwise it is LIVE and acquire() fails with the error
// «уже выполняется другой запуск metodmon (PID …)» and LockFailure::busy.
// A state folder that cannot be created or written is another failure
// (busy == false): the administrator must fix it, waiting will not help.
//
// Known limit: two runs that find the same stale lock in the same instant
// may both replace it (the file is re-read just before removal, which makes
// the window tiny). systemd never starts a oneshot unit twice and the cron
// example wraps the run in flock(1), so this does not happen in practice.
//
// Example:
//   auto lock = store::RunLock::acquire(state_dir);
//   if (!lock) return fail(lock.error().diagnostic);  // exit 75 if busy, else 1
//   if (lock->warning()) log_warning(*lock->warning());
//   ... the run ...                                  // released at scope end
#pragma once

#include <sys/types.h>

#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace store {

inline constexpr int k_unparsable_grace_seconds = 10;
inline constexpr const char* k_lock_file_name = "metodmon.lock";
inline constexpr const char* k_temp_infix = ".tmp-";

struct LockFailure {
  bool busy = false;  // a live run holds the lock; otherwise the state folder cannot be written
  model::Diagnostic diagnostic;
};

class RunLock {
 public:
  // Creates `state_dir` if needed. Errors: a live lock (busy); the folder
  // cannot be created or written (not busy, the diagnostic names the folder).
  static std::expected<RunLock, LockFailure> acquire(const std::filesystem::path& state_dir);

  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();  // removes the lock file if this object still owns it

  // Removes the lock file now; later calls and the destructor do nothing.
  void release();

  const std::filesystem::path& path() const { return m_path; }
  // Set when a stale lock of an earlier run was replaced.
  const std::optional<model::Diagnostic>& warning() const { return m_warning; }

 private:
  RunLock(std::filesystem::path path, std::optional<model::Diagnostic> warning);
  std::filesystem::path m_path;  // empty once released or moved from
  std::optional<model::Diagnostic> m_warning;
};

// What a lock file says; exposed for tests and for `metodmon status`.
struct LockInfo {
  pid_t pid = 0;
  std::string started;
  std::string boot_id;
  std::string proc_start;
};
std::optional<LockInfo> parse_lock(const std::string& text);

}  // namespace store
