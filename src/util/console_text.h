// Text bound for a terminal or a cron mail, made harmless: control characters
// that come from files (names, cells) would otherwise recolour the terminal,
// set its title, ring its bell or overwrite a line with \r.
//
//   console_text("a\x1b[31mb") -> "a\\x1B[31mb"   (shown as a\x1B[31mb)
//
// Escaped as \xHH: C0 controls except tab and newline, DEL, and the C1
// controls U+0080..U+009F (written \xC2\x9B...). Everything else, Cyrillic
// included, is kept byte for byte.
#pragma once

#include <string>
#include <string_view>

namespace util {

std::string console_text(std::string_view text);

}  // namespace util
