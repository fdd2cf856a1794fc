// Long wrapped text that prints in full. libxlsxwriter does not fit row
// heights to their text (neither does LibreOffice when it opens a file whose
// rows have explicit heights), so heights are estimated from the text length
// and the column width (book_context.h: wrapped_lines), and a text taller than
// a row may be (409 pt) is split across consecutive rows at sentence ends.
// Internal to src/report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/sheet_writer.h"

namespace report {

inline constexpr double k_line_pt = 15;           // one line of 11 pt text
inline constexpr double k_max_row_pt = 409;       // Excel's largest row height
inline constexpr int k_max_lines_per_row = 25;    // leaves room for the estimate's error

// Height in points for `text` wrapped in `width` characters: one line per
// estimated line, plus one spare line for texts of six lines or more (word
// wrapping wastes the end of lines); at most k_max_row_pt.
double text_height(std::string_view text, double width);

// `text` cut into pieces of at most k_max_lines_per_row lines each, at
// sentence ends («. », «; ») where possible, else at spaces. One piece when
// it fits; never an empty piece.
std::vector<std::string> split_for_rows(std::string_view text, double width);

// Height in sheet points that one printed page (landscape A4, our margins,
// fit to one page wide) holds for a sheet `width` characters wide, with a
// tenth kept back for the estimates' error. Measured on LibreOffice's PDF: a
// character of column width prints about 7.7 pt wide at 100 %.
double page_height_pt(double width);

// Writes `text` merged over columns [first, last] (total width `width`) from
// `row`, in as many rows as it needs, each with its estimated height.
// Returns the row after the last one written.
lxw_row_t write_paragraph(SheetWriter& w, lxw_row_t row, lxw_col_t first, lxw_col_t last,
                          std::string_view text, double width, lxw_format* format);

}  // namespace report
