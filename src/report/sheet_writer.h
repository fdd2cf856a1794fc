// A borrowed worksheet plus the rules every write on it follows:
//  - text is always written as a string (worksheet_write_string), never as a
//    formula, so a school named "=HYPERLINK(...)" or "+79991234567" stays text;
//  - text is clipped to Excel's 32,767-character limit at a UTF-8 boundary;
//  - the first libxlsxwriter error is kept with its cell and reported by
//    status(), so a sheet writer can run to the end and fail once.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

#include "model/diagnostic.h"

namespace report {

struct Formats;

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, std::string sheet_name);

  lxw_worksheet* raw() const { return m_sheet; }
  const std::string& name() const { return m_name; }

  void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format);
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);
  void blank(lxw_row_t row, lxw_col_t col, lxw_format* format);
  // "—" with `reason` in a cell comment (when not empty).
  void dash(lxw_row_t row, lxw_col_t col, std::string_view reason, lxw_format* format);
  void comment(lxw_row_t row, lxw_col_t col, std::string_view value);
  void merged(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
              std::string_view value, lxw_format* format);
  // A one-row merged area inside a bordered table (a direction's band across
  // the indicator table): the table's bordered rows right above and below
  // draw its top and bottom edges, so only its first cell (text, fill, left
  // edge) and its last (right edge) are written, not a bordered blank in
  // every column between. The caller guarantees those neighbours.
  void band(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view value,
            lxw_format* format);
  // A link to cell A1 of another sheet of this workbook, shown as `value`.
  void link_to_sheet(lxw_row_t row, lxw_col_t col, std::string_view sheet_name,
                     std::string_view value, lxw_format* format);
  // A link to a workbook at `relative_path` (from this workbook's folder,
  // '/' between folders), written as =HYPERLINK(path, value) with `value`
  // as its cached result; quotes in either are doubled, so neither can end
  // its string literal. The one formula this writer writes.
  void link_to_file(lxw_row_t row, lxw_col_t col, std::string_view relative_path,
                    std::string_view value, lxw_format* format);
  void column_width(lxw_col_t first, lxw_col_t last, double width, lxw_format* format = nullptr);
  void row_height(lxw_row_t row, double height, lxw_format* format = nullptr);
  // What this writer has set so far: a row's height in points (15, the
  // default, when never set) and the total width of columns [first, last]
  // in characters (8.43 a column when never set). For page planning.
  double height_of(lxw_row_t row) const;
  double width_of(lxw_col_t first, lxw_col_t last) const;

  // Records `err` (if any) as this sheet's first failure, located at `cell`.
  void check(lxw_error err, lxw_row_t row, lxw_col_t col, std::string_view what);
  model::Expected<void> status() const;

 private:
  // Merges the area with no text and no format, then writes `value` in
  // `format` into its first cell alone (merged() without a border, band()).
  void merge_into_first_cell(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                             lxw_col_t last_col, std::string_view value, lxw_format* format);

  lxw_worksheet* m_sheet;
  std::string m_name;
  std::optional<model::Diagnostic> m_error;
  std::map<lxw_row_t, double> m_heights;
  std::map<lxw_col_t, double> m_widths;
};

// Rows holding the title block written by write_title_block().
inline constexpr lxw_row_t k_title_rows = 2;

// Row 0: `title` in bold; row 1: `subtitle` (municipality and period).
void write_title_block(SheetWriter& w, std::string_view title, std::string_view subtitle,
                       const Formats& f);

struct PageSetup {
  bool landscape = true;
  lxw_row_t repeat_first = 0;  // rows printed on top of every page
  lxw_row_t repeat_last = 0;
  bool repeat = false;
  std::string footer_left;     // plain text (period); '&' is escaped
  bool fit_height = false;     // also fit the sheet onto one page tall
  int pages_wide = 1;          // wide tables: spread over this many pages across
  int repeat_columns = 0;      // columns printed on the left of every page (0: none)
};

// A4, margins, fit to one page wide, header with the sheet name, footer
// "Страница &P из &N".
void set_page(SheetWriter& w, const PageSetup& page);

// Protects the sheet against accidental edits without a password. Users may
// still select cells, widen columns and use the autofilter.
void protect_sheet(SheetWriter& w);

// The common end of a table sheet: freezes the rows down to `header_row` and
// the first `frozen_cols` columns, sets the page (landscape, fit to width, the
// header row repeated on every page when `repeat_header`), the footer
// "<footer_left>" and protects the sheet.
void finish_table_sheet(SheetWriter& w, lxw_row_t header_row, lxw_col_t frozen_cols,
                        const std::string& footer_left, bool repeat_header = true);

// One column of a table sheet: its heading and width (characters).
struct ColumnSpec {
  const char* title;
  double width;
};

// The headings of `columns` in `header_row` from column 0, with their widths.
void write_column_headers(SheetWriter& w, lxw_row_t header_row, std::span<const ColumnSpec> columns,
                          lxw_format* format);

// Rows header_row+1 .. row-1 hold data: an autofilter over them. No data rows:
// `empty_text` across the table instead. Returns the next free row.
lxw_row_t autofilter_or_note(SheetWriter& w, lxw_row_t header_row, lxw_row_t row, lxw_col_t last_col,
                             const std::string& empty_text, lxw_format* text_format);

}  // namespace report

namespace report {

// Adds a worksheet named `name` (already valid and unique) to `book`.
model::Expected<SheetWriter> add_sheet(lxw_workbook* book, const std::string& name);

}  // namespace report
