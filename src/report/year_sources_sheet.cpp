#include "report/year_sources_sheet.h"

#include <algorithm>
#include <array>

namespace report {

namespace {

constexpr lxw_row_t k_header_row = 4;

constexpr std::array<ColumnSpec, 8> k_columns = {{
    {"№", 4},
    {"Мониторинг", 44},
    {"Месяц", 12},
    {"Мониторинг в конфигурации", 16},
    {"Итоги за год", 12},
    {"ОО с данными", 10},
    {"Позиции рубрики", 12},
    {"Что это значит для рубрики", 46},
}};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string months_text(const std::vector<int>& months) {
  std::vector<std::string> names;
  for (const int m : months) names.push_back(model::month_name(m));
  return names.empty() ? "—" : joined(names);
}

// The rubric positions the source's indicators carry: "M4", "—" for none.
std::string positions_text(const model::Definition& def, const std::string& source_id) {
  const auto* src = def.find_source(source_id);
  std::vector<std::string> positions;
  if (src != nullptr) {
    for (const auto& ind : src->definition->indicators) {
      if (!ind.position.empty() &&
          std::find(positions.begin(), positions.end(), ind.position) == positions.end()) {
        positions.push_back(ind.position);
      }
    }
  }
  return positions.empty() ? "—" : joined(positions);
}

std::string meaning(const model::YearSource& s, const model::Period& year) {
  if (s.available()) {
    return "показатели учтены: итоги мониторинга " + s.used_monitoring + " за " + model::display_name(year);
  }
  if (s.monitoring_ids.empty()) {
    return "в конфигурации нет мониторинга с этой методикой: показатели в рубрике не учтены, баллы по его "
           "позициям начисляются только по другим мониторингам";
  }
  return "итоги за " + model::display_name(year) +
         " не подведены: показатели в рубрике не учтены, баллы по его позициям начисляются только по другим "
         "мониторингам; подведите итоги и запустите рубрику снова";
}

std::string counts_line(const std::vector<model::YearSource>& sources, const model::Period& year) {
  const auto available = std::count_if(sources.begin(), sources.end(), [](const auto& s) { return s.available(); });
  std::string out = "Рубрика считается по итогам мониторингов года и годовой форме самооценки ОО. Итоги за " +
                    model::display_name(year) + " есть у " + std::to_string(available) + " из " +
                    std::to_string(sources.size()) + " мониторингов";
  const auto missing = static_cast<long>(sources.size()) - available;
  if (missing > 0) out += "; нет итогов у " + std::to_string(missing) + " — их показатели в рубрике не учтены";
  return out + ".";
}

}  // namespace

model::Expected<void> write_year_sources_sheet(const BookContext& ctx) {
  const auto& sources = ctx.in.run.year_sources;
  if (sources.empty()) return {};
  auto added = add_sheet(ctx.book, k_year_sources_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const auto& year = ctx.in.summary.period;
  // A director's workbook also says whether its own school has values.
  const std::string own = ctx.has_summary ? "" : ctx.own_school_id;
  std::vector<ColumnSpec> columns(k_columns.begin(), k_columns.end());
  if (!own.empty()) columns.insert(columns.begin() + 6, ColumnSpec{"Данные вашей ОО", 10});
  const lxw_col_t last_col = columns.size() - 1;

  write_title_block(w, k_year_sources_sheet, subtitle(ctx.in), f);
  w.merged(2, 0, 2, last_col, counts_line(sources, year), f.note);
  w.row_height(2, 30);
  write_column_headers(w, k_header_row, columns, f.header);
  w.row_height(k_header_row, 30);
  lxw_row_t row = k_header_row + 1;
  int n = 1;
  for (const auto& s : sources) {
    const std::string monitoring = s.title + " (" + s.definition_id + ")";
    const std::string configured =
        s.monitoring_ids.empty() ? "нет"
                                 : joined(s.monitoring_ids) +
                                       (s.monitoring_name.empty() ? "" : " «" + s.monitoring_name + "»");
    const std::string what = meaning(s, year);
    lxw_col_t col = 0;
    w.number(row, col++, n++, f.integer);
    w.text(row, col++, monitoring, f.text_wrap);
    w.text(row, col++, months_text(s.months), f.text_wrap);
    w.text(row, col++, configured, f.text_wrap);
    w.text(row, col++, s.available() ? "есть" : "нет", s.available() ? f.status_met : f.status_not_met);
    w.number(row, col++, static_cast<double>(s.school_ids.size()), f.integer);
    if (!own.empty()) {
      const bool has = std::find(s.school_ids.begin(), s.school_ids.end(), own) != s.school_ids.end();
      if (s.available()) {
        w.text(row, col++, has ? "есть" : "нет", has ? f.status_met : f.status_not_met);
      } else {
        w.dash(row, col++, "итогов мониторинга за год нет", f.dash);
      }
    }
    w.text(row, col++, positions_text(ctx.in.definition, s.definition_id), f.centre);
    w.text(row, col++, what, f.text_wrap);
    const int lines = std::max(wrapped_lines(monitoring, k_columns[1].width), wrapped_lines(what, k_columns[7].width));
    w.row_height(row, std::min(409.0, 15.0 * lines));
    ++row;
  }
  autofilter_or_note(w, k_header_row, row, last_col, "У рубрики нет мониторингов.", f.text);
  finish_table_sheet(w, k_header_row, 2, std::string(k_year_sources_sheet) + " · " + model::display_name(year));
  return w.status();
}

}  // namespace report
