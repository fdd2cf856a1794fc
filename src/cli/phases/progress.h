// A one-line progress bar on a terminal ("Чтение форм  7/17 [#######   ]");
// silent when stderr is not a terminal (cron, systemd), so logs stay clean.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace cli {

class Progress {
 public:
  Progress(std::string label, std::size_t total);
  ~Progress();  // finishes the line
  void step();  // thread-safe: workers report as they finish

 private:
  void draw() const;
  std::string m_label;
  std::size_t m_total;
  std::size_t m_done = 0;
  bool m_enabled;
  std::mutex m_mutex;
};

// Wall time of a run's phases and the process's peak memory at the end of
// each, for the log ("время этапов: чтение форм 0,41 с (пик 52 МБ), …"):
// where an administrator looks when a run grows slow or large.
class PhaseClock {
 public:
  PhaseClock();
  void lap(std::string phase);  // the phase that ends now
  void log() const;             // one info line with every lap and the total
  [[nodiscard]] std::string text() const;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point m_start;
  Clock::time_point m_last;
  struct Lap {
    std::string phase;
    double seconds;
    long peak_mb;  // peak resident memory of the process so far
  };
  std::vector<Lap> m_laps;
};

}  // namespace cli
