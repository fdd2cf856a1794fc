// Numbers as a Russian methodist writes them: comma decimal separator,
// U+2212 minus, "%" after a space, "п.п." for differences of
// shares. Pure functions used by every text the analysis produces.
//
//   format_number(45.0, 1)          -> "45,0"
//   format_value(share_ind, 45.0)   -> "45,0 %"
//   format_target(share_ind, 80.0)  -> "80 %"
//   format_gap(share_ind, 35.0)     -> "35,0 п.п."
//   format_change(share_ind, -2.5)  -> "−2,5 п.п."
#pragma once

#include <string>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace analysis {

// Rounds to `decimals` places (half away from zero); "-0,0" never appears.
// Thousands of numbers >= 10 000 are grouped with a space.
std::string format_number(double v, int decimals);
// Whole numbers without decimals, others with up to `max_decimals` (trailing zeros dropped).
std::string format_compact(double v, int max_decimals = 2);
// An indicator's value: shares and yes/no as "45,0 %", counts as "12" / "12,5".
std::string format_value(const model::IndicatorDef& ind, double v);
// A target as the method states it: "80 %", "72,5 %", counts "150".
std::string format_target(const model::IndicatorDef& ind, double v);
// The size of a gap (always non-negative): "35,0 п.п." for shares and yes/no, "3" for counts.
std::string format_gap(const model::IndicatorDef& ind, double v);
// A signed change: "+2,5 п.п.", "−1,0 п.п.", "0,0 п.п."; counts "+3".
std::string format_change(const model::IndicatorDef& ind, double v);
// Rubric points: "24", "0,5", "−1".
std::string format_points(double v);
// A plain percentage (e.g. of a rubric maximum): "62,5 %".
std::string format_percent(double v);

// How texts name an indicator: "1.3 «Доля …»", or "«Доля …»" without a code.
std::string indicator_label(const model::IndicatorDef& ind);
// A few words for an indicator inside a sentence or a list: its short name
// («закрепление молодых педагогов за наставником»), else its name with a
// small first letter («доля педагогов, …»).
std::string indicator_words(const model::IndicatorDef& ind);
// "1.3 (закрепление … за наставником)" when the indicator has a code and a
// short name; else indicator_label().
std::string indicator_short_label(const model::IndicatorDef& ind);

// "1 ОО", "2 ОО" ... the abbreviation does not decline; kept for symmetry.
std::string count_of_schools(int n);

// A yes/no indicator is spoken of as schools, never as a share: "у 10 из 12 ОО".
std::string yes_schools_text(int yes, int total);

// The municipal value of an indicator in a sentence: shares "45,0 %", counts
// "12", yes/no "есть у 10 из 12 ОО"; "нет данных" when unknown.
std::string municipal_value_text(const model::IndicatorDef& ind, const aggregate::IndicatorStats& stats);

// Rubric points out of a maximum: "38 из 71 балла", "4 из 5 баллов".
std::string points_out_of(double points, double max);

}  // namespace analysis
