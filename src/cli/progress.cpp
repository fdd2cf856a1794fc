#include "cli/progress.h"

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

void PhaseClock::lap(std::string phase) {
  const auto now = Clock::now();
  m_laps.emplace_back(std::move(phase), std::chrono::duration<double>(now - m_last).count());
  m_last = now;
}

std::string PhaseClock::text() const {
  std::string out;
  for (const auto& [phase, seconds] : m_laps) {
    out += (out.empty() ? "" : ", ") + phase + " " + analysis::format_number(seconds, 2) + " с";
  }
  const double total = std::chrono::duration<double>(m_last - m_start).count();
  return out + (out.empty() ? "" : "; ") + "всего " + analysis::format_number(total, 2) + " с";
}

void PhaseClock::log() const { spdlog::info("время этапов: {}", text()); }

}  // namespace cli
