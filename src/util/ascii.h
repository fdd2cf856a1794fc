// ASCII-only text helpers: protocol words, header values, file extensions.
// Non-ASCII bytes (UTF-8 Cyrillic) pass through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace util {

// "Application/MS-TNEF" -> "application/ms-tnef"; "Форма.XLSX" -> "Форма.xlsx".
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace util
