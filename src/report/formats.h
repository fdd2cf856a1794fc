// The cell formats every sheet shares, created once per workbook. Formats
// are owned by the workbook (freed by workbook_close / lxw_workbook_free);
// a Formats value only borrows them and must not outlive its workbook.
#pragma once

#include <xlsxwriter.h>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace report {

// Colours: Excel's own "good / neutral / bad" pairs, which print legibly in
// grey as well; status words always accompany colour on the school sheets.
inline constexpr lxw_color_t k_green_fill = 0xC6EFCE;
inline constexpr lxw_color_t k_green_font = 0x006100;
inline constexpr lxw_color_t k_yellow_fill = 0xFFEB9C;
inline constexpr lxw_color_t k_yellow_font = 0x9C5700;
inline constexpr lxw_color_t k_red_fill = 0xFFC7CE;
inline constexpr lxw_color_t k_red_font = 0x9C0006;
inline constexpr lxw_color_t k_grey_fill = 0xEDEDED;
inline constexpr lxw_color_t k_header_fill = 0xDDEBF7;
inline constexpr lxw_color_t k_group_fill = 0xF2F2F2;
inline constexpr lxw_color_t k_scale_low = 0xF8696B;
inline constexpr lxw_color_t k_scale_mid = 0xFFFFFF;
inline constexpr lxw_color_t k_scale_high = 0x63BE7B;

// Number formats. Shares are written as fractions (value / 100). Each
// starts with the Russian locale code [$-419], so that a spreadsheet shows
// a decimal comma and a space between thousands («12,5 %», «1 234») even
// where its own locale is English (LibreOffice honours the code; a Russian
// Excel writes commas anyway).
#define METODMON_RU "[$-419]"
inline constexpr const char* k_fmt_percent = METODMON_RU "0.0%";
inline constexpr const char* k_fmt_percent_whole = METODMON_RU "0%";
inline constexpr const char* k_fmt_count = METODMON_RU "#,##0";
inline constexpr const char* k_fmt_decimal = METODMON_RU "#,##0.0";
inline constexpr const char* k_fmt_pp = METODMON_RU "+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"";
inline constexpr const char* k_fmt_signed_count = METODMON_RU "+#,##0.0;-#,##0.0;0";

struct Formats {
  lxw_format* title = nullptr;      // sheet title, 14 pt bold
  lxw_format* subtitle = nullptr;   // municipality, period
  lxw_format* note = nullptr;       // small italic explanation, wrapped
  lxw_format* header = nullptr;     // table header: bold, fill, border, wrapped
  lxw_format* group = nullptr;      // direction row on school sheets
  lxw_format* section = nullptr;    // section heading on the method sheet
  lxw_format* text = nullptr;       // bordered text
  lxw_format* text_wrap = nullptr;  // bordered wrapped text
  lxw_format* text_bold = nullptr;  // bordered bold text (row labels of statistics)
  lxw_format* label = nullptr;      // unbordered bold label (method sheet keys)
  lxw_format* plain_wrap = nullptr; // unbordered wrapped text
  lxw_format* mono = nullptr;       // SHA-256 sums
  lxw_format* link = nullptr;       // hyperlink text, bordered
  lxw_format* link_plain = nullptr; // hyperlink text, unbordered
  lxw_format* dash = nullptr;       // "—" for a missing value, centred, grey
  lxw_format* percent = nullptr;
  lxw_format* count = nullptr;
  lxw_format* decimal = nullptr;
  lxw_format* pp = nullptr;          // percentage points, signed
  lxw_format* signed_count = nullptr;
  lxw_format* centre = nullptr;      // bordered centred text ("Да", "3 из 12")
  lxw_format* centre_wrap = nullptr; // the same, wrapped («в числе лучших 25 %»)
  lxw_format* label_wrap = nullptr;  // unbordered bold wrapped text (a school's headline)
  lxw_format* alert_wrap = nullptr;  // the same in dark red («форма не принята»)
  lxw_format* integer = nullptr;     // bare whole number, bordered
  // Status colours for cells and for the legend.
  lxw_format* status_met = nullptr;
  lxw_format* status_near = nullptr;
  lxw_format* status_not_met = nullptr;
  lxw_format* status_no_data = nullptr;
  lxw_format* status_no_target = nullptr;
  // The same colours without borders or alignment, for conditional formats.
  lxw_format* cf_green = nullptr;
  lxw_format* cf_yellow = nullptr;
  lxw_format* cf_red = nullptr;
  // Statistic rows under the summary table: bold numbers on a grey fill.
  lxw_format* stat_label = nullptr;
  lxw_format* stat_percent = nullptr;
  lxw_format* stat_count = nullptr;
  lxw_format* stat_decimal = nullptr;
  lxw_format* stat_integer = nullptr;
  lxw_format* stat_dash = nullptr;
  lxw_format* stat_text = nullptr;
};

Formats make_formats(lxw_workbook* book);

// Format for a value of an indicator of `kind` (share -> percent, count ->
// whole number).
lxw_format* value_format(const Formats& f, model::IndicatorKind kind);
// Same on the grey statistic rows; `fractional` for medians of counts.
lxw_format* stat_format(const Formats& f, model::IndicatorKind kind, bool fractional = false);
// Coloured format for a status word.
lxw_format* status_format(const Formats& f, aggregate::TargetStatus status);

// A new format with the thin grey border and vertical centring every table
// cell of the workbooks shares; callers add what is particular to them.
lxw_format* bordered_cell_format(lxw_workbook* book);

}  // namespace report
