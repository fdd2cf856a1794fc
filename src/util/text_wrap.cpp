#include "util/text_wrap.h"

#include <algorithm>
#include <cmath>

namespace util {

namespace {

constexpr double k_chars_per_width = 0.9;

double chars_per_line(double width) {
  return std::max(4.0, width * k_chars_per_width);
}

// Lines one paragraph (no '\n') takes in lines of `per_line` characters.
int paragraph_lines(std::string_view text, double per_line) {
  int lines = 1;
  double used = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    const auto len =
        static_cast<double>(utf16_length(text.substr(start, end - start)));
    if (used > 0 && used + 1 + len <= per_line) {
      used += 1 + len;
    } else {
      if (used > 0)
        ++lines;
      const double extra = std::max(0.0, std::ceil(len / per_line) - 1);
      lines += static_cast<int>(extra);
      used = len - extra * per_line;
    }
    start = end + 1;
  }
  return lines;
}

} // namespace

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80)
      continue; // continuation byte
    units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

int wrapped_lines(std::string_view text, double width) {
  const double per_line = chars_per_line(width);
  int lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines += paragraph_lines(text.substr(start, end - start), per_line);
    start = end + 1;
  }
  return std::max(1, lines);
}

double width_for_longest_word(std::string_view text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find_first_of(" \n", start), text.size());
    longest = std::max(longest, utf16_length(text.substr(start, end - start)));
    start = end + 1;
  }
  return std::ceil(static_cast<double>(longest) / k_chars_per_width);
}

} // namespace util
