// The year's monitorings a yearly rubric over monitorings ([[source]],
// analysis/year_rubric.h) is computed over: found in the configuration and
// read from the history. Part of the compute phase (phase_compute.h).
//
// Each [[source]] names a monitoring definition by its id. The monitorings of
// the configuration ([[monitoring]]) whose definition has that id run it, and
// the history keeps their results under their own monitoring ids ("m6"). The
// first of them (configuration order) with values for the rubric's year gives
// the source's results: its values of the year and of the years before (for
// `positive_dynamics` and the sheet «Динамика»). A source that no configured
// monitoring runs, or whose monitorings have no results for the year, is
// missing: its indicators do not count, and a Russian warning says which
// monitoring and how to fix it.
//
//   const auto year = cli::read_year_sources(config, def, registry, period, session->history());
//   if (!year) return session->fail(year.error());
//   run.year_sources = year->sources;  // empty for any other method
//   if (!def.sources.empty()) results = cli::compute_year_results(def, registry, period, read.accepted, *year);
#pragma once

#include <vector>

#include "aggregate/summary.h"
#include "analysis/year_rubric.h"
#include "cli/config/config.h"
#include "model/definition.h"
#include "model/diagnostic.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/year_source.h"
#include "store/history_store.h"

namespace cli {

struct YearSources {
  analysis::YearInputs inputs;             // the sources' results; `forms` left to the caller
  std::vector<model::YearSource> sources;  // one per [[source]], definition order
  std::vector<model::Diagnostic> notices;  // warnings: each missing source, each monitoring not loaded
};

// `rubric` is the configured monitoring's definition, `year` its period;
// without [[source]] nothing is read and the result is empty. The history's
// monitoring scope is used and put back. Errors: the history cannot be read;
// none of the sources has results for the year (the rubric would rest on
// nothing but the self-assessment), located at the configuration file with
// what to do.
model::Expected<YearSources> read_year_sources(const Config& config, const model::Definition& rubric,
                                               const model::Registry& registry, const model::Period& year,
                                               store::HistoryStore& history);

// The run's console lines about them (stdout, Russian): how many of the
// year's monitorings had results, each missing one and why, how many schools
// the rubric scored.
void print_year_sources(const model::RunInfo& run, const aggregate::Summary& summary);

}  // namespace cli
