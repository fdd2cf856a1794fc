// A one-line progress bar on a terminal ("Чтение форм  7/17 [#######   ]");
// silent when stderr is not a terminal (cron, systemd), so logs stay clean.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

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

}  // namespace cli
