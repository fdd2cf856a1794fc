// Text that goes into cells, comments, headers and footers: clipped to
// Excel's limits without cutting a UTF-8 sequence in half, and with invalid
// bytes replaced, so libxlsxwriter never rejects or mangles it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/text_wrap.h"
#include "util/utf8.h"

namespace report {

// Excel's limit for a cell's text: 32,767 characters, counted in UTF-16
// code units (a character outside the BMP counts twice).
inline constexpr std::size_t k_max_cell_chars = 32'767;
// Excel's limit for a header or footer string, including the &-codes.
inline constexpr std::size_t k_max_header_footer_chars = 255;

// Valid UTF-8 copy of `text`: each invalid byte becomes U+FFFD.
using util::sanitize_utf8;

// Number of UTF-16 code units `text` (valid UTF-8) takes in Excel.
using util::utf16_length;

// At most `max_units` UTF-16 units of `text`, cut at a character boundary.
// When cut, the result ends with "…" and still fits in `max_units`.
std::string clip_text(std::string_view text, std::size_t max_units = k_max_cell_chars);

// Text for a header/footer section: '&' doubled so it is not read as a code.
std::string escape_header_footer(std::string_view text);

// "%.1f" with a decimal comma, as a Russian reader writes numbers: "12,5".
std::string format_decimal(double value, int decimals = 1);

}  // namespace report
