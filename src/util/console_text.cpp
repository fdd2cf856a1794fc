#include "util/console_text.h"

#include <array>

namespace util {

namespace {

void append_escaped(std::string& out, unsigned char byte) {
  static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  out += "\\x";
  out += k_hex[byte >> 4];
  out += k_hex[byte & 0xF];
}

}  // namespace

std::string console_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c0 = byte < 0x20 && byte != '\t' && byte != '\n';
    // U+0080..U+009F: 0xC2 followed by 0x80..0x9F.
    const bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c0 || byte == 0x7F) {
      append_escaped(out, byte);
    } else if (c1) {
      append_escaped(out, byte);
      append_escaped(out, static_cast<unsigned char>(text[++i]));
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace util
