#include "report/cell_text.h"

#include <cstdint>
#include <cstdio>

#include "util/utf8.h"

namespace report {

namespace {

constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";     // U+2026

}  // namespace

std::string clip_text(std::string_view text, std::size_t max_units) {
  const std::string clean = sanitize_utf8(text);
  // A byte is at most one UTF-16 unit: short texts need no count.
  if (clean.size() <= max_units || utf16_length(clean) <= max_units) return clean;
  if (max_units == 0) return {};
  // Keep whole characters while they fit, leaving one unit for the ellipsis.
  std::size_t units = 0;
  std::size_t end = 0;
  while (end < clean.size()) {
    const auto len = util::valid_sequence_length(clean, end);
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
