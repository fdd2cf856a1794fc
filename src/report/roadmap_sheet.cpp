#include "report/roadmap_sheet.h"

#include <algorithm>
#include <set>

#include "analysis/russian_words.h"

#include "report/analysis_view.h"
#include "report/text_rows.h"
#include "report/value_cells.h"

namespace report {

namespace {

enum Col : lxw_col_t { c_code, c_name, c_target, c_municipal, c_status, c_gap, c_schools, c_years };

constexpr lxw_row_t k_band_row = 3;    // "Целевые значения по годам" over the year columns
constexpr lxw_row_t k_header_row = 4;
constexpr double k_name_width = 46;
constexpr double k_year_width = 9;

std::vector<int> roadmap_years(const std::vector<analysis::RoadmapRow>& rows) {
  std::set<int> years;
  for (const auto& r : rows) {
    for (const auto& [year, target] : r.targets) years.insert(year);
  }
  return {years.begin(), years.end()};
}

void write_header(SheetWriter& w, const ReportInput& in, const std::vector<int>& years,
                  lxw_col_t last, const Formats& f) {
  const std::string year = std::to_string(in.summary.period.year);
  const std::vector<std::pair<Col, std::string>> heads = {
      {c_code, "Код"},
      {c_name, "Показатель"},
      {c_target, "Цель " + year + " года"},
      {c_municipal, "Факт: по " + analysis::municipality_words(in.definition).dative},
      {c_status, "Статус"},
      {c_gap, "Отклонение от цели"},
      {c_schools, "ОО достигли цели"},
  };
  for (const auto& [col, text] : heads) w.merged(k_band_row, col, k_header_row, col, text, f.header);
  if (!years.empty()) {
    const std::string band = "Цели дорожной карты по годам";
    w.merged(k_band_row, c_years, k_band_row, last, band, f.header);
    w.row_height(k_band_row,
                 std::max(20.0, 14.0 * wrapped_lines(band, k_year_width * years.size()) + 4));
    for (std::size_t i = 0; i < years.size(); ++i) {
      const bool current = years[i] == in.summary.period.year;
      w.text(k_header_row, static_cast<lxw_col_t>(c_years + i),
             std::to_string(years[i]) + (current ? " (год периода)" : ""), f.header);
    }
  }
  if (years.empty()) w.row_height(k_band_row, 20);
  w.row_height(k_header_row, 45);
}

void write_row(SheetWriter& w, lxw_row_t row, const BookContext& ctx,
               const analysis::RoadmapRow& r, const model::IndicatorDef& ind,
               const std::vector<int>& years) {
  const auto& f = ctx.f;
  const std::string year = std::to_string(r.year);
  w.text(row, c_code, r.code, f.centre);
  w.text(row, c_name, r.name, f.text_wrap);
  w.row_height(row, std::max(15.0, 13.0 * wrapped_lines(r.name, k_name_width) + 3));
  write_indicator_value(w, row, c_target, ind, r.target, false,
                        "Целевое значение на " + year + " год не задано.", f);
  write_indicator_value(w, row, c_municipal, ind, r.municipal, false, "Нет данных ни по одной ОО.",
                        f);
  if (ind.kind == model::IndicatorKind::yesno && r.municipal) {
    w.comment(row, c_municipal, "Доля ОО, ответивших «Да».");
  }
  w.text(row, c_status, r.status_text, status_format(f, r.status));
  if (ind.kind == model::IndicatorKind::yesno && !r.target) {
    w.dash(row, c_gap, "Целевое значение не задано.", f.dash);
  } else {
    write_difference_value(w, row, c_gap, ind, r.gap,
                           r.target ? "Нет муниципального значения." : "Целевое значение не задано.",
                           f);
  }
  if (!r.target) {
    w.dash(row, c_schools, "Целевое значение не задано.", f.dash);
  } else if (ind.kind == model::IndicatorKind::count) {
    w.dash(row, c_schools,
           "Цель задана для " + analysis::municipality_words(ctx.in.definition).genitive + " в целом, а не для каждой ОО.",
           f.dash);
  } else {
    w.text(row, c_schools,
           std::to_string(r.schools_meeting_target) + " из " + std::to_string(r.schools_with_value),
           f.centre);
    if (r.schools_with_value < r.schools_total) {
      w.comment(row, c_schools,
                "Из ОО со значением показателя; без значения — " +
                    std::to_string(r.schools_total - r.schools_with_value) + " ОО.");
    }
  }
  for (std::size_t i = 0; i < years.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(c_years + i);
    const auto it = r.targets.find(years[i]);
    write_indicator_value(w, row, col, ind,
                          it == r.targets.end() ? std::nullopt : std::optional<double>(it->second),
                          false, "Цель на " + std::to_string(years[i]) + " год не задана.", f);
  }
}

}  // namespace

model::Expected<void> write_roadmap_sheet(const BookContext& ctx) {
  const auto& in = ctx.in;
  if (!has_roadmap(in)) return {};
  auto added = add_sheet(ctx.book, k_roadmap_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const auto& rows = in.analysis->roadmap;
  const auto years = roadmap_years(rows);
  const lxw_col_t last =
      years.empty() ? lxw_col_t{c_schools} : static_cast<lxw_col_t>(c_years + years.size() - 1);

  w.column_width(c_code, c_code, 6);
  w.column_width(c_name, c_name, k_name_width);
  w.column_width(c_target, c_target, 12);
  w.column_width(c_municipal, c_municipal, 15);
  w.column_width(c_status, c_status, 14);
  w.column_width(c_gap, c_schools, 11);
  if (!years.empty()) w.column_width(c_years, last, k_year_width);
  const double width = 6 + k_name_width + 27 + 14 + 22 + k_year_width * years.size();

  write_title_block(w, "Дорожная карта: план и факт", subtitle(in), f);
  write_paragraph(w, 2, 0, last,
                  "Факт — муниципальное значение (для долей — сумма числителей / сумма "
                  "знаменателей). Отклонение — в п.п. для долей и в единицах для количеств. "
                  "Диаграмма «План и факт» — на листе «Диаграммы».",
                  width, f.note);
  write_header(w, in, years, last, f);

  lxw_row_t row = k_header_row + 1;
  std::vector<std::string> groups;
  for (const auto& d : in.definition.directions) groups.push_back(d.id);
  groups.push_back({});
  for (const auto& group : groups) {
    std::vector<const analysis::RoadmapRow*> members;
    for (const auto& r : rows) {
      const bool known = in.definition.find_direction(r.direction) != nullptr;
      if (group.empty() ? !known : r.direction == group) members.push_back(&r);
    }
    if (members.empty()) continue;
    w.merged(row, c_code, row, last, direction_name(in.definition, group), f.group);
    ++row;
    for (const auto* r : members) {
      const model::IndicatorDef* ind = in.definition.find_indicator(r->indicator_id);
      if (ind == nullptr) continue;
      write_row(w, row++, ctx, *r, *ind, years);
    }
  }
  if (row == k_header_row + 1) {
    w.merged(row, 0, row, last, "В методике нет показателей.", f.text);
    ++row;
  } else {
    w.check(worksheet_autofilter(w.raw(), k_header_row, 0, row - 1, last), k_header_row, 0,
            "автофильтр");
  }
  w.link_to_sheet(row + 1, c_name, k_charts_sheet, "Диаграмма «План и факт» →", f.link_plain);

  worksheet_freeze_panes(w.raw(), k_header_row + 1, 2);
  PageSetup page;
  page.repeat = true;
  page.repeat_first = k_band_row;
  page.repeat_last = k_header_row;
  page.footer_left = "Дорожная карта · " + model::display_name(in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

}  // namespace report
