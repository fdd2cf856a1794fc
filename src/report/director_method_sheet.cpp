#include "report/director_method_sheet.h"

#include "report/text_rows.h"

namespace report {

namespace {

constexpr double k_key_width = 30;
constexpr double k_value_width = 80;

// "2026-11-23 09:00:00" -> "23.11.2026"; other text as it is.
std::string date_of(const std::string &run_time) {
  if (run_time.size() < 10 || run_time[4] != '-' || run_time[7] != '-')
    return run_time;
  return run_time.substr(8, 2) + "." + run_time.substr(5, 2) + "." +
         run_time.substr(0, 4);
}

} // namespace

model::Expected<void> write_director_method_sheet(const BookContext &ctx) {
  auto added = add_sheet(ctx.book, k_method_sheet);
  if (!added)
    return std::unexpected(added.error());
  SheetWriter &w = *added;
  const auto &in = ctx.in;
  const auto &def = in.definition;
  const auto &f = ctx.f;
  w.column_width(0, 0, k_key_width);
  w.column_width(1, 1, k_value_width);
  write_title_block(w, "О мониторинге", subtitle(in), f);

  std::string contact = in.run.contact;
  if (contact.empty())
    contact = def.organisation;
  if (contact.empty())
    contact = "методист, проводивший мониторинг";
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Мониторинг", def.title.empty()
                         ? std::string("мониторинг методической работы")
                         : def.title},
      {"Муниципалитет", def.municipality},
      {"Отчётный период", model::display_name(in.summary.period)},
      {"Итоги подведены", date_of(in.run.run_time)},
      {"Вопросы по итогам", contact},
  };
  lxw_row_t row = k_title_rows + 1;
  for (const auto &[key, value] : rows) {
    if (value.empty())
      continue;
    w.text(row, 0, key, f.label);
    w.text(row, 1, value, f.plain_wrap);
    w.row_height(row, std::max(k_line_pt, text_height(value, k_value_width)));
    ++row;
  }
  ++row;
  write_paragraph(w, row, 0, 1,
                  "Как вычислены показатели, медианы и места, описано в "
                  "методике мониторинга; "
                  "подробные сведения о расчёте есть у методиста.",
                  k_key_width + k_value_width, f.note);

  PageSetup page;
  page.landscape = false;
  page.footer_left =
      "О мониторинге · " + model::display_name(in.summary.period);
  set_page(w, page);
  protect_sheet(w);
  return w.status();
}

} // namespace report
