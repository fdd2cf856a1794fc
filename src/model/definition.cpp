#include "model/definition.h"

#include <algorithm>

namespace model {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const InputDef* Definition::find_input(std::string_view input_id) const {
  return find_by_id(inputs, input_id);
}
const IndicatorDef* Definition::find_indicator(std::string_view indicator_id) const {
  return find_by_id(indicators, indicator_id);
}
const DirectionDef* Definition::find_direction(std::string_view direction_id) const {
  return find_by_id(directions, direction_id);
}
const SourceDef* Definition::find_source(std::string_view source_id) const {
  return find_by_id(sources, source_id);
}
const SurveyDef* Definition::find_survey(std::string_view survey_id) const {
  return find_by_id(surveys, survey_id);
}

bool Definition::has_form() const {
  return std::any_of(inputs.begin(), inputs.end(), [](const InputDef& in) { return in.survey.empty(); });
}

std::string to_string(InputKind k) {
  switch (k) {
    case InputKind::count: return "count";
    case InputKind::yesno: return "yesno";
    case InputKind::text: return "text";
  }
  return "count";
}

std::string to_string(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::share: return "share";
    case IndicatorKind::count: return "count";
    case IndicatorKind::yesno: return "yesno";
  }
  return "share";
}

}  // namespace model
