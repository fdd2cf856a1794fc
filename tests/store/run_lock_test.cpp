#include "store/run_lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>

#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// A child process that exits at once; its pid is then free (dead).
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST(RunLockTest, CreatesLockWithPidAndRemovesItOnScopeExit) {
  test::TempDir dir;
  {
    auto lock = store::RunLock::acquire(dir / "state");
    ASSERT_TRUE(lock) << model::to_string(lock.error().diagnostic);
    EXPECT_FALSE(lock->warning());
    const auto info = store::parse_lock(test::read_file(dir / "state/metodmon.lock"));
    ASSERT_TRUE(info);
    EXPECT_EQ(info->pid, ::getpid());
    EXPECT_EQ(info->started.size(), 19u);  // "2026-11-01 07:00:03"
  }
  EXPECT_FALSE(fs::exists(dir / "state/metodmon.lock"));
}

TEST(RunLockTest, SecondAcquireInSameProcessFailsWhileHeld) {
  test::TempDir dir;
  auto first = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(first);
  const auto second = store::RunLock::acquire(dir.path());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().diagnostic.message.rfind("уже выполняется другой запуск metodmon (PID " +
                                             std::to_string(::getpid()) + ", начат ",
                                         0),
            0u)
      << second.error().diagnostic.message;
  first->release();
  EXPECT_TRUE(store::RunLock::acquire(dir.path()));
}

TEST(RunLockTest, LockHeldByLiveChildBlocksThenGoesStaleWhenChildIsKilled) {
  test::TempDir dir;
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto lock = store::RunLock::acquire(dir.path());
    const char ok = lock ? 'y' : 'n';
    (void)!::write(ready[1], &ok, 1);
    ::pause();  // held until killed: simulates a run killed with SIGKILL
    ::_exit(0);
  }
  char ok = 0;
  ASSERT_EQ(::read(ready[0], &ok, 1), 1);
  ::close(ready[0]);
  ::close(ready[1]);
  ASSERT_EQ(ok, 'y');

  const auto blocked = store::RunLock::acquire(dir.path());
  ASSERT_FALSE(blocked);
  EXPECT_NE(blocked.error().diagnostic.message.find("(PID " + std::to_string(child) + ","), std::string::npos)
      << blocked.error().diagnostic.message;
  EXPECT_EQ(blocked.error().diagnostic.hint.rfind("дождитесь его окончания", 0), 0u);

  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_TRUE(fs::exists(dir / "metodmon.lock"));  // a killed run leaves it behind

  auto taken = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(taken) << model::to_string(taken.error().diagnostic);
  ASSERT_TRUE(taken->warning());
  EXPECT_EQ(taken->warning()->severity, model::Severity::warning);
  EXPECT_EQ(taken->warning()->message,
            "предыдущий запуск metodmon завершился аварийно (процесс PID " + std::to_string(child) +
                " не существует), его блокировка снята");
  EXPECT_EQ(store::parse_lock(test::read_file(dir / "metodmon.lock"))->pid, ::getpid());
}

TEST(RunLockTest, ReplacesLockOfDeadPid) {
  test::TempDir dir;
  const pid_t pid = dead_pid();
  dir.write("metodmon.lock", "pid=" + std::to_string(pid) + "\nstarted=2026-10-01 07:00:00\n");
  const auto lock = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(lock);
  ASSERT_TRUE(lock->warning());
  EXPECT_NE(lock->warning()->message.find("PID " + std::to_string(pid)), std::string::npos);
}

TEST(RunLockTest, ReplacesLockWhosePidWasReusedOrWrittenBeforeReboot) {
  test::TempDir dir;
  // pid 1 exists, but it did not start at tick 1 (it is not our lock holder).
  dir.write("metodmon.lock", "pid=1\nproc_start=999999999999\n");
  auto reused = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(reused);
  ASSERT_TRUE(reused->warning());
  EXPECT_NE(reused->warning()->message.find("PID 1 теперь занят другим процессом"), std::string::npos);
  reused->release();

  dir.write("metodmon.lock", "pid=1\nboot_id=not-this-boot\n");
  const auto rebooted = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(rebooted);
  ASSERT_TRUE(rebooted->warning());
  EXPECT_NE(rebooted->warning()->message.find("до перезагрузки"), std::string::npos);
}

TEST(RunLockTest, LiveOtherUsersProcessCountsAsRunning) {
  test::TempDir dir;
  dir.write("metodmon.lock", "pid=1\n");  // kill(1, 0) succeeds or gives EPERM: alive
  const auto lock = store::RunLock::acquire(dir.path());
  ASSERT_FALSE(lock);
  EXPECT_EQ(lock.error().diagnostic.message, "уже выполняется другой запуск metodmon (PID 1)");
}

TEST(RunLockTest, UnparsableLockIsStaleOnlyWhenOld) {
  test::TempDir dir;
  const auto p = dir.write("metodmon.lock", "");
  const auto young = store::RunLock::acquire(dir.path());
  ASSERT_FALSE(young);  // a run is writing its lock this very moment
  EXPECT_NE(young.error().diagnostic.message.find("(PID ?)"), std::string::npos);

  const std::int64_t old = std::time(nullptr) - 60;
  const struct timespec times[2] = {{old, 0}, {old, 0}};
  ::utimensat(AT_FDCWD, p.c_str(), times, 0);
  const auto lock = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(lock);
  ASSERT_TRUE(lock->warning());
  EXPECT_NE(lock->warning()->message.find("файл блокировки повреждён"), std::string::npos);
}

// A run killed while creating its lock leaves only its temporary file; the
// lock itself appears whole or not at all, and the next run tidies up.
TEST(RunLockTest, TemporaryFilesOfDeadRunsAreRemovedAndOursIsGone) {
  test::TempDir dir;
  const auto dead = dir.write("metodmon.lock.tmp-" + std::to_string(dead_pid()), "pid=");
  const auto live = dir.write("metodmon.lock.tmp-" + std::to_string(::getppid()), "pid=");
  const auto lock = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(lock);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(live)) << "another process's file is not ours to remove";
  EXPECT_FALSE(fs::exists(dir / ("metodmon.lock.tmp-" + std::to_string(::getpid()))));
  const auto info = store::parse_lock(test::read_file(dir / "metodmon.lock"));
  ASSERT_TRUE(info);
  EXPECT_EQ(info->pid, ::getpid());
}

TEST(RunLockTest, MovedLockIsReleasedOnce) {
  test::TempDir dir;
  auto a = store::RunLock::acquire(dir.path());
  ASSERT_TRUE(a);
  store::RunLock b = std::move(*a);
  EXPECT_TRUE(fs::exists(dir / "metodmon.lock"));
  b.release();
  EXPECT_FALSE(fs::exists(dir / "metodmon.lock"));
}

}  // namespace

TEST(RunLockTest, AStateFolderThatCannotBeCreatedIsNotABusyLock) {
  test::TempDir dir;
  dir.write("file", "x");
  const auto lock = store::RunLock::acquire(dir / "file" / "state");
  ASSERT_FALSE(lock);
  EXPECT_FALSE(lock.error().busy);
  EXPECT_EQ(lock.error().diagnostic.where.file, (dir / "file" / "state").string());
  EXPECT_EQ(lock.error().diagnostic.message, "папка состояния недоступна для записи: часть пути — файл, а не папка");
}

TEST(RunLockTest, AFolderInPlaceOfTheLockFileIsNotABusyLock) {
  test::TempDir dir;
  fs::create_directories(dir / store::k_lock_file_name);
  const auto lock = store::RunLock::acquire(dir.path());
  ASSERT_FALSE(lock);
  EXPECT_FALSE(lock.error().busy);
  EXPECT_NE(lock.error().diagnostic.message.find("папка"), std::string::npos) << lock.error().diagnostic.message;
}
