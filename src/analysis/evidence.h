// Evaluates a rubric parameter's evidence for one subject: a school (by id)
// or the municipality (empty id). Pure; borrows everything it reads.
//
// Municipality (documented on the method sheet):
// - a yes/no input holds when at least `municipal_yes_share` % of the schools
//   with an accepted form answered «Да» (schools that left it empty count as «Нет»);
// - indicator tests use the municipal value (Σnum/Σden): meets_target against
//   the target of the period's year, at_least_median against the median of
//   the schools' values, positive_dynamics against the previous period.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "aggregate/summary.h"
#include "analysis/dynamics.h"
#include "model/definition.h"
#include "model/submission.h"

namespace analysis {

struct EvidenceContext {
  const model::Definition& definition;
  const aggregate::Summary& summary;
  const std::map<std::string, const model::Submission*>& submissions;  // school id -> accepted form
  const Dynamics& dynamics;
  double municipal_yes_share = 50;
};

struct EvidenceResult {
  std::optional<bool> holds;  // nullopt: no data to decide (scores 0)
  std::string note;           // Russian: "«Да»", "45,0 % при цели 80 %", "«Да» у 5 из 8 ОО (62,5 %)"
  // The parameter cannot be judged at all yet (positive_dynamics without a
  // previous period, e.g. on the first run): «не оценивается», and it counts
  // in neither the points nor the maximum — not a lost point.
  bool not_assessed = false;
};

EvidenceResult evaluate_evidence(const model::Evidence& ev, const EvidenceContext& ctx,
                                 const std::string& school_id);

// The subject's value of an indicator: the school's value or the municipal one.
std::optional<double> subject_value(const aggregate::Summary& summary, const std::string& school_id,
                                    const std::string& indicator_id);

}  // namespace analysis
