#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace cli {

Progress::Progress(std::string label, std::size_t total)
    : m_label(std::move(label)), m_total(total), m_enabled(::isatty(STDERR_FILENO) == 1 && total > 0) {
  draw();
}

Progress::~Progress() {
  if (m_enabled) std::fputs("\n", stderr);
}

void Progress::step() {
  const std::lock_guard lock(m_mutex);
  ++m_done;
  draw();
}

void Progress::draw() const {
  if (!m_enabled) return;
  constexpr std::size_t k_width = 30;
  const std::size_t filled = m_total == 0 ? k_width : m_done * k_width / m_total;
  std::string bar(filled, '#');
  bar.resize(k_width, ' ');
  std::fprintf(stderr, "\r%s %zu/%zu [%s]", m_label.c_str(), m_done, m_total, bar.c_str());
  std::fflush(stderr);
}

}  // namespace cli
