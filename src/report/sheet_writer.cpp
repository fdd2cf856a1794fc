#include "report/sheet_writer.h"

#include "model/cell_ref.h"
#include "report/cell_text.h"
#include "report/formats.h"
#include "util/xlsx_file.h"

namespace report {

namespace {

bool has_border(const lxw_format& f) { return f.left != 0 || f.right != 0 || f.top != 0 || f.bottom != 0; }

// A text as a string literal of a formula: in quotes, inner quotes doubled.
std::string formula_literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace

SheetWriter::SheetWriter(lxw_worksheet* sheet, std::string sheet_name)
    : m_sheet(sheet), m_name(std::move(sheet_name)) {}

void SheetWriter::check(lxw_error err, lxw_row_t row, lxw_col_t col, std::string_view what) {
  if (err == LXW_NO_ERROR || m_error) return;
  model::Location where;
  where.sheet = m_name;
  where.cell = model::CellRef{row, col};
  m_error = model::Diagnostic::error(
      where, "не удалось записать " + std::string(what) + " в книгу результатов: " +
                 util::lxw_error_text(err),
      "сообщите разработчикам metodmon: это ошибка программы, а не входных данных");
}

model::Expected<void> SheetWriter::status() const {
  if (m_error) return std::unexpected(*m_error);
  return {};
}

void SheetWriter::text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
  if (value.empty()) {
    blank(row, col, format);
    return;
  }
  const std::string clipped = clip_text(value);
  check(worksheet_write_string(m_sheet, row, col, clipped.c_str(), format), row, col, "текст");
}

void SheetWriter::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  check(worksheet_write_number(m_sheet, row, col, value, format), row, col, "число");
}

void SheetWriter::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
  // A blank without a format is not stored at all; that is fine.
  check(worksheet_write_blank(m_sheet, row, col, format), row, col, "пустую ячейку");
}

void SheetWriter::dash(lxw_row_t row, lxw_col_t col, std::string_view reason, lxw_format* format) {
  text(row, col, "—", format);
  if (!reason.empty()) comment(row, col, reason);
}

void SheetWriter::comment(lxw_row_t row, lxw_col_t col, std::string_view value) {
  const std::string clipped = clip_text(value);
  lxw_comment_options options{};
  options.author = const_cast<char*>("metodmon");
  options.width = 260;
  options.height = static_cast<std::uint16_t>(clipped.size() > 160 ? 140 : 70);
  check(worksheet_write_comment_opt(m_sheet, row, col, clipped.c_str(), &options), row, col,
        "примечание");
}

void SheetWriter::merged(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                         lxw_col_t last_col, std::string_view value, lxw_format* format) {
  if (first_row == last_row && first_col == last_col) {
    text(first_row, first_col, value, format);
    return;
  }
  // worksheet_merge_range writes its text with worksheet_write_string, and
  // a blank cell in `format` for every other cell of the area. Only borders
  // need those: Excel and LibreOffice draw a merged area's edges from the
  // cells along them, and everything else from its first cell. Without a
  // border the area is merged empty and its first cell written alone: the
  // same page with fewer cells (a director's sheet: 834 instead of 954).
  if (format == nullptr || has_border(*format)) {
    const std::string clipped = clip_text(value);
    check(worksheet_merge_range(m_sheet, first_row, first_col, last_row, last_col, clipped.c_str(), format),
          first_row, first_col, "объединённые ячейки");
    return;
  }
  merge_into_first_cell(first_row, first_col, last_row, last_col, value, format);
}

void SheetWriter::band(lxw_row_t row, lxw_col_t first_col, lxw_col_t last_col, std::string_view value,
                       lxw_format* format) {
  if (first_col == last_col) {
    text(row, first_col, value, format);
    return;
  }
  merge_into_first_cell(row, first_col, row, last_col, value, format);
  blank(row, last_col, format);
}

void SheetWriter::merge_into_first_cell(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                                        lxw_col_t last_col, std::string_view value, lxw_format* format) {
  check(worksheet_merge_range(m_sheet, first_row, first_col, last_row, last_col, "", nullptr), first_row,
        first_col, "объединённые ячейки");
  text(first_row, first_col, value, format);  // clips it
}

void SheetWriter::link_to_sheet(lxw_row_t row, lxw_col_t col, std::string_view sheet_name,
                                std::string_view value, lxw_format* format) {
  // Sheet names made by SheetNamer hold no apostrophe; doubling keeps any
  // other name (e.g. "Сводка") correct all the same.
  std::string quoted;
  for (const char c : sheet_name) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  const std::string url = "internal:'" + quoted + "'!A1";
  const std::string shown = clip_text(value);
  check(worksheet_write_url_opt(m_sheet, row, col, url.c_str(), format, shown.c_str(), nullptr),
        row, col, "ссылку");
}

// A HYPERLINK formula with its result cached, not a hyperlink: the same click
// in Excel, LibreOffice and R7, but no entry in the sheet's relationships,
// which libxlsxwriter holds in memory until the workbook is closed (a large
// part of the peak for the «Сводка» of a region's schools).
void SheetWriter::link_to_file(lxw_row_t row, lxw_col_t col, std::string_view relative_path,
                               std::string_view value, lxw_format* format) {
  const std::string shown = clip_text(value);
  const std::string formula =
      "=HYPERLINK(" + formula_literal(relative_path) + "," + formula_literal(shown) + ")";
  check(worksheet_write_formula_str(m_sheet, row, col, formula.c_str(), format, shown.c_str()),
        row, col, "ссылку на файл");
}

void SheetWriter::column_width(lxw_col_t first, lxw_col_t last, double width,
                               lxw_format* format) {
  check(worksheet_set_column(m_sheet, first, last, width, format), 0, first, "ширину столбца");
  for (lxw_col_t c = first; c <= last && c >= first; ++c) m_widths[c] = width;
}

void SheetWriter::row_height(lxw_row_t row, double height, lxw_format* format) {
  check(worksheet_set_row(m_sheet, row, height, format), row, 0, "высоту строки");
  m_heights[row] = height;
}

double SheetWriter::height_of(lxw_row_t row) const {
  const auto it = m_heights.find(row);
  return it == m_heights.end() ? LXW_DEF_ROW_HEIGHT : it->second;
}

double SheetWriter::width_of(lxw_col_t first, lxw_col_t last) const {
  double total = 0;
  for (lxw_col_t c = first; c <= last && c >= first; ++c) {
    const auto it = m_widths.find(c);
    total += it == m_widths.end() ? LXW_DEF_COL_WIDTH : it->second;
  }
  return total;
}

void write_title_block(SheetWriter& w, std::string_view title, std::string_view subtitle,
                       const Formats& f) {
  w.text(0, 0, title, f.title);
  w.row_height(0, 21);
  w.text(1, 0, subtitle, f.subtitle);
}

void set_page(SheetWriter& w, const PageSetup& page) {
  lxw_worksheet* ws = w.raw();
  worksheet_set_paper(ws, 9);  // A4
  if (page.landscape) {
    worksheet_set_landscape(ws);
  } else {
    worksheet_set_portrait(ws);
  }
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages(ws, static_cast<std::uint16_t>(std::max(1, page.pages_wide)),
                         page.fit_height ? 1 : 0);
  if (page.repeat_columns > 0) {
    w.check(worksheet_repeat_columns(ws, 0, static_cast<lxw_col_t>(page.repeat_columns - 1)), 0, 0,
            "сквозные столбцы");
  }
  if (page.repeat) {
    w.check(worksheet_repeat_rows(ws, page.repeat_first, page.repeat_last), page.repeat_first, 0,
            "сквозные строки");
  }
  const std::string header = "&R&8&A";
  w.check(worksheet_set_header(ws, header.c_str()), 0, 0, "колонтитул");
  // Clip before escaping so a doubled '&' is never cut in half.
  const std::string left = escape_header_footer(clip_text(page.footer_left, 100));
  const std::string footer = "&L&8" + left + "&C&8Страница &P из &N";
  w.check(worksheet_set_footer(ws, footer.c_str()), 0, 0, "колонтитул");
}

void protect_sheet(SheetWriter& w) {
  lxw_protection options{};
  // In libxlsxwriter a set flag means "allowed while protected".
  options.format_columns = LXW_TRUE;
  options.format_rows = LXW_TRUE;
  options.autofilter = LXW_TRUE;
  options.sort = LXW_TRUE;
  worksheet_protect(w.raw(), nullptr, &options);
}

}  // namespace report

namespace report {

model::Expected<SheetWriter> add_sheet(lxw_workbook* book, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  if (ws == nullptr) {
    model::Location where;
    where.sheet = name;
    return std::unexpected(model::Diagnostic::error(
        where, "не удалось добавить лист в книгу результатов",
        "сообщите разработчикам metodmon: имя листа должно было быть проверено заранее", name));
  }
  return SheetWriter(ws, name);
}

void write_column_headers(SheetWriter& w, lxw_row_t header_row, std::span<const ColumnSpec> columns,
                          lxw_format* format) {
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    w.text(header_row, c, columns[c].title, format);
    w.column_width(c, c, columns[c].width);
  }
}

void finish_table_sheet(SheetWriter& w, lxw_row_t header_row, lxw_col_t frozen_cols,
                        const std::string& footer_left, bool repeat_header) {
  worksheet_freeze_panes(w.raw(), header_row + 1, frozen_cols);
  PageSetup page;
  page.repeat = repeat_header;
  page.repeat_first = header_row;
  page.repeat_last = header_row;
  page.footer_left = footer_left;
  set_page(w, page);
  protect_sheet(w);
}

lxw_row_t autofilter_or_note(SheetWriter& w, lxw_row_t header_row, lxw_row_t row, lxw_col_t last_col,
                             const std::string& empty_text, lxw_format* text_format) {
  if (row == header_row + 1) {
    w.merged(row, 0, row, last_col, empty_text, text_format);
    return row + 1;
  }
  w.check(worksheet_autofilter(w.raw(), header_row, 0, row - 1, last_col), header_row, 0, "автофильтр");
  return row;
}

}  // namespace report
