// The dynamics table shared by «Динамика» (the municipality) and the school
// sheets (one school): per indicator, the value now and, for each earlier
// period compared with (nearest first, at most k_max_periods), the value then
// and the change (arrow, p.p. for shares, green when better, red when
// worse). Columns: A code, B indicator, C now, then two per period.
// Internal to src/report.
#pragma once

#include <string>

#include "report/book_context.h"
#include "report/sheet_writer.h"

namespace report {

inline constexpr std::size_t k_max_periods = 4;

// Last column the table uses (for merged headings above it).
lxw_col_t dynamics_last_col(const analysis::Analysis& a);

// Writes the table from `row` (two header rows, then one row per indicator
// of the definition); `school_id` empty for the municipality. `name_width`
// is column B's width (row heights). Returns the row after the table.
lxw_row_t write_dynamics_table(SheetWriter& w, const BookContext& ctx,
                               const std::string& school_id, lxw_row_t row, double name_width);

}  // namespace report
