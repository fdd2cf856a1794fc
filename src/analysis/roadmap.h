// The roadmap view: per indicator, its targets for every year, the target of
// the period's year, the municipal value and status, the gap, how many
// schools reach the target (each school's own value and status are in the
// summary). A view over aggregate::Summary (which computes the figures); pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace analysis {


struct RoadmapRow {
  std::string indicator_id;
  std::string code;       // "1.3"
  std::string name;
  std::string direction;  // direction id
  int year = 0;           // the period's calendar year
  std::map<int, double> targets;   // all years of the roadmap
  std::optional<double> target;    // target of `year`
  std::optional<double> municipal;
  aggregate::TargetStatus status = aggregate::TargetStatus::no_target;
  std::string status_text;
  std::optional<double> gap;       // municipal - target (p.p. for shares)
  int schools_meeting_target = 0;
  int schools_with_value = 0;
  int schools_total = 0;           // schools with an accepted form
  // Each school's value, status and gap against the target are in the
  // summary (aggregate::SchoolValue), not repeated here.
};

std::vector<RoadmapRow> build_roadmap(const model::Definition& definition,
                                      const aggregate::Summary& summary);

}  // namespace analysis
