#include "analysis/roadmap.h"

namespace analysis {

std::vector<RoadmapRow> build_roadmap(const model::Definition& definition,
                                      const aggregate::Summary& summary) {
  std::vector<RoadmapRow> rows;
  rows.reserve(definition.indicators.size());
  for (const auto& ind : definition.indicators) {
    RoadmapRow row;
    row.indicator_id = ind.id;
    row.code = ind.code;
    row.name = ind.name;
    row.direction = ind.direction;
    row.year = summary.period.year;
    row.targets = ind.targets;
    row.target = ind.target_for(summary.period.year);
    row.schools_total = static_cast<int>(summary.school_ids.size());
    if (const auto* st = summary.stats(ind.id)) {
      row.municipal = st->municipal;
      row.status = st->municipal_status;
      row.gap = st->municipal_gap;
      row.schools_meeting_target = st->schools_meeting_target;
      row.schools_with_value = st->schools_with_value;
    } else if (row.target) {
      row.status = aggregate::TargetStatus::no_data;
    }
    row.status_text = aggregate::status_name(row.status);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace analysis
