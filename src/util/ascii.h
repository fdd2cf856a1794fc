// ASCII-only text helpers: protocol words, header values, file extensions.
// Non-ASCII bytes (UTF-8 Cyrillic) pass through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace util {

// 'A' -> 'a'; any other byte as it is.
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// "Application/MS-TNEF" -> "application/ms-tnef"; "Форма.XLSX" -> "Форма.xlsx".
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = lower_ascii(c);
  return out;
}

}  // namespace util
