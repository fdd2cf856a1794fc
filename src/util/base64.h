// Base64 (RFC 4648, section 4: the standard alphabet with '=' padding), for
// MIME bodies and attachments and for RFC 2047 encoded words. Own code
// because the allowed libraries expose none; tested with the RFC's vectors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mail {

// "foob" -> "Zm9vYg==". No line breaks.
std::string base64_encode(std::string_view bytes);

// The same, broken into lines of at most `line_length` characters (a
// multiple of 4) separated by CRLF, as MIME wants (76). No trailing CRLF.
std::string base64_encode_lines(std::string_view bytes, std::size_t line_length = 76);

// Decodes, skipping CR, LF, space and tab. nullopt for any other character
// outside the alphabet, bad padding, or a length that is not a multiple of 4.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace mail
