// The pieces every block of «Диаграммы» is made of: a section heading and a
// note over columns A..D, a table from row to row, and its chart beside it
// (column F), kept on one printed page with the table. Internal to src/report.
#pragma once

#include <cstdint>
#include <string>

#include <xlsxwriter.h>

#include "report/book_context.h"
#include "report/page_plan.h"
#include "report/sheet_writer.h"

namespace report {

inline constexpr lxw_col_t k_chart_col = 5;
inline constexpr double k_chart_width_px = 620;
inline constexpr double k_name_width = 38;                                 // column B
inline constexpr double k_table_width = 7 + k_name_width + 15 + 15 + 2;  // columns A..E

// Inserts `chart`, `height_px` tall, at `row` beside the table.
void insert_chart(SheetWriter& w, lxw_row_t row, lxw_chart* chart, double height_px);

// A percentage axis from 0 to 100 % when no value goes past 100 % (a share
// never does): the spreadsheet's own choice, 120 %, reads as an error.
void percent_axis(lxw_chart_axis* axis, double largest_fraction);

// A section heading over columns A..D that wraps and is as tall as its text;
// returns the next row.
lxw_row_t chart_section(SheetWriter& w, lxw_row_t row, const std::string& title, const Formats& f);
// A note over columns A..D, as tall as its text; returns the next row.
lxw_row_t chart_note(SheetWriter& w, lxw_row_t row, const std::string& text, const Formats& f);

struct Block {
  lxw_row_t first;  // section heading
  lxw_row_t end;    // the row after the block
};

// The block's rows: its table, or the chart's rows if the chart is taller;
// kept together on a printed page.
Block finish_block(SheetWriter& w, PagePlan& plan, lxw_row_t first, lxw_row_t table_end,
                   lxw_row_t chart_row, double chart_px);

// A chart of `type` with one series named `name` over the table's rows
// [first, last]: categories in column B, values in column C. Null chart (the
// failure recorded on the sheet) when the library could not make it.
struct TableChart {
  lxw_chart* chart = nullptr;
  lxw_chart_series* series = nullptr;
};

TableChart chart_of_table(SheetWriter& w, const BookContext& ctx, uint8_t type, lxw_row_t first,
                          lxw_row_t last, const char* name);

}  // namespace report
