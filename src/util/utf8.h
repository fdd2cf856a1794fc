// UTF-8, one copy for the whole program: code points for the places that work
// on characters rather than bytes (sheet names cut to Excel's limit, the case
// of a director's name, the length of a header's encoded word), and making
// text valid before it goes into a workbook or a document.
// next_code_point assumes valid UTF-8 (sanitize_utf8 makes it so); an invalid
// byte decodes to something, never reads past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace util {

// Bytes of the UTF-8 sequence that starts with `lead`: 1 for ASCII and for a
// byte that cannot start a sequence (a continuation byte, F8..FF).
constexpr std::size_t sequence_length(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
}

// Decodes the character at text[i] and advances i past it.
std::uint32_t next_code_point(std::string_view text, std::size_t& i);

// The same for input that may not be UTF-8, strictly: the code point at
// text[i] (advancing i past it), or nullopt (advancing i by one byte) when the
// bytes there are an overlong form, a surrogate, past U+10FFFF, cut short or
// no UTF-8 at all. Used to validate (definition/text_encoding) and to make
// text safe for XML (report/docx_document).
std::optional<std::uint32_t> next_valid_code_point(std::string_view text, std::size_t& i);

// Bytes of the valid UTF-8 sequence at text[i], or 0 when the bytes there are
// not one (the same rules as next_valid_code_point).
std::size_t valid_sequence_length(std::string_view text, std::size_t i);

// Valid UTF-8 copy of `text`: each invalid byte becomes U+FFFD.
std::string sanitize_utf8(std::string_view text);

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace util
