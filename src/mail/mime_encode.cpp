#include "mail/mime_encode.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "util/base64.h"
#include "util/utf8.h"

namespace mail {

namespace {

bool is_plain_ascii(std::string_view s) {
  for (const unsigned char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return s.find("=?") == std::string_view::npos;
}

bool attr_char(unsigned char c) {  // RFC 2231 attribute-char, conservatively
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == '~';
}

}  // namespace

std::string header_safe(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

std::string encode_header_text(std::string_view utf8) {
  const auto text = header_safe(utf8);
  if (is_plain_ascii(text)) return text;
  // Words of at most 60 characters (48 base64 characters = 36 bytes), so that
  // "Subject: " plus the first word stays under 78 (RFC 2047 allows 75 per word).
  constexpr std::size_t k_max_bytes = 36;
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size()) {
      const auto len = util::sequence_length(static_cast<unsigned char>(text[end]));
      if (end + len - pos > k_max_bytes) break;
      end += len;
    }
    if (end == pos) end = std::min(text.size(), pos + 1);  // never loop forever
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + util::base64_encode(std::string_view(text).substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string format_address(const MailAddress& a) {
  const auto address = header_safe(a.address);
  if (a.name.empty()) return address;
  const auto name = header_safe(a.name);
  if (is_plain_ascii(name)) {
    std::string quoted = "\"";
    for (const char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" <" + address + ">";
  }
  // One encoded word for the whole name, even past RFC 2047's 75 characters:
  // Python's email package (and some webmail) turn the fold between two
  // words of a display name into an extra space ("№  3"). Lines stay far
  // below the 998 limit. The address goes on its own folded line.
  return "=?UTF-8?B?" + util::base64_encode(name) + "?=\r\n <" + address + ">";
}

std::string filename_parameter(std::string_view utf8_name) {
  const auto name = header_safe(utf8_name);
  if (is_plain_ascii(name) && name.find_first_of("\"\\") == std::string::npos) {
    return "filename=\"" + name + "\"";
  }
  std::string encoded;
  std::vector<std::string> pieces;  // each piece holds whole %XX triplets
  constexpr std::size_t k_piece = 54;  // " filename*0*=UTF-8''" + 54 + ";" < 78
  for (const unsigned char c : name) {
    char triplet[4];
    if (attr_char(c)) {
      triplet[0] = static_cast<char>(c);
      triplet[1] = '\0';
    } else {
      std::snprintf(triplet, sizeof triplet, "%%%02X", c);
    }
    if (encoded.size() + std::char_traits<char>::length(triplet) > k_piece) {
      pieces.push_back(std::move(encoded));
      encoded.clear();
    }
    encoded += triplet;
  }
  pieces.push_back(std::move(encoded));
  if (pieces.size() == 1) return "filename*=UTF-8''" + pieces[0];
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out += ";\r\n ";
    out += "filename*" + std::to_string(i) + "*=" + (i == 0 ? "UTF-8''" : "") + pieces[i];
  }
  return out;
}

}  // namespace mail
