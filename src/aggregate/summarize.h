// Submissions -> Summary: per school and indicator values, municipal figures
// (Σ numerators / Σ denominators for shares), spread, ranks and targets.
// Pure: same inputs, same Summary, whatever the order of submissions.
//
//   const auto summary = aggregate::summarize(definition, registry, accepted, period);
//   const auto* s = summary.stats("diag_share");   // s->municipal, s->median ...
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/summary.h"

namespace aggregate {

// `accepted` holds at most one submission per school (the caller picks the
// newest); schools of the registry without one are listed as missing.
// Submissions of schools not in the registry are ignored (validation rejects them).
Summary summarize(const model::Definition& definition, const model::Registry& registry,
                  const std::vector<model::Submission>& accepted, const model::Period& period);

// The same from each school's own values, as the history keeps them
// (numerator, denominator, value and why it is missing, per school and
// indicator; other fields are ignored and recomputed): the schools with
// values are the schools with an accepted form, in registry order. Used to
// rebuild a period's results without its forms (`metodmon documents`).
using SchoolValues = std::map<std::string, std::map<std::string, SchoolValue>>;
Summary summarize_values(const model::Definition& definition, const model::Registry& registry,
                         const SchoolValues& values, const model::Period& period);

// "форма не сдана или отклонена" -> Missing::no_submission; Missing::none for
// "" and any other text (the inverse of missing_reason()).
Missing missing_from_reason(std::string_view reason);

// The cross-school figures of one indicator once `row` (each school's value,
// summary order) and st.target and st.municipal are set: spread, ranks and
// deviations from the median (not for a yes/no), each school's target and
// status (st.schools_meeting_target counted), the municipal status. What
// summarize() and summarize_values() do after the sums; the yearly rubric (analysis/year_rubric.h)
// does it over values kept in the history.
void complete_indicator(const model::IndicatorDef& ind, IndicatorStats& st, std::vector<SchoolValue>& row);

// met / not_met for `value` against `target`, honouring the direction.
TargetStatus compare_to_target(double value, double target, model::Better better);

}  // namespace aggregate
