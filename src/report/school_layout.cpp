#include "report/school_layout.h"

#include <algorithm>

namespace report {

namespace {

double width_of(SchoolCol id) {
  switch (id) {
    case SchoolCol::code: return 6;
    case SchoolCol::name: return 46;
    case SchoolCol::standing:
    case SchoolCol::municipal:
    case SchoolCol::status: return 14;
    case SchoolCol::target: return 11;
    default: return 11.5;
  }
}

}  // namespace

SchoolLayout::SchoolLayout(const ReportInput& in) {
  const int year = in.summary.period.year;
  m_targets = std::any_of(in.definition.indicators.begin(), in.definition.indicators.end(),
                          [&](const auto& ind) { return ind.target_for(year).has_value(); });
  for (int i = 0; i <= static_cast<int>(SchoolCol::deviation); ++i) {
    const auto id = static_cast<SchoolCol>(i);
    const bool target_col = id == SchoolCol::target || id == SchoolCol::status || id == SchoolCol::gap;
    if (target_col && !m_targets) continue;
    m_ids.push_back(id);
    m_widths.push_back(width_of(id));
  }
}

std::optional<lxw_col_t> SchoolLayout::col(SchoolCol id) const {
  const auto it = std::find(m_ids.begin(), m_ids.end(), id);
  if (it == m_ids.end()) return std::nullopt;
  return static_cast<lxw_col_t>(it - m_ids.begin());
}

double SchoolLayout::width(lxw_col_t first, lxw_col_t last) const {
  double total = 0;
  for (lxw_col_t c = first; c <= last && c < m_widths.size(); ++c) total += m_widths[c];
  return total;
}

}  // namespace report
