#include "report/value_cells.h"

namespace report {

double cell_number(model::IndicatorKind kind, double value) {
  return kind == model::IndicatorKind::count ? value : value / 100.0;
}

std::string missing_comment(const aggregate::SchoolValue* value) {
  if (value == nullptr) return "Нет значения: нет данных по этой ОО.";
  const std::string reason = aggregate::missing_reason(value->missing);
  if (reason.empty()) return "Нет значения.";
  return "Нет значения: " + reason + ".";
}

void write_school_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                        const model::IndicatorDef& indicator, const aggregate::SchoolValue* value,
                        const Formats& f) {
  if (value == nullptr || !value->value || value->missing != aggregate::Missing::none) {
    w.dash(row, col, missing_comment(value), f.dash);
    return;
  }
  switch (indicator.kind) {
    case model::IndicatorKind::yesno:
      w.text(row, col, *value->value > 0.0 ? "Да" : "Нет", f.centre);
      return;
    case model::IndicatorKind::count:
      w.number(row, col, *value->value, f.count);
      return;
    case model::IndicatorKind::share:
      w.number(row, col, *value->value / 100.0, f.percent);
      return;
  }
}

void write_figure(SheetWriter& w, lxw_row_t row, lxw_col_t col, model::IndicatorKind kind,
                  const std::optional<double>& value, lxw_format* format,
                  lxw_format* dash_format, std::string_view reason) {
  if (!value) {
    w.dash(row, col, reason, dash_format);
    return;
  }
  w.number(row, col, cell_number(kind, *value), format);
}

std::string unit_label(const model::IndicatorDef& indicator) {
  std::string unit;
  switch (indicator.kind) {
    case model::IndicatorKind::share: unit = "доля, %"; break;
    case model::IndicatorKind::count: unit = "количество"; break;
    case model::IndicatorKind::yesno: return "да/нет";
  }
  return unit + (indicator.better == model::Better::lower ? ", ↓ лучше меньше"
                                                          : ", ↑ лучше больше");
}

}  // namespace report
