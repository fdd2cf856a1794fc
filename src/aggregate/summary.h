// Results of aggregation: per school and indicator, and across schools.
// Pure data; computed by aggregate::summarize() from validated submissions.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/definition.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"

namespace aggregate {

// Why a school has no value for an indicator. Never silently counted as 0.
enum class Missing {
  none,               // value present
  no_submission,      // the school sent no accepted form
  not_filled,         // an input was left empty (optional input)
  zero_denominator,   // share with denominator 0
  no_answers,         // a questionnaire's count: nobody of the school answered it
  low_response,       // a questionnaire's count: fewer answered than its min_response_rate
  no_teachers_count,  // the registry does not give the school's number of teachers
};

enum class TargetStatus { met, not_met, no_data, no_target };

// One school's value of one indicator; Summary::values keys it by school
// and indicator id (not repeated here: ten thousand schools' values stay small).
struct SchoolValue {
  std::optional<double> numerator;    // share: numerator count; count: the count; yesno: 1/0
  std::optional<double> denominator;  // share only
  std::optional<double> value;        // share in % (0..100), count, or yesno as 100/0
  Missing missing = Missing::none;
  std::optional<int> rank;             // 1 = best among schools with a value; ties share a rank
  std::optional<double> deviation;     // printed(value) - printed(median) (p.p. for shares)
  std::optional<double> target;        // target of the period's year (shares, yes/no)
  TargetStatus status = TargetStatus::no_target;
  std::optional<double> gap;           // printed(value) - target, in the indicator's units
};

// One school's values by indicator id, in id order: a sorted vector, not a
// std::map, whose nodes cost some 50 bytes each beyond the value (a region's
// run holds 10,000 schools × their indicators). Map-like where it is used:
//   v["share_1"].value = 45;  v.find("share_1")->second;  for (const auto& [id, x] : v) …
class IndicatorValues {
 public:
  using value_type = std::pair<std::string, SchoolValue>;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  // The value of `indicator_id`, inserted (empty) when absent.
  SchoolValue& operator[](const std::string& indicator_id);
  const_iterator find(std::string_view indicator_id) const;
  // Throws std::out_of_range when absent, as std::map::at.
  const SchoolValue& at(std::string_view indicator_id) const;
  iterator begin() { return m_items.begin(); }
  iterator end() { return m_items.end(); }
  const_iterator begin() const { return m_items.begin(); }
  const_iterator end() const { return m_items.end(); }
  std::size_t size() const { return m_items.size(); }
  bool empty() const { return m_items.empty(); }
  void reserve(std::size_t n) { m_items.reserve(n); }

 private:
  std::vector<value_type> m_items;
};

struct IndicatorStats {
  std::string indicator_id;
  int schools_with_value = 0;
  int schools_missing = 0;
  std::optional<double> numerator_sum;    // Σ numerators over schools with a value
  std::optional<double> denominator_sum;  // Σ denominators over the same schools
  std::optional<double> municipal;        // Σnum/Σden*100 (share), Σ (count), % of "Да" (yesno)
  std::optional<double> median, q1, q3, min, max;  // across schools' values
  std::optional<double> target;
  TargetStatus municipal_status = TargetStatus::no_target;
  std::optional<double> municipal_gap;    // printed(municipal) - target
  int schools_meeting_target = 0;
};

struct Summary {
  model::Period period;
  std::vector<std::string> school_ids;            // schools with an accepted submission, registry order
  std::vector<std::string> missing_school_ids;    // registry schools with no accepted form
  // Registry schools without an accepted form, when they are not just the
  // missing ones: a method with questionnaires has in school_ids a school its
  // teachers answered for, form or not (model::Submission::form). nullopt:
  // the same as missing_school_ids.
  std::optional<std::vector<std::string>> without_form_ids;
  std::vector<IndicatorStats> indicators;         // definition order
  std::map<std::string, IndicatorValues> values;  // school -> indicator -> value

  // Schools that sent no accepted form (registry order).
  const std::vector<std::string>& without_form() const {
    return without_form_ids ? *without_form_ids : missing_school_ids;
  }

  const IndicatorStats* stats(const std::string& indicator_id) const;
  const SchoolValue* value(const std::string& school_id, const std::string& indicator_id) const;
  // Whether the school has an accepted form (is in school_ids); logarithmic
  // for schools with values.
  bool has_school(const std::string& school_id) const;
};

// Who took part (model::Participation), the one count every text states: a
// school counts as accepted when it has an accepted form, not when only its
// teachers' answers put it in the results.
model::Participation participation_of(const model::Registry& registry, const std::vector<model::FileOutcome>& files,
                                      const Summary& summary);

// Sets min, q1, median, q3 and max of `st` from the schools' values (QUARTILE.INC);
// leaves them empty when there are none.
void set_spread(IndicatorStats& st, std::span<const double> values);

// A value as the workbooks and texts print it: rounded to one decimal, half
// away from zero (shares and yes/no in %, counts and medians with a fraction).
// A difference printed beside two printed values is computed from these
// (SchoolValue::gap and ::deviation, IndicatorStats::municipal_gap, the
// dynamics' changes), so that «68,8 % при цели 90 % (отставание 21,2 п.п.)»
// adds up; a status (met or not) is still decided on the exact value.
double printed(double v);

// Russian words for statuses: "достигнуто", "не достигнуто", "нет данных", "цель не задана".
std::string status_name(TargetStatus s);
// Russian reason for a missing value: "форма не сдана", "знаменатель равен 0", ...
std::string missing_reason(Missing m);

}  // namespace aggregate
