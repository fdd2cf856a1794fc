#include "report/analysis_formats.h"

#include <cmath>

#include "report/formats.h"

namespace report {

namespace {


lxw_format* change(lxw_workbook* book, const char* num_format, lxw_color_t fill,
                   lxw_color_t font) {
  lxw_format* f = bordered_cell_format(book);
  format_set_num_format(f, num_format);
  format_set_align(f, LXW_ALIGN_CENTER);
  if (fill != 0xFFFFFF) format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  return f;
}

lxw_format* indented(lxw_workbook* book, uint8_t level) {
  lxw_format* f = bordered_cell_format(book);
  format_set_text_wrap(f);
  format_set_indent(f, level);
  return f;
}

lxw_format* points(lxw_workbook* book, const char* num_format, bool bold) {
  lxw_format* f = bordered_cell_format(book);
  format_set_num_format(f, num_format);
  format_set_align(f, LXW_ALIGN_CENTER);
  if (bold) {
    format_set_bold(f);
    format_set_bg_color(f, k_group_fill);
  }
  return f;
}

}  // namespace

AnalysisFormats make_analysis_formats(lxw_workbook* book) {
  AnalysisFormats af;
  af.points = points(book, k_fmt_points, false);
  af.points_bold = points(book, k_fmt_points, true);
  af.points_frac = points(book, k_fmt_points_frac, false);
  af.points_frac_bold = points(book, k_fmt_points_frac, true);
  af.percent_bold = bordered_cell_format(book);
  format_set_num_format(af.percent_bold, k_fmt_percent);
  format_set_bold(af.percent_bold);
  format_set_bg_color(af.percent_bold, k_group_fill);
  af.text_bold_grey = bordered_cell_format(book);
  format_set_bold(af.text_bold_grey);
  format_set_text_wrap(af.text_bold_grey);
  format_set_bg_color(af.text_bold_grey, k_group_fill);
  af.indent1 = indented(book, 1);
  af.indent2 = indented(book, 3);
  af.note_cell = bordered_cell_format(book);
  format_set_text_wrap(af.note_cell);
  format_set_font_size(af.note_cell, 9);
  format_set_font_color(af.note_cell, 0x404040);
  af.pp_better = change(book, k_fmt_pp_arrow, k_green_fill, k_green_font);
  af.pp_worse = change(book, k_fmt_pp_arrow, k_red_fill, k_red_font);
  af.pp_same = change(book, k_fmt_pp_arrow, 0xFFFFFF, 0x404040);
  af.count_better = change(book, k_fmt_count_arrow, k_green_fill, k_green_font);
  af.count_worse = change(book, k_fmt_count_arrow, k_red_fill, k_red_font);
  af.count_same = change(book, k_fmt_count_arrow, 0xFFFFFF, 0x404040);
  return af;
}

lxw_format* points_format(const AnalysisFormats& af, double value, bool bold) {
  const bool whole = std::abs(value - std::round(value)) < 1e-9;
  if (whole) return bold ? af.points_bold : af.points;
  return bold ? af.points_frac_bold : af.points_frac;
}

lxw_format* level_format(const Formats& f, analysis::Level level) {
  switch (level) {
    case analysis::Level::high: return f.status_met;
    case analysis::Level::medium: return f.status_near;
    case analysis::Level::low: return f.status_not_met;
  }
  return f.status_no_data;
}

lxw_format* change_format(const AnalysisFormats& af, model::IndicatorKind kind,
                          std::optional<bool> improved) {
  const bool count = kind == model::IndicatorKind::count;
  if (!improved) return count ? af.count_same : af.pp_same;
  return *improved ? (count ? af.count_better : af.pp_better)
                   : (count ? af.count_worse : af.pp_worse);
}

}  // namespace report
