// The surveys' per-school figures as input values of a run's accepted
// submissions, so that aggregation reads them as it reads a form's.
//
// Every school that sent a form or whose people answered a survey gets, per
// survey (model/survey.h):
//   respondents_input  the respondents (0 when nobody answered);
//   registry_input     School::teachers, or no value (NoValue::no_teachers_count);
//   each question      the answers that count, or no value: nobody answered
//                      (no_answers), or respondents / teachers × 100 is below
//                      min_response_rate (low_response) — a school's few
//                      answers are not averaged into the district's figure.
// A school without a form gets a submission of its own (no source file), so
// its form's indicators show «форма не сдана» beside its survey values.
//
//   auto notices = survey::add_survey_values(def, registry, period, reader.results(), accepted);
//   for (auto& n : notices) run.notices.push_back(n.notice);
#pragma once

#include <string>
#include <vector>

#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/school.h"
#include "model/submission.h"
#include "survey/export_reader.h"

namespace survey {

// What the methodist must know about a survey's schools: below the response
// rate, nobody answered (with a rate set), more respondents than the
// registry's teachers, no teachers count in the registry. Warnings, without
// a file (the read phase puts them on the survey's export rows too).
struct SurveyNotice {
  std::string survey_id;
  model::Diagnostic notice;
};

// `accepted`: one submission per school (the chosen forms), kept sorted by
// school id when it was.
std::vector<SurveyNotice> add_survey_values(const model::Definition& definition, const model::Registry& registry,
                                            const model::Period& period, const std::vector<SurveyCounts>& counts,
                                            std::vector<model::Submission>& accepted);

}  // namespace survey
