// What the figures of a period say, judged once for every text that draws
// conclusions (the «Справка» sheet, the аналитическая справка and the draft
// приказ): directions with satisfactory results, the municipal changes
// against the previous period, directions without positive dynamics, and the
// indicators whose municipal value falls short of the year's target. Pure.
//
// "Satisfactory" direction: every indicator of it that has a municipal value
// meets its target of the period's year, or, without a target, is not worse
// than the median of the schools' values by [recommendations] min_gap or more
// (a gap smaller than that is noise; a yes/no indicator without a target and a
// count, whose municipal total cannot be compared with a school's median, are
// not judged; a direction with nothing judged is not listed).
// "No positive dynamics" direction: at least one of its indicators has a
// municipal change against the previous period, and none improved.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace analysis {

struct IndicatorChange {
  const model::IndicatorDef* indicator = nullptr;
  const Change* change = nullptr;  // the previous-period change of the municipal row
};

struct Findings {
  std::vector<std::string> satisfactory;  // direction ids, definition order
  int judged = 0;                         // directions with something judged
  std::vector<IndicatorChange> improved;  // municipal, against the previous period
  std::vector<IndicatorChange> not_improved;
  std::vector<std::string> stalled;       // direction ids without positive dynamics
  // The first municipal comparison whose set of schools differs (the texts say
  // so once); null when all compare the same schools or it is not known.
  const Change* set_changed = nullptr;
  std::vector<const RoadmapRow*> behind_target;  // municipal value short of the target
  int with_target = 0;  // indicators with a target for the period's year
};

Findings find_findings(const model::Definition& definition, const aggregate::Summary& summary,
                       const Analysis& analysis);

// The municipal value is worse than the median across schools by `tolerance`
// or more (in the indicator's units), in the indicator's bad direction.
bool worse_than_median(const model::IndicatorDef& indicator, const aggregate::IndicatorStats& stats,
                       double tolerance);

// Directions in definition order, then ids used by indicators but not declared.
std::vector<std::string> direction_ids(const model::Definition& definition);
// «Name» of a direction (its id when it is not declared).
std::string direction_title(const model::Definition& definition, const std::string& id);
// "1.3" when the indicator has a code, else its «name».
std::string short_label(const model::IndicatorDef& indicator);

}  // namespace analysis
