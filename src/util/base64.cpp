#include "mail/base64.h"

#include <array>
#include <cstdint>

namespace mail {

namespace {

constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> make_reverse() {
  std::array<std::int8_t, 256> r{};
  for (auto& v : r) v = -1;
  for (int i = 0; i < 64; ++i) r[static_cast<unsigned char>(k_alphabet[i])] = static_cast<std::int8_t>(i);
  return r;
}
constexpr auto k_reverse = make_reverse();

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                            (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                            static_cast<unsigned char>(bytes[i + 2]);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += k_alphabet[(n >> 6) & 63];
    out += k_alphabet[n & 63];
  }
  const auto rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += rest == 2 ? k_alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string base64_encode_lines(std::string_view bytes, std::size_t line_length) {
  if (line_length < 4) line_length = 4;
  line_length -= line_length % 4;
  const auto flat = base64_encode(bytes);
  std::string out;
  out.reserve(flat.size() + flat.size() / line_length * 2 + 2);
  for (std::size_t pos = 0; pos < flat.size(); pos += line_length) {
    if (pos > 0) out += "\r\n";
    out.append(flat, pos, line_length);
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t acc = 0;
  int have = 0;     // sextets in acc
  int padding = 0;  // '=' seen
  for (const char c : text) {
    if (c == '\r' || c == '\n' || c == ' ' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      if (padding > 2 || have < 2) return std::nullopt;
      acc <<= 6;
      ++have;
    } else {
      const auto v = k_reverse[static_cast<unsigned char>(c)];
      if (v < 0 || padding > 0) return std::nullopt;  // data after padding
      acc = (acc << 6) | static_cast<std::uint32_t>(v);
      ++have;
    }
    if (have == 4) {
      out += static_cast<char>((acc >> 16) & 0xFF);
      if (padding < 2) out += static_cast<char>((acc >> 8) & 0xFF);
      if (padding < 1) out += static_cast<char>(acc & 0xFF);
      acc = 0;
      have = 0;
      if (padding > 0) padding = 3;  // nothing may follow a padded quantum
    }
  }
  if (have != 0) return std::nullopt;
  return out;
}

}  // namespace mail
