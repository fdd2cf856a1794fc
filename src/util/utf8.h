// UTF-8 code points, for the few places that work on characters rather than
// bytes (sheet names cut to Excel's limit, the case of a director's name).
// The input is assumed valid UTF-8 (report::sanitize_utf8 makes it so); an
// invalid byte decodes to something, never reads past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace util {

// Decodes the character at text[i] and advances i past it.
std::uint32_t next_code_point(std::string_view text, std::size_t& i);

// The same for input that may not be UTF-8, strictly: the code point at
// text[i] (advancing i past it), or nullopt (advancing i by one byte) when the
// bytes there are an overlong form, a surrogate, past U+10FFFF, cut short or
// no UTF-8 at all. Used to validate (definition/text_encoding) and to make
// text safe for XML (report/docx_document).
std::optional<std::uint32_t> next_valid_code_point(std::string_view text, std::size_t& i);

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace util
