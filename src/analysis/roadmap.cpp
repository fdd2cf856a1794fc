#include "analysis/roadmap.h"

namespace analysis {

std::vector<RoadmapRow> build_roadmap(const model::Definition& definition,
                                      const aggregate::Summary& summary) {
  std::vector<RoadmapRow> rows;
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
    for (const auto& school_id : summary.school_ids) {
      RoadmapCell cell;
      cell.school_id = school_id;
      if (const auto* v = summary.value(school_id, ind.id)) {
        cell.value = v->value;
        cell.status = v->status;
        cell.gap = v->gap;
        cell.missing = v->missing;
      } else {
        cell.status = row.target ? aggregate::TargetStatus::no_data : aggregate::TargetStatus::no_target;
        cell.missing = aggregate::Missing::no_submission;
      }
      cell.status_text = aggregate::status_name(cell.status);
      row.schools.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace analysis
