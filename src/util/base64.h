// Base64 (RFC 4648, section 4: the standard alphabet with '=' padding), for
// MIME bodies and attachments and for RFC 2047 encoded words, by libcrypto
// (EVP_EncodeBlock). Letters only encode: what comes in is decoded by GMime.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace util {

// "foob" -> "Zm9vYg==". No line breaks.
std::string base64_encode(std::string_view bytes);

// The same, broken into lines of at most `line_length` characters (a
// multiple of 4) separated by CRLF, as MIME wants (76). No trailing CRLF.
std::string base64_encode_lines(std::string_view bytes, std::size_t line_length = 76);

}  // namespace util
