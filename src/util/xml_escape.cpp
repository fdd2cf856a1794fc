#include "util/xml_escape.h"

#include <cstdint>

#include "util/utf8.h"

namespace util {

namespace {

bool allowed_in_xml(std::uint32_t cp) {
  if (cp == 0x9 || cp == 0xA) return true;
  if (cp < 0x20) return false;  // including '\r': line breaks are '\n'
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const auto cp = next_valid_code_point(text, i);
    if (!cp) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    if (!allowed_in_xml(*cp)) continue;
    switch (*cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.append(text.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace util
