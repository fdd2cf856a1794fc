// The compute phase: accepted forms → the period's summary (shares, Σ/Σ,
// medians, quartiles, ranks, targets) and its analysis (rubric, clusters,
// recommendations, dynamics against the history). Pure but for reading the
// history; the same for every command that produces results.
//
// A yearly rubric over monitorings (a definition with [[source]]) is computed
// from the year's monitorings kept in the history (cli/phases/year_sources.h) and
// its own accepted self-assessment forms: analysis::score_year_rubric, then
// the usual analysis over the pooled indicators of the year.
//
// Example:
//   const auto results = def.sources.empty()
//       ? compute_results(def, registry, period, read.accepted, session.history())
//       : compute_year_results(def, registry, period, read.accepted, year_sources);
//   history.replace_period_values(period.id, value_rows(results.summary));
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/analysis.h"
#include "analysis/period_values.h"
#include "analysis/trends.h"
#include "model/definition.h"
#include "model/period.h"
#include "model/school.h"
#include "model/submission.h"
#include "store/history_store.h"

namespace cli {

// The school id under which municipal figures are kept in the history.
inline constexpr std::string_view k_municipal_id = "_municipality";

struct Results {
  aggregate::Summary summary;
  analysis::Analysis analysis;
  std::size_t earlier_periods = 0;  // periods of the history used for dynamics
  analysis::Trends trends;          // every indicator across the history's periods
  // A yearly rubric over monitorings: the rubric definition with the year's
  // monitorings' indicators under qualified ids, which `summary` and
  // `analysis` refer to (analysis::YearRubric::pooled); nullopt otherwise.
  std::optional<model::Definition> pooled;

  // The definition the summary was made with: the pooled one, else `configured`.
  const model::Definition& definition(const model::Definition& configured) const {
    return pooled ? *pooled : configured;
  }
};

Results compute_results(const model::Definition& definition, const model::Registry& registry,
                        const model::Period& period, const std::vector<model::Submission>& accepted,
                        const store::HistoryStore& history);

// The same results rebuilt from the values the history keeps for `period`
// (what was published), without the inbox: `accepted` (the forms read again
// from the archive, possibly not all of them) feeds only what values cannot —
// the «Да»/«Нет» answers behind rubric evidence and recommendations. Error:
// the history has no values for the period.
model::Expected<Results> compute_from_history(const model::Definition& definition,
                                              const model::Registry& registry, const model::Period& period,
                                              const std::vector<model::Submission>& accepted,
                                              const store::HistoryStore& history);

struct YearSources;  // cli/phases/year_sources.h

// The yearly rubric of `definition` (with [[source]]) for the yearly `period`
// over `year` and the rubric's own accepted forms: score_year_rubric, then
// analysis::analyze over the pooled definition and values; the rubric's
// warnings (monitorings without results) join analysis.warnings.
Results compute_year_results(const model::Definition& definition, const model::Registry& registry,
                             const model::Period& period, const std::vector<model::Submission>& accepted,
                             const YearSources& year);

// The values the history keeps for `period` of its current monitoring:
// schools' under their ids, the municipal ones apart (empty when none kept).
model::Expected<analysis::PeriodValues> stored_values(const store::HistoryStore& history, std::string_view period);

// Earlier periods' values from the history, for dynamics: the previous period
// and the same period of the two years before.
std::vector<analysis::PeriodValues> earlier_values(const store::HistoryStore& history,
                                                   const model::Period& period);

// The history's periods of the same kind as `period` (months, half-years or
// years) before it, nearest `max_periods` of them, with their values: for
// the trend charts.
std::vector<analysis::PeriodValues> trend_values(const store::HistoryStore& history,
                                                 const model::Period& period, std::size_t max_periods = 11);

// The period's values as the history keeps them: one row per school and
// indicator, and the municipal figures under k_municipal_id.
std::vector<store::ValueRow> value_rows(const aggregate::Summary& summary);

}  // namespace cli
