#include "report/dynamics_table.h"

#include <algorithm>

#include "analysis/period_text.h"
#include "report/analysis_view.h"
#include "report/value_cells.h"

namespace report {

namespace {

constexpr lxw_col_t k_now_col = 2;

std::size_t periods_shown(const analysis::Analysis& a) {
  return std::min(a.dynamics.periods.size(), k_max_periods);
}

// "к октябрю 2026 г." for the i-th compared period.
std::string period_heading(const analysis::Analysis& a, std::size_t i) {
  if (!a.dynamics.municipal.empty() && i < a.dynamics.municipal.front().changes.size()) {
    return analysis::comparison_text(a.dynamics.municipal.front().changes[i]);
  }
  return "к " + analysis::period_dative(a.dynamics.periods[i]);
}

}  // namespace

lxw_col_t dynamics_last_col(const analysis::Analysis& a) {
  return static_cast<lxw_col_t>(k_now_col + 2 * periods_shown(a));
}

lxw_row_t write_dynamics_table(SheetWriter& w, const BookContext& ctx,
                               const std::string& school_id, lxw_row_t row, double name_width) {
  const auto& a = *ctx.in.analysis;
  const auto& f = ctx.f;
  const std::size_t n = periods_shown(a);
  w.merged(row, 0, row + 1, 0, "Код", f.header);
  w.merged(row, 1, row + 1, 1, "Показатель", f.header);
  w.merged(row, k_now_col, row + 1, k_now_col, "Сейчас (" + analysis::period_accusative(ctx.in.summary.period) + ")",
           f.header);
  for (std::size_t i = 0; i < n; ++i) {
    const auto col = static_cast<lxw_col_t>(k_now_col + 1 + 2 * i);
    w.merged(row, col, row, col + 1, period_heading(a, i), f.header);
    w.text(row + 1, col, "Значение", f.header);
    w.text(row + 1, col + 1, "Изменение", f.header);
  }
  w.row_height(row, 45);
  w.row_height(row + 1, 18);
  row += 2;
  for (const auto& ind : ctx.in.definition.indicators) {
    const analysis::DynamicsRow* d = a.dynamics.find(school_id, ind.id);
    w.text(row, 0, ind.code, f.centre);
    w.text(row, 1, ind.name, f.text_wrap);
    w.row_height(row, std::max(15.0, 13.0 * wrapped_lines(ind.name, name_width) + 3));
    const bool school = !school_id.empty();
    write_indicator_value(w, row, k_now_col, ind, d ? d->current : std::nullopt, school,
                          "Нет значения за текущий период.", f);
    for (std::size_t i = 0; i < n; ++i) {
      const auto col = static_cast<lxw_col_t>(k_now_col + 1 + 2 * i);
      const analysis::Change* c = d && i < d->changes.size() ? &d->changes[i] : nullptr;
      write_indicator_value(w, row, col, ind, c ? c->earlier : std::nullopt, school,
                            "Нет значения за " + analysis::period_accusative(a.dynamics.periods[i]) + ".", f);
      write_change(w, row, col + 1, ind, c, ctx, school);
    }
    ++row;
  }
  return row;
}

}  // namespace report
