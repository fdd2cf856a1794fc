// Conditional formats of indicator columns: a traffic light against the
// year's target, or a colour scale around the median when there is no
// target. Rules are formulas we build ourselves from numbers and cell
// addresses only; no user text ever enters them. Internal to src/report.
#pragma once

#include "model/definition.h"
#include "report/formats.h"
#include "report/sheet_writer.h"

namespace report {

// Within this many percentage points short of the target a share is "near"
// (yellow) rather than "not met" (red).
inline constexpr double k_near_pp = 5.0;

// Cells [first_row, last_row] of column `col` hold values of `indicator`
// (shares as fractions, counts, or «Да»/«Нет»). `target` is in the
// indicator's units (percent for shares and yes/no).
void add_traffic_light(SheetWriter& w, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                       const model::IndicatorDef& indicator, double target, const Formats& f);

// Red (worse) - white (median) - green (better) scale, reversed for
// better = lower. `median` in the indicator's units.
void add_median_scale(SheetWriter& w, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                      const model::IndicatorDef& indicator, double median);

// A number as Excel formulas read it: "0.8", "-12.5" (no locale).
std::string formula_number(double value);  // 12 significant digits

}  // namespace report
