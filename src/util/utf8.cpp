#include "util/utf8.h"

namespace util {

std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<std::uint8_t>(text[i]);
  const std::size_t len = sequence_length(b0);
  std::uint32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<std::uint8_t>(text[i + k]) & 0x3Fu);
  }
  i += len;
  return cp;
}

std::optional<std::uint32_t> next_valid_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return std::nullopt;
  }
  if (i + len > s.size()) {
    ++i;
    return std::nullopt;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return std::nullopt;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr std::uint32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return std::nullopt;
  }
  i += len;
  return cp;
}

std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  std::size_t end = i;
  return next_valid_code_point(text, end) ? end - i : 0;
}

std::string sanitize_utf8(std::string_view text) {
  constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD
  // Valid runs are copied whole: nearly every text is valid UTF-8.
  std::string out;
  std::size_t run = 0;  // start of the valid run being scanned
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<std::uint8_t>(text[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // Cyrillic, nearly every other byte of a report: a lead byte C2..DF and
    // a continuation byte are always a valid sequence.
    if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < text.size() &&
        (static_cast<std::uint8_t>(text[i + 1]) & 0xC0u) == 0x80u) {
      i += 2;
      continue;
    }
    if (const auto len = valid_sequence_length(text, i); len != 0) {
      i += len;
      continue;
    }
    if (out.empty()) out.reserve(text.size() + 2);
    out.append(text.substr(run, i - run));
    out += k_replacement;
    run = ++i;
  }
  if (run == 0) return std::string(text);
  out.append(text.substr(run));
  return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace util
