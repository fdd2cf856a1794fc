// The figures each letter of a results run states (mail::Figure), so the
// outbox can tell whether a rerun changed them and the letter can say what
// changed:
//   a director's letter — every figure the director's workbook shows: the
//     school's rubric points (total and level, place among the schools, each
//     block and position) when the method has a rubric; the school's value of
//     every indicator (with numerator and denominator, or why there is none)
//     and its target status, its place among the schools, the median and the
//     municipal value; so another school's late form that moves the school's
//     place or the median sends it corrected results too;
//   the methodist's letter — the counts of forms, every school's values and
//     rubric points and places, and the municipal values;
//   a rejected form's letter — the errors of each rejected file.
// Values are the Russian texts the workbooks show: "45,0 % (9 из 20)".
#pragma once

#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/analysis.h"
#include "mail/letter.h"
#include "model/definition.h"
#include "model/run.h"
#include "model/school.h"

namespace letters {

// `analysis`: the run's analysis, for the rubric's points and places; null: none.
std::vector<mail::Figure> school_figures(const model::Definition& definition, const aggregate::Summary& summary,
                                            const std::string& school_id, const analysis::Analysis* analysis = nullptr);

std::vector<mail::Figure> methodist_figures(const model::Definition& definition, const model::Registry& registry,
                                               const aggregate::Summary& summary, const model::RunInfo& run,
                                               const analysis::Analysis* analysis = nullptr);

std::vector<mail::Figure> rejected_form_figures(const std::vector<const model::FileOutcome*>& files);

// "ячейка C7: нужно целое число (введено «12,5»). Исправьте…" — one error of a form, as a school reads it.
std::string error_text(const model::Diagnostic& d);

}  // namespace letters
