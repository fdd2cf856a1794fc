// Base64 decoding for tests that read back what metodmon encoded (mail
// bodies, RFC 2047 words), by libcrypto; CR and LF are skipped.
#pragma once

#include <openssl/evp.h>

#include <string>
#include <string_view>

namespace test {

inline std::string base64_decode(std::string_view text) {
  std::string clean;
  for (const char c : text) {
    if (c != '\r' && c != '\n') clean += c;
  }
  std::string out(clean.size() / 4 * 3 + 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
  if (n < 0) return "(not base64)";
  // EVP_DecodeBlock counts the bytes the padding stands for as zeros.
  std::size_t size = static_cast<std::size_t>(n);
  if (clean.ends_with("==")) size -= 2;
  else if (clean.ends_with("=")) size -= 1;
  out.resize(size);
  return out;
}

}  // namespace test
