#include "report/book_context.h"


namespace report {

std::string subtitle(const ReportInput& in) {
  std::string out = in.definition.municipality;
  if (!out.empty()) out += " · ";
  out += "период: " + model::display_name(in.summary.period);
  if (!in.definition.organisation.empty()) out += " · " + in.definition.organisation;
  return out;
}

std::string school_name(const model::Registry& registry, const std::string& school_id) {
  const model::School* school = registry.find(school_id);
  if (school == nullptr || school->short_name.empty()) return school_id;
  return school->short_name;
}

std::string indicator_title(const model::IndicatorDef& indicator) {
  if (indicator.code.empty()) return indicator.name;
  return indicator.code + " " + indicator.name;
}

std::string direction_name(const model::Definition& definition, const std::string& direction_id) {
  const model::DirectionDef* d = definition.find_direction(direction_id);
  if (d == nullptr || d->name.empty()) return "Прочие показатели";
  return d->name;
}

std::string target_label(const ReportInput& in) {
  return "Целевое значение " + std::to_string(in.summary.period.year);
}

}  // namespace report
