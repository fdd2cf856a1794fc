// Shares from small denominators. A school's share of 1 of 1 young teachers
// is 100 %, and of 0 of 2 is 0 %: facts about one or two people, not about
// the school's work. Such a value ([recommendations] min_denominator, default
// 5) is shown with its numerator and denominator wherever a text speaks of
// it, and it is never on its own the reason a school is named an example to
// follow, what sets a group apart, or a place. Pure.
//
//   analysis::is_small(ind, *v, 5)          -> true for 1 of 1
//   analysis::value_text(ind, *v, 5)        -> "100,0 % (1 из 1)"
//   analysis::value_text(ind, *big, 5)      -> "45,0 %"
#pragma once

#include <optional>
#include <string>

#include "aggregate/summary.h"
#include "model/definition.h"

namespace analysis {

// The definition's threshold ([recommendations] min_denominator; default 5).
double min_denominator(const model::Definition& definition);

// A share whose denominator is below `min_denominator` (never true for counts
// and yes/no answers, or when the value is missing).
bool is_small(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
              double min_denominator);

// "9 из 20": the numerator and denominator of a share ("" for other kinds).
std::string counts_text(const aggregate::SchoolValue& value);

// The value as a text names it: "45,0 %"; a small share with its counts,
// "100,0 % (1 из 1)"; yes/no «Да» / «Нет»; "—" when there is none.
std::string value_text(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
                       double min_denominator);

// The note beside a place or a value in a table: "мало данных: 1 из 1" for a
// small share, "" otherwise.
std::string small_note(const model::IndicatorDef& indicator, const aggregate::SchoolValue& value,
                       double min_denominator);

}  // namespace analysis
