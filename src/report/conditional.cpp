#include "report/conditional.h"

#include <charconv>
#include <cmath>

#include "model/cell_ref.h"
#include "report/value_cells.h"

namespace report {

namespace {

// Guards rounding: a share computed as exactly the target must count as met.
constexpr double k_epsilon = 1e-9;

void add_formula_rule(SheetWriter& w, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                      const std::string& formula, lxw_format* format) {
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
  std::string value = formula;
  rule.value_string = value.data();
  rule.format = format;
  rule.stop_if_true = LXW_TRUE;
  w.check(worksheet_conditional_format_range(w.raw(), first_row, col, last_row, col, &rule),
          first_row, col, "условное форматирование");
}

}  // namespace

std::string formula_number(double value) {
  char buf[64];
  // 12 significant digits: exact enough, and "0.799999999" rather than the
  // shortest round-trip "0.7999999990000001".
  const auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 12);
  if (ec != std::errc{}) return "0";
  return std::string(buf, end);
}

void add_traffic_light(SheetWriter& w, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                       const model::IndicatorDef& indicator, double target, const Formats& f) {
  if (last_row < first_row) return;
  const std::string cell = model::to_string(model::CellRef{first_row, col});
  if (indicator.kind == model::IndicatorKind::yesno) {
    // A yes/no target asks every school for «Да».
    add_formula_rule(w, first_row, last_row, col, cell + "=\"Да\"", f.cf_green);
    add_formula_rule(w, first_row, last_row, col, cell + "=\"Нет\"", f.cf_red);
    return;
  }
  const double t = cell_number(indicator.kind, target);
  // "Near" is 5 p.p. for shares and 5 % of the target for counts.
  const double near = indicator.kind == model::IndicatorKind::share ? k_near_pp / 100.0
                                                                     : std::abs(t) * 0.05;
  const bool lower = indicator.better == model::Better::lower;
  const std::string is_num = "ISNUMBER(" + cell + ")";
  const std::string met = lower ? cell + "<=" + formula_number(t + k_epsilon)
                                : cell + ">=" + formula_number(t - k_epsilon);
  const std::string near_ok = lower ? cell + "<" + formula_number(t + near)
                                    : cell + ">" + formula_number(t - near);
  add_formula_rule(w, first_row, last_row, col, "AND(" + is_num + "," + met + ")", f.cf_green);
  add_formula_rule(w, first_row, last_row, col, "AND(" + is_num + "," + near_ok + ")",
                   f.cf_yellow);
  add_formula_rule(w, first_row, last_row, col, is_num, f.cf_red);
}

void add_median_scale(SheetWriter& w, lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col,
                      const model::IndicatorDef& indicator, double median) {
  if (last_row < first_row || indicator.kind == model::IndicatorKind::yesno) return;
  const bool lower = indicator.better == model::Better::lower;
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_3_COLOR_SCALE;
  rule.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_MINIMUM;
  rule.min_color = lower ? k_scale_high : k_scale_low;
  rule.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
  rule.mid_value = cell_number(indicator.kind, median);
  rule.mid_color = k_scale_mid;
  rule.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_MAXIMUM;
  rule.max_color = lower ? k_scale_low : k_scale_high;
  w.check(worksheet_conditional_format_range(w.raw(), first_row, col, last_row, col, &rule),
          first_row, col, "цветовую шкалу");
}

}  // namespace report
