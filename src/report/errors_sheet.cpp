#include "report/errors_sheet.h"

#include <algorithm>
#include <array>
#include <map>

namespace report {

namespace {

constexpr lxw_row_t k_header_row = 4;

constexpr std::array<ColumnSpec, 9> k_columns = {{
    {"Файл", 22},
    {"ОО", 20},
    {"Итог обработки файла", 14},
    {"Лист", 11},
    {"Ячейка", 8},
    {"Важность", 16},
    {"Что не так", 36},
    {"Найдено", 14},
    {"Как исправить", 36},
}};

std::string place_of(const model::Location& where) {
  std::string out;
  if (where.cell) {
    out = model::to_string(*where.cell);
  } else if (where.line) {
    out = "строка " + std::to_string(*where.line);
  }
  if (!where.key.empty()) out += (out.empty() ? "" : " ") + ("[" + where.key + "]");
  return out;
}

lxw_format* severity_format(const Formats& f, model::Severity s) {
  switch (s) {
    case model::Severity::error: return f.status_not_met;
    case model::Severity::warning: return f.status_near;
    case model::Severity::info: return f.status_no_target;
  }
  return f.status_no_target;
}

std::string counts_line(const BookContext& ctx) {
  std::map<model::Outcome, int> outcomes;
  int files = 0;
  int errors = 0;
  int warnings = 0;
  for (const auto* file : ctx.files) {
    ++files;
    ++outcomes[file->outcome];
    for (const auto& d : file->diagnostics) {
      if (d.severity == model::Severity::error) ++errors;
      if (d.severity == model::Severity::warning) ++warnings;
    }
  }
  std::string out = "Файлов: " + std::to_string(files);
  for (const auto& [outcome, n] : outcomes) {
    out += "; " + model::outcome_name(outcome) + ": " + std::to_string(n);
  }
  out += ". Ошибок: " + std::to_string(errors) + ", предупреждений: " + std::to_string(warnings) +
         ".";
  return out;
}

}  // namespace

model::Expected<void> write_errors_sheet(const BookContext& ctx) {
  auto added = add_sheet(ctx.book, k_errors_sheet);
  if (!added) return std::unexpected(added.error());
  SheetWriter& w = *added;
  const auto& f = ctx.f;
  const auto& in = ctx.in;
  const lxw_col_t last_col = k_columns.size() - 1;

  write_title_block(w, "Ошибки и замечания во входных файлах", subtitle(in), f);
  w.text(2, 0, counts_line(ctx), f.subtitle);
  write_column_headers(w, k_header_row, k_columns, f.header);
  w.row_height(k_header_row, 30);

  lxw_row_t row = k_header_row + 1;
  const auto put_row = [&](const model::FileOutcome& file, const model::Diagnostic* d) {
    const std::string school = file.questionnaire      ? "выгрузка анкеты (ответы разных ОО)"
                               : file.school_id.empty() ? "не определена"
                                                        : school_name(in.registry, file.school_id);
    w.text(row, 0, file.file.name, f.text_wrap);
    w.text(row, 1, school, f.text_wrap);
    w.text(row, 2, model::outcome_name(file.outcome), f.text_wrap);
    int lines = std::max({wrapped_lines(file.file.name, k_columns[0].width),
                          wrapped_lines(school, k_columns[1].width)});
    if (d == nullptr) {
      for (lxw_col_t c = 3; c <= last_col; ++c) w.blank(row, c, f.text_wrap);
      w.text(row, 6, "Файл не обработан: " + model::outcome_name(file.outcome) + ".", f.text_wrap);
    } else {
      w.text(row, 3, d->where.sheet, f.text_wrap);
      w.text(row, 4, place_of(d->where), f.text_wrap);
      w.text(row, 5, model::severity_name(d->severity), severity_format(f, d->severity));
      w.text(row, 6, d->message, f.text_wrap);
      w.text(row, 7, d->found, f.text_wrap);
      w.text(row, 8, d->hint, f.text_wrap);
      lines = std::max({lines, wrapped_lines(d->message, k_columns[6].width),
                        wrapped_lines(d->found, k_columns[7].width),
                        wrapped_lines(d->hint, k_columns[8].width)});
    }
    w.row_height(row, std::min(409.0, 15.0 * lines));
    ++row;
  };
  for (const auto* file : ctx.files) {
    for (const auto& d : file->diagnostics) put_row(*file, &d);
    if (file->diagnostics.empty() && file->outcome != model::Outcome::accepted) put_row(*file, nullptr);
  }
  row = autofilter_or_note(w, k_header_row, row, last_col, "Ошибок и замечаний нет: все файлы приняты.", f.text);
  finish_table_sheet(w, k_header_row, 1, "Ошибки · " + model::display_name(in.summary.period));
  return w.status();
}

}  // namespace report
