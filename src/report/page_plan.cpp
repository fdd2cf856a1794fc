#include "report/page_plan.h"

#include <algorithm>

namespace report {

namespace {

constexpr std::size_t k_max_breaks =
    1023; // libxlsxwriter's (and Excel's) limit

} // namespace

PagePlan::PagePlan(double page_pt, double repeated_pt)
    : m_page_pt(page_pt), m_repeated_pt(std::min(repeated_pt, page_pt / 2)) {}

void PagePlan::keep_together(lxw_row_t first, lxw_row_t last) {
  if (last >= first)
    m_blocks.push_back({first, last});
}

void PagePlan::start_page(lxw_row_t row) { m_forced.push_back(row); }

std::vector<lxw_row_t> PagePlan::breaks(const SheetWriter &w,
                                        lxw_row_t end) const {
  std::vector<lxw_row_t> out;
  double used = 0;
  bool page_has_rows = false;
  const auto new_page = [&](lxw_row_t row) {
    if (!page_has_rows || (!out.empty() && out.back() == row))
      return;
    out.push_back(row);
    used = m_repeated_pt;
    page_has_rows = false;
  };
  for (lxw_row_t row = 0; row < end; ++row) {
    if (std::find(m_forced.begin(), m_forced.end(), row) != m_forced.end())
      new_page(row);
    // A block starting here goes whole to the next page if it does not fit
    // on this one (and would fit on an empty one, else it starts here).
    // Of several blocks starting here, the largest that fits on a page
    // counts: a part too long for one page still keeps its title with its
    // first rows.
    double block_pt = 0;
    for (const auto &b : m_blocks) {
      if (b.first != row)
        continue;
      double h = 0;
      for (lxw_row_t r = b.first; r <= b.last; ++r)
        h += w.height_of(r);
      if (h <= m_page_pt - m_repeated_pt)
        block_pt = std::max(block_pt, h);
    }
    if (block_pt > 0 && used + block_pt > m_page_pt) {
      new_page(row);
    }
    const double h = w.height_of(row);
    if (used + h > m_page_pt)
      new_page(row);
    used += h;
    page_has_rows = true;
  }
  if (out.size() > k_max_breaks)
    out.resize(k_max_breaks);
  return out;
}

void PagePlan::apply(SheetWriter &w, lxw_row_t end) const {
  auto list = breaks(w, end);
  if (list.empty())
    return;
  const lxw_row_t first = list.front();
  list.push_back(0); // libxlsxwriter wants a zero-terminated list
  w.check(worksheet_set_h_pagebreaks(w.raw(), list.data()), first, 0,
          "разрывы страниц");
}

lxw_row_t rows_covering(const SheetWriter &w, lxw_row_t first,
                        double height_pt) {
  lxw_row_t row = first;
  double covered = w.height_of(row);
  while (covered < height_pt)
    covered += w.height_of(++row);
  return row;
}

} // namespace report
