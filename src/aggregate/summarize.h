// Submissions -> Summary: per school and indicator values, municipal figures
// (Σ numerators / Σ denominators for shares), spread, ranks and targets.
// Pure: same inputs, same Summary, whatever the order of submissions.
//
//   const auto summary = aggregate::summarize(definition, registry, accepted, period);
//   const auto* s = summary.stats("diag_share");   // s->municipal, s->median ...
#pragma once

#include <vector>

#include "aggregate/summary.h"

namespace aggregate {

// `accepted` holds at most one submission per school (the caller picks the
// newest); schools of the registry without one are listed as missing.
// Submissions of schools not in the registry are ignored (validation rejects them).
Summary summarize(const model::Definition& definition, const model::Registry& registry,
                  const std::vector<model::Submission>& accepted, const model::Period& period);

// met / not_met for `value` against `target`, honouring the direction.
TargetStatus compare_to_target(double value, double target, model::Better better);

}  // namespace aggregate
