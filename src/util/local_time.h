// Moments as people read them: seconds since the epoch in the machine's
// local time zone (TZ), formatted with strftime.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

namespace util {

// format_local_time(1793878320, "%d.%m.%Y %H:%M") -> "05.11.2026 14:32" in Moscow.
inline std::string format_local_time(std::int64_t epoch, const char* format) {
  const auto t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  const auto n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

// "2026-11-05 14:32:00": a moment as journals and the history keep it.
inline std::string local_time_text(std::int64_t epoch) { return format_local_time(epoch, "%Y-%m-%d %H:%M:%S"); }

// The same for the clock's present moment.
inline std::string local_now_text() { return local_time_text(std::time(nullptr)); }

// "05.11.2026 14:32": a moment as letters and reports show it; empty for 0.
inline std::string moment_text(std::int64_t epoch) {
  return epoch == 0 ? std::string{} : format_local_time(epoch, "%d.%m.%Y %H:%M");
}

}  // namespace util
