#include "report/dynamics_sheet.h"

#include <algorithm>

#include "report/analysis_view.h"
#include "report/dynamics_table.h"
#include "report/text_rows.h"

namespace report {

namespace {

constexpr double k_name_width = 44;
constexpr double k_value_width = 12;
constexpr lxw_col_t k_first_indicator_col = 2;

// Schools (rows) by indicators (columns): the change against the previous period.
lxw_row_t write_school_changes(SheetWriter& w, const BookContext& ctx, lxw_row_t row) {
  const auto& in = ctx.in;
  const auto& f = ctx.f;
  const auto& a = *in.analysis;
  const auto& indicators = in.definition.indicators;
  const lxw_col_t last =
      static_cast<lxw_col_t>(k_first_indicator_col + std::max<std::size_t>(indicators.size(), 1) - 1);
  std::string against = "к предыдущему периоду";
  if (!a.dynamics.periods.empty()) against += " (" + a.dynamics.periods.front() + ")";
  w.merged(row, 0, row, std::max<lxw_col_t>(last, 5), "Изменения по ОО " + against, f.section);
  w.row_height(row, 20);
  ++row;
  const lxw_row_t header = row;
  w.text(row, 0, "№", f.header);
  w.text(row, 1, "ОО", f.header);
  int lines = 2;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const std::string title = indicator_title(indicators[i]);
    w.text(row, static_cast<lxw_col_t>(k_first_indicator_col + i), title, f.header);
    lines = std::max(lines, wrapped_lines(title, k_value_width));
  }
  w.row_height(row, std::min(200.0, 13.0 * lines + 6));
  ++row;
  int n = 0;
  for (const auto& id : in.summary.school_ids) {
    w.number(row, 0, ++n, f.integer);
    const std::string name = school_name(in.registry, id);
    w.text(row, 1, name, f.text_wrap);
    if (const int l = wrapped_lines(name, k_name_width); l > 1) w.row_height(row, 15.0 * l);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const analysis::DynamicsRow* d = a.dynamics.find(id, indicators[i].id);
      write_change(w, row, static_cast<lxw_col_t>(k_first_indicator_col + i), indicators[i],
                   d ? d->previous() : nullptr, ctx, true);
    }
    ++row;
  }
  if (n > 0) {
    w.check(worksheet_autofilter(w.raw(), header, 0, row - 1, last), header, 0, "автофильтр");
  }
  return row;
}

}  // namespace

model::Expected<void> write_dynamics_sheet(const BookContext& ctx) {
  if (!has_dynamics(ctx.in)) return {};
  auto added = add_sheet(ctx.book, k_dynamics_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const auto& a = *ctx.in.analysis;
  const std::size_t cols = std::max(ctx.in.definition.indicators.size(),
                                    static_cast<std::size_t>(dynamics_last_col(a) - 1));
  w.column_width(0, 0, 6);
  w.column_width(1, 1, k_name_width);
  w.column_width(2, static_cast<lxw_col_t>(1 + cols), k_value_width);
  const lxw_col_t last = std::max<lxw_col_t>(dynamics_last_col(a), 5);

  write_title_block(w, "Динамика показателей", subtitle(ctx.in), f);
  std::string note =
      "Изменение = значение сейчас − значение тогда: в п.п. для долей и показателей «да/нет», в "
      "единицах для количеств. ↑ — рост, ↓ — снижение; зелёный — изменение к лучшему, красный — к "
      "худшему (для показателей «лучше меньше» снижение — к лучшему).";
  if (a.dynamics.periods.size() > k_max_periods) {
    note += " Показаны " + std::to_string(k_max_periods) + " ближайших периода из " +
            std::to_string(a.dynamics.periods.size()) + ".";
  }
  lxw_row_t row = write_paragraph(w, 2, 0, last, note, 6 + k_name_width + k_value_width * (last - 1),
                                  f.note);
  ++row;
  w.merged(row, 0, row, last, "Муниципальные значения", f.section);
  w.row_height(row, 20);
  ++row;
  row = write_dynamics_table(w, ctx, "", row, k_name_width);
  write_school_changes(w, ctx, row + 1);

  worksheet_freeze_panes(w.raw(), k_title_rows, 2);
  PageSetup page;
  page.footer_left = "Динамика · " + model::display_name(ctx.in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
