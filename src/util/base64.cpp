#include "util/base64.h"

#include <openssl/evp.h>

#include <algorithm>

namespace util {

std::string base64_encode(std::string_view bytes) {
  std::string out;
  // EVP_EncodeBlock takes an int length: encode in pieces of whole 3-byte groups.
  constexpr std::size_t k_piece = 3 * (1u << 20);
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t pos = 0; pos < bytes.size(); pos += k_piece) {
    const auto n = std::min(k_piece, bytes.size() - pos);
    const auto start = out.size();
    out.resize(start + (n + 2) / 3 * 4 + 1);  // EVP_EncodeBlock adds a NUL
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + start),
                                        reinterpret_cast<const unsigned char*>(bytes.data() + pos), static_cast<int>(n));
    out.resize(start + static_cast<std::size_t>(written));
  }
  return out;
}

std::string base64_encode_lines(std::string_view bytes, std::size_t line_length) {
  const std::string text = base64_encode(bytes);
  std::string out;
  out.reserve(text.size() + text.size() / line_length * 2);
  for (std::size_t pos = 0; pos < text.size(); pos += line_length) {
    if (pos > 0) out += "\r\n";
    out.append(text, pos, line_length);
  }
  return out;
}

}  // namespace util
