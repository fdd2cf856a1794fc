#include "definition/text_encoding.h"

#include <array>
#include <cstdint>

#include "util/utf8.h"

namespace definition {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Code points of Windows-1251 bytes 0x80..0xBF (generated from Python's
// cp1251 codec); 0xC0..0xFF map to U+0410..U+044F (А..я) in order.
constexpr std::array<std::uint16_t, 64> k_1251_high = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (!util::next_valid_code_point(bytes, i)) return false;
  }
  return true;
}

void Utf8Validator::feed(std::string_view chunk) {
  if (!m_ok || chunk.empty()) return;
  std::string joined;
  if (!m_carry.empty()) {
    joined = m_carry + std::string(chunk);
    chunk = joined;
    m_carry.clear();
  }
  // A lead byte among the last three whose character needs more bytes than
  // the chunk has: kept for the next chunk.
  std::size_t keep_from = chunk.size();
  for (std::size_t back = 1; back <= 3 && back <= chunk.size(); ++back) {
    const auto b = static_cast<unsigned char>(chunk[chunk.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (need > back) keep_from = chunk.size() - back;
    break;
  }
  m_ok = is_valid_utf8(chunk.substr(0, keep_from));
  if (m_ok) m_carry.assign(chunk.substr(keep_from));
}

TextEncoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return TextEncoding::utf16;
  if (bytes.starts_with(k_utf8_bom)) return TextEncoding::utf8_bom;
  return is_valid_utf8(bytes) ? TextEncoding::utf8 : TextEncoding::windows_1251;
}

std::string windows_1251_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xC0) {
      util::append_utf8(out, k_1251_high[c - 0x80]);
    } else {
      util::append_utf8(out, 0x0410u + (c - 0xC0u));
    }
  }
  return out;
}

std::string to_utf8(std::string_view bytes) {
  switch (detect_encoding(bytes)) {
    case TextEncoding::utf8_bom: return std::string(bytes.substr(k_utf8_bom.size()));
    case TextEncoding::windows_1251: return windows_1251_to_utf8(bytes);
    case TextEncoding::utf8:
    case TextEncoding::utf16: break;
  }
  return std::string(bytes);
}

}  // namespace definition
