#include "report/formats.h"

namespace report {

lxw_format* bordered_cell_format(lxw_workbook* book) {
  lxw_format* f = workbook_add_format(book);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xA6A6A6);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

namespace {


lxw_format* number(lxw_workbook* book, const char* num_format) {
  lxw_format* f = bordered_cell_format(book);
  format_set_num_format(f, num_format);
  return f;
}

lxw_format* filled(lxw_workbook* book, lxw_color_t fill, lxw_color_t font) {
  lxw_format* f = bordered_cell_format(book);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  format_set_align(f, LXW_ALIGN_CENTER);
  format_set_text_wrap(f);
  return f;
}

lxw_format* conditional(lxw_workbook* book, lxw_color_t fill, lxw_color_t font) {
  lxw_format* f = workbook_add_format(book);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  return f;
}

lxw_format* stat(lxw_workbook* book, const char* num_format) {
  lxw_format* f = bordered_cell_format(book);
  format_set_bg_color(f, k_group_fill);
  format_set_bold(f);
  if (num_format != nullptr) format_set_num_format(f, num_format);
  return f;
}

}  // namespace

Formats make_formats(lxw_workbook* book) {
  Formats f;
  f.title = workbook_add_format(book);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.subtitle = workbook_add_format(book);
  format_set_font_size(f.subtitle, 11);
  format_set_font_color(f.subtitle, 0x404040);
  f.note = workbook_add_format(book);
  format_set_italic(f.note);
  format_set_font_size(f.note, 9);
  format_set_text_wrap(f.note);
  format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);

  f.header = bordered_cell_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, k_header_fill);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);

  f.group = bordered_cell_format(book);
  format_set_bold(f.group);
  format_set_bg_color(f.group, k_group_fill);

  f.section = workbook_add_format(book);
  format_set_bold(f.section);
  format_set_font_size(f.section, 12);
  format_set_bottom(f.section, LXW_BORDER_THIN);
  format_set_text_wrap(f.section);  // long titles wrap instead of being cut
  format_set_align(f.section, LXW_ALIGN_VERTICAL_BOTTOM);

  f.text = bordered_cell_format(book);
  f.text_wrap = bordered_cell_format(book);
  format_set_text_wrap(f.text_wrap);
  format_set_align(f.text_wrap, LXW_ALIGN_VERTICAL_TOP);
  f.text_bold = bordered_cell_format(book);
  format_set_bold(f.text_bold);
  format_set_text_wrap(f.text_bold);
  f.label = workbook_add_format(book);
  format_set_bold(f.label);
  format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
  f.plain_wrap = workbook_add_format(book);
  format_set_text_wrap(f.plain_wrap);
  format_set_align(f.plain_wrap, LXW_ALIGN_VERTICAL_TOP);
  f.mono = bordered_cell_format(book);
  format_set_font_name(f.mono, "Courier New");
  format_set_font_size(f.mono, 8);

  f.link = bordered_cell_format(book);
  format_set_font_color(f.link, 0x0563C1);
  format_set_underline(f.link, LXW_UNDERLINE_SINGLE);
  format_set_text_wrap(f.link);
  f.link_plain = workbook_add_format(book);
  format_set_font_color(f.link_plain, 0x0563C1);
  format_set_underline(f.link_plain, LXW_UNDERLINE_SINGLE);

  f.dash = bordered_cell_format(book);
  format_set_align(f.dash, LXW_ALIGN_CENTER);
  format_set_font_color(f.dash, 0x7F7F7F);

  f.percent = number(book, k_fmt_percent);
  f.count = number(book, k_fmt_count);
  f.decimal = number(book, k_fmt_decimal);
  f.pp = number(book, k_fmt_pp);
  f.signed_count = number(book, k_fmt_signed_count);
  f.integer = number(book, "0");
  format_set_align(f.integer, LXW_ALIGN_CENTER);
  f.centre = bordered_cell_format(book);
  format_set_align(f.centre, LXW_ALIGN_CENTER);
  f.centre_wrap = bordered_cell_format(book);
  format_set_align(f.centre_wrap, LXW_ALIGN_CENTER);
  format_set_text_wrap(f.centre_wrap);
  for (lxw_format** headline : {&f.label_wrap, &f.alert_wrap}) {
    *headline = workbook_add_format(book);
    format_set_bold(*headline);
    format_set_text_wrap(*headline);
    format_set_align(*headline, LXW_ALIGN_VERTICAL_TOP);
  }
  format_set_font_color(f.alert_wrap, k_red_font);

  f.status_met = filled(book, k_green_fill, k_green_font);
  f.status_near = filled(book, k_yellow_fill, k_yellow_font);
  f.status_not_met = filled(book, k_red_fill, k_red_font);
  f.status_no_data = filled(book, k_grey_fill, 0x595959);
  f.status_no_target = filled(book, 0xFFFFFF, 0x595959);

  f.cf_green = conditional(book, k_green_fill, k_green_font);
  f.cf_yellow = conditional(book, k_yellow_fill, k_yellow_font);
  f.cf_red = conditional(book, k_red_fill, k_red_font);

  f.stat_label = stat(book, nullptr);
  format_set_text_wrap(f.stat_label);
  f.stat_percent = stat(book, k_fmt_percent);
  f.stat_count = stat(book, k_fmt_count);
  f.stat_decimal = stat(book, k_fmt_decimal);
  f.stat_integer = stat(book, "0");
  f.stat_dash = stat(book, nullptr);
  format_set_align(f.stat_dash, LXW_ALIGN_CENTER);
  format_set_font_color(f.stat_dash, 0x7F7F7F);
  f.stat_text = stat(book, nullptr);
  format_set_align(f.stat_text, LXW_ALIGN_CENTER);
  return f;
}

lxw_format* value_format(const Formats& f, model::IndicatorKind kind) {
  return kind == model::IndicatorKind::count ? f.count : f.percent;
}

lxw_format* stat_format(const Formats& f, model::IndicatorKind kind, bool fractional) {
  if (kind != model::IndicatorKind::count) return f.stat_percent;
  return fractional ? f.stat_decimal : f.stat_count;
}

lxw_format* status_format(const Formats& f, aggregate::TargetStatus status) {
  switch (status) {
    case aggregate::TargetStatus::met: return f.status_met;
    case aggregate::TargetStatus::not_met: return f.status_not_met;
    case aggregate::TargetStatus::no_data: return f.status_no_data;
    case aggregate::TargetStatus::no_target: return f.status_no_target;
  }
  return f.status_no_data;
}

}  // namespace report
