// Cell formats of the analysis sheets (rating, roadmap, groups, dynamics,
// recommendations) that the shared Formats lack: rubric points, indented
// breakdown rows, and changes with an arrow coloured by whether they are an
// improvement. Created once per workbook, only when the report has an
// analysis; owned by the workbook like Formats. Internal to src/report.
#pragma once

#include <optional>

#include <xlsxwriter.h>

#include "analysis/rubric_scoring.h"
#include "model/definition.h"
#include "report/formats.h"

namespace report {

// "↑ +2.5 п.п." / "↓ −2.5 п.п." / "→ 0.0 п.п."; the arrow shows the sign,
// the fill whether the change is good for the indicator.
inline constexpr const char* k_fmt_pp_arrow =
    METODMON_RU "\"↑ +\"0.0\" п.п.\";\"↓ −\"0.0\" п.п.\";\"→ \"0.0\" п.п.\"";
inline constexpr const char* k_fmt_count_arrow =
    METODMON_RU "\"↑ +\"#,##0.0;\"↓ −\"#,##0.0;\"→ \"0";
// Points with a true minus sign: whole ("−1"), or with decimals ("0,5").
// Two formats because "0.##" would print a whole number as "2,".
inline constexpr const char* k_fmt_points = METODMON_RU "0;\"−\"0;0";
inline constexpr const char* k_fmt_points_frac = METODMON_RU "0.0#;\"−\"0.0#;0";

struct AnalysisFormats {
  lxw_format* points = nullptr;       // bordered, centred, whole points
  lxw_format* points_bold = nullptr;  // block and total rows: bold on grey
  lxw_format* points_frac = nullptr;  // the same for fractional points
  lxw_format* points_frac_bold = nullptr;
  lxw_format* percent_bold = nullptr; // share of the maximum on block rows
  lxw_format* text_bold_grey = nullptr;
  lxw_format* indent1 = nullptr;      // wrapped text, one indent (positions)
  lxw_format* indent2 = nullptr;      // wrapped text, two indents (parameters)
  lxw_format* note_cell = nullptr;    // bordered small wrapped text (explanations)
  lxw_format* pp_better = nullptr;
  lxw_format* pp_worse = nullptr;
  lxw_format* pp_same = nullptr;
  lxw_format* count_better = nullptr;
  lxw_format* count_worse = nullptr;
  lxw_format* count_same = nullptr;
};

AnalysisFormats make_analysis_formats(lxw_workbook* book);

// The points format for `value` (whole or fractional), plain or bold.
lxw_format* points_format(const AnalysisFormats& af, double value, bool bold = false);

// Level word of a rubric total in the status colours: высокий green,
// средний yellow, низкий red.
lxw_format* level_format(const Formats& f, analysis::Level level);

// Format of a change of `kind` (share/yes-no: p.p., count: units) that is an
// improvement (true), a worsening (false) or neither (nullopt).
lxw_format* change_format(const AnalysisFormats& af, model::IndicatorKind kind,
                          std::optional<bool> improved);

}  // namespace report
