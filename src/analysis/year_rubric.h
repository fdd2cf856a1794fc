// The yearly rubric of the methodical service's work, computed over the
// year's monitorings. Pure: no I/O; the caller reads each monitoring's stored
// results (store/history_store, keyed by monitoring) and the rubric's own
// accepted forms, and hands them in.
//
// The rubric definition (templates/krymsk/year_rubric.toml) names its
// monitorings in [[source]] (model::SourceDef) and has no indicators of its
// own. For scoring, the sources' indicators are pooled into one definition
// under qualified ids "<monitoring id>:<indicator id>" (qualified_id()), with
// their position, matches_goal, bad, kind, better and targets; the year's
// values are pooled the same way; then the ordinary scorer runs
// (rubric_scoring.h), so every block kind and evidence works as in a
// single-form method:
// - indicator_set («Показатели»): per position, the indicators of ALL the
//   year's monitorings with that position that the subject has a value for;
// - checklist with bad_gate («Мониторинг», «Анализ»): the gate holds when the
//   subject has a value for a non-bad indicator of the position in some
//   monitoring of the year, i.e. took part in it;
// - `{ input = … }` evidence: the rubric's own form (the yearly
//   self-assessment), per school, and for the municipality the share of
//   schools answering «Да» (evidence.h);
// - `{ monitoring, indicator, test }` evidence: that monitoring's value of
//   the year (meets_target: the target of `year`; at_least_median: the
//   median of the schools' values that year; positive_dynamics: against the
//   latest earlier year given).
//
// Subjects: the registry's schools (registry order) that sent the rubric's
// form or have at least one value in some monitoring of the year; the rest
// are summary.missing_school_ids. The municipality uses the monitorings'
// stored municipal values (Σnum/Σden for shares), never a mean of shares.
//
//   analysis::YearInputs in;
//   in.monitorings["krymsk-m6-mentoring"].values = values_from_history(...);  // PeriodValues of "2025"
//   in.forms = accepted_self_assessment_forms;
//   const auto year = analysis::score_year_rubric(def, registry, *model::parse_period("2025"), in);
//   year.results.schools[0].total, year.results.municipal.blocks()[0].positions[0].note
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/period_values.h"
#include "analysis/rubric_scoring.h"
#include "model/definition.h"
#include "model/period.h"
#include "model/school.h"
#include "model/submission.h"

namespace analysis {

// One monitoring's stored results.
struct MonitoringYear {
  PeriodValues values;                // the year's results (values.period = the year's id)
  std::vector<PeriodValues> earlier;  // earlier years, any order; only for positive_dynamics
};

struct YearInputs {
  // Source id (the monitoring definition's id) -> its results. A source
  // without an entry was not held this year: none of its indicators count,
  // and YearRubric::warnings says so.
  std::map<std::string, MonitoringYear> monitorings;
  // Accepted forms of the rubric definition itself, one per school.
  std::vector<model::Submission> forms;
};

struct YearRubric {
  RubricResults results;       // empty (no schools, title "") when the definition has no scored blocks
  model::Definition pooled;    // the rubric definition with the sources' indicators, qualified ids
  aggregate::Summary summary;  // the year's pooled values and statistics (ranks, targets as summarize gives)
  std::vector<PeriodValues> earlier;  // the sources' earlier years, pooled the same way (for analyze())
  std::vector<std::string> warnings;  // Russian: monitorings without results this year
};

// "krymsk-m6-mentoring:c6_target_model".
std::string qualified_id(const std::string& monitoring_id, const std::string& indicator_id);

// `rubric_def` as loaded by definition::load_definition (its sources loaded);
// `year` is a yearly period ("2025").
YearRubric score_year_rubric(const model::Definition& rubric_def, const model::Registry& registry,
                             const model::Period& year, const YearInputs& in);

}  // namespace analysis
