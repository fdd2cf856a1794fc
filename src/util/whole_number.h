// A whole decimal number that is the entire text ("42"; not "42a", " 42" or
// ""), or nothing. For fields of fixed formats: dates, journal columns.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

namespace util {

inline std::optional<int> whole_number(std::string_view s) {
  int v = 0;
  const auto* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc{} || p != end) return std::nullopt;
  return v;
}

}  // namespace util
