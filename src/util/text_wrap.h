// How much room a text takes in a wrapped spreadsheet cell. libxlsxwriter
// does not fit row heights to their text, and LibreOffice does not either
// when a file gives explicit heights, so every workbook we write (forms,
// results, directors' books) sizes its rows from these estimates.
//
//   worksheet_set_row(ws, row, 15.0 * util::wrapped_lines(label, 62), fmt);
#pragma once

#include <cstddef>
#include <string_view>

namespace util {

// Number of UTF-16 code units `text` (valid UTF-8) takes in Excel: a
// character outside the BMP counts twice.
std::size_t utf16_length(std::string_view text);

// Lines `text` needs in a wrapped cell `width` characters wide (at least 1),
// wrapping at spaces as a spreadsheet does: a word that does not fit starts
// a new line, a word longer than a line is broken; '\n' starts a new line.
// A column of width w holds about w digits of the default font; Cyrillic
// letters are a little wider, so a line holds 0.9 w characters.
int wrapped_lines(std::string_view text, double width);

// The column width in which the longest word of `text` fits on one line
// (the inverse of wrapped_lines for a single word): a header narrower than
// this breaks a word in the middle («профессиональ ных»).
double width_for_longest_word(std::string_view text);

} // namespace util
