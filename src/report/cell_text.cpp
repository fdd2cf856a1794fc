#include "report/cell_text.h"

#include <cstdint>
#include <cstdio>

namespace report {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";     // U+2026

// Length of the valid UTF-8 sequence at text[i], or 0 if it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<std::uint8_t>(text[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<std::uint8_t>(text[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
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
    if (const auto len = sequence_length(text, i); len != 0) {
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

std::string clip_text(std::string_view text, std::size_t max_units) {
  const std::string clean = sanitize_utf8(text);
  // A byte is at most one UTF-16 unit: short texts need no count.
  if (clean.size() <= max_units || utf16_length(clean) <= max_units) return clean;
  if (max_units == 0) return {};
  // Keep whole characters while they fit, leaving one unit for the ellipsis.
  std::size_t units = 0;
  std::size_t end = 0;
  while (end < clean.size()) {
    const auto len = sequence_length(clean, end);
    const std::size_t w = len == 4 ? 2 : 1;
    if (units + w > max_units - 1) break;
    units += w;
    end += len;
  }
  return clean.substr(0, end) + std::string(k_ellipsis);
}

std::string escape_header_footer(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

std::string format_decimal(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string out(buf);
  for (auto& c : out) {
    if (c == '.') c = ',';
  }
  if (out.starts_with('-') && out.find_first_not_of("-0,") == std::string::npos) {
    out.erase(0, 1);  // "-0,0" reads as an error to a human
  }
  return out;
}

}  // namespace report
