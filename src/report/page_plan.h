// Where printed pages break, decided when a sheet is written instead of left
// to the spreadsheet: a chart (with the table it draws), or a table's last
// rows with the notes under it, must never be cut by a page break, and a
// page must not hold only the repeated header and a legend.
//
// The plan walks the rows with the heights the sheet writer set
// (SheetWriter::height_of) and puts a manual break wherever the estimated
// page is full, and before any block that would not fit on the rest of the
// current page. Every break is explicit, so the spreadsheet adds none of its
// own as long as the page estimate (text_rows.h: page_height_pt) is not
// larger than the real page; it keeps a tenth back for that.
// Internal to src/report.
//
//   PagePlan plan(page_height_pt(w.width_of(0, 11)));
//   plan.keep_together(chart_first_row, rows_covering(w, chart_first_row,
//   chart_pt)); plan.apply(w, last_row + 1);
#pragma once

#include <vector>

#include "report/sheet_writer.h"

namespace report {

class PagePlan {
public:
  // `page_pt`: the height one printed page holds, in sheet points;
  // `repeated_pt`: rows printed on top of every page after the first.
  explicit PagePlan(double page_pt, double repeated_pt = 0);

  // Rows [first, last] print on one page when they fit on one.
  void keep_together(lxw_row_t first, lxw_row_t last);
  // A new page starts at `row`.
  void start_page(lxw_row_t row);

  // The rows where new pages start, for rows [0, end) of `w`.
  std::vector<lxw_row_t> breaks(const SheetWriter &w, lxw_row_t end) const;
  // Sets those breaks on the sheet (at most Excel's 1,023).
  void apply(SheetWriter &w, lxw_row_t end) const;

private:
  struct Block {
    lxw_row_t first, last;
  };
  double m_page_pt;
  double m_repeated_pt;
  std::vector<Block> m_blocks;
  std::vector<lxw_row_t> m_forced;
};

// Pixels of a drawing (charts are sized in pixels, 96 to the inch) per
// point of sheet height (72 to the inch).
inline constexpr double k_px_per_pt = 4.0 / 3.0;

// The last row a drawing `height_pt` tall placed at the top of `first` covers.
lxw_row_t rows_covering(const SheetWriter &w, lxw_row_t first,
                        double height_pt);

} // namespace report
