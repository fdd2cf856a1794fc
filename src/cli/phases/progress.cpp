#include "cli/phases/progress.h"

#include <sys/resource.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <cstdio>

#include "analysis/number_text.h"

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

PhaseClock::PhaseClock() : m_start(Clock::now()), m_last(m_start) {}

namespace {
// The process's peak resident memory so far, in MB (Linux: ru_maxrss in KB).
long peak_memory_mb() {
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return usage.ru_maxrss / 1024;
}
}  // namespace

void PhaseClock::lap(std::string phase) {
  const auto now = Clock::now();
  m_laps.push_back({std::move(phase), std::chrono::duration<double>(now - m_last).count(), peak_memory_mb()});
  m_last = now;
}

std::string PhaseClock::text() const {
  std::string out;
  for (const auto& lap : m_laps) {
    out += (out.empty() ? "" : ", ") + lap.phase + " " + analysis::format_number(lap.seconds, 2) +
           " с (пик " + std::to_string(lap.peak_mb) + " МБ)";
  }
  const double total = std::chrono::duration<double>(m_last - m_start).count();
  return out + (out.empty() ? "" : "; ") + "всего " + analysis::format_number(total, 2) + " с";
}

void PhaseClock::log() const { spdlog::info("время этапов: {}", text()); }

}  // namespace cli
