// Writing one indicator figure into a cell, the same way on every sheet:
// shares as fractions with "0.0%", counts as whole numbers, yes/no as
// «Да»/«Нет», and a missing value as "—" with the reason in a comment.
// Internal to src/report.
#pragma once

#include <optional>
#include <string_view>

#include "aggregate/summary.h"
#include "model/definition.h"
#include "report/formats.h"
#include "report/sheet_writer.h"

namespace report {

// A school's value of `indicator`; `value` may be null (no record at all).
void write_school_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                        const model::IndicatorDef& indicator, const aggregate::SchoolValue* value,
                        const Formats& f);

// A figure in the indicator's units (share %, count, yes/no as % of «Да»),
// or "—" with `reason` when absent. `format` must suit the kind (percent
// formats get value / 100).
void write_figure(SheetWriter& w, lxw_row_t row, lxw_col_t col, model::IndicatorKind kind,
                  const std::optional<double>& value, lxw_format* format,
                  lxw_format* dash_format, std::string_view reason);

// Why a school's value is absent, as a full sentence for a comment.
std::string missing_comment(const aggregate::SchoolValue* value);

// Share and yes/no figures are percentages: stored as value / 100.
double cell_number(model::IndicatorKind kind, double value);

// "доля, %", "количество", "да/нет"; plus "↑ лучше больше" / "↓ лучше меньше".
std::string unit_label(const model::IndicatorDef& indicator);

}  // namespace report
