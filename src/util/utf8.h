// UTF-8 code points, for the few places that work on characters rather than
// bytes (sheet names cut to Excel's limit, the case of a director's name).
// The input is assumed valid UTF-8 (report::sanitize_utf8 makes it so); an
// invalid byte decodes to something, never reads past the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace util {

// Decodes the character at text[i] and advances i past it.
std::uint32_t next_code_point(std::string_view text, std::size_t& i);

// Appends `cp` encoded as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace util
