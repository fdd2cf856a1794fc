// Dynamics: each indicator against the previous period and the same period of
// earlier years, per school and for the municipality. Pure.
//
//   const auto dyn = analysis::compute_dynamics(definition, summary, history);
//   if (const auto* row = dyn.find("", "diag_share"))   // "" = municipality
//     if (const auto* prev = row->previous()) use(prev->change);  // p.p. for shares
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/period_values.h"
#include "model/definition.h"

namespace analysis {

enum class Comparison {
  previous_period,           // the nearest earlier period given
  same_period_earlier_year,  // same month / half-year of an earlier year
  earlier,                   // any other earlier period given
};

struct Change {
  std::string period;                // the earlier period's id
  Comparison kind = Comparison::earlier;
  std::optional<double> earlier;     // value then
  std::optional<double> change;      // now - then, in the indicator's units (p.p. for shares)
  // change in the indicator's good direction (> 0 for better = higher, < 0
  // for lower); false for no change; nullopt when either value is missing.
  std::optional<bool> improved;
};

struct DynamicsRow {
  std::string indicator_id;
  std::string school_id;             // empty: the municipality
  std::optional<double> current;
  std::vector<Change> changes;       // one per compared period, nearest first

  const Change* previous() const;    // the previous_period entry, if any
};

struct Dynamics {
  // Earlier periods compared with, nearest first (ids < the current period's,
  // sorted descending; the history's own order does not matter; later or
  // equal periods are ignored).
  std::vector<std::string> periods;
  std::vector<DynamicsRow> municipal;  // definition order
  // school id -> rows in definition order (schools with an accepted form)
  std::map<std::string, std::vector<DynamicsRow>> schools;

  const DynamicsRow* find(const std::string& school_id, const std::string& indicator_id) const;
};

Dynamics compute_dynamics(const model::Definition& definition, const aggregate::Summary& summary,
                          const std::vector<PeriodValues>& history);

// "к предыдущему периоду (2026-10)", "к тому же периоду 2025 года (2025-11)".
std::string comparison_text(const Change& c);

}  // namespace analysis
