// The columns of a school's sheet. They depend on the method only, so every
// school sheet of a workbook has the same ones: a method without targets for
// the year (Krymsk) gets no target, status and gap columns, which would be
// «—» all the way down. The analysis parts below the table and the chart use
// the same columns (school_analysis.h). Internal to src/report.
#pragma once

#include <optional>
#include <vector>

#include <xlsxwriter.h>

#include "report/results_workbook.h"

namespace report {

enum class SchoolCol {
  code, name, numerator, denominator, value, median, standing, municipal,
  target, status, gap,  // only with targets for the year
  rank, deviation
};

class SchoolLayout {
 public:
  explicit SchoolLayout(const ReportInput& in);

  bool has_targets() const { return m_targets; }
  // The column of `id`; nullopt when this layout has none.
  std::optional<lxw_col_t> col(SchoolCol id) const;
  lxw_col_t last() const { return static_cast<lxw_col_t>(m_widths.size() - 1); }
  double width(lxw_col_t col) const { return m_widths.at(col); }
  // Total width of columns [first, last], in characters.
  double width(lxw_col_t first, lxw_col_t last) const;
  double total_width() const { return width(0, last()); }
  const std::vector<SchoolCol>& columns() const { return m_ids; }

 private:
  bool m_targets = false;
  std::vector<SchoolCol> m_ids;
  std::vector<double> m_widths;
};

}  // namespace report
