#include "analysis/small_numbers.h"

#include "analysis/number_text.h"
#include "analysis/recommendations.h"

namespace analysis {

double min_denominator(const model::Definition& definition) {
  return recommendation_settings(definition).min_denominator;
}

bool is_small(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
              double min_denominator) {
  return indicator.kind == model::IndicatorKind::share && value.value && value.denominator &&
         *value.denominator < min_denominator - 1e-9;
}

std::string counts_text(const aggregate::SchoolValue& value) {
  if (!value.numerator || !value.denominator) return "";
  return format_compact(*value.numerator, 2) + " из " + format_compact(*value.denominator, 2);
}

std::string value_text(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
                       double min_denominator) {
  if (!value.value) return "—";
  if (indicator.kind == model::IndicatorKind::yesno) return *value.value > 50 ? "«Да»" : "«Нет»";
  std::string out = format_value(indicator, *value.value);
  if (is_small(indicator, value, min_denominator)) out += " (" + counts_text(value) + ")";
  return out;
}

std::string small_note(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
                       double min_denominator) {
  if (!is_small(indicator, value, min_denominator)) return "";
  return "мало данных: " + counts_text(value);
}

}  // namespace analysis
