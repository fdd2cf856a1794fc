#include "analysis/indicator_set.h"

#include <algorithm>

#include "analysis/number_text.h"

namespace analysis {

IndicatorSetScore score_indicator_set(std::span<const IndicatorFacts> covered,
                                      const model::RubricBlock& block) {
  IndicatorSetScore s;
  s.indicators = static_cast<int>(covered.size());
  s.bad = static_cast<int>(std::count_if(covered.begin(), covered.end(),
                                         [](const auto& f) { return f.bad; }));
  const int good = s.indicators - s.bad;
  if (s.indicators == 0) return s;

  const bool present = good > 0 || block.lone_bad_counts_presence;
  if (present) {
    // Which indicators decide the match: the non-bad ones; a list of bad
    // ones only (when it counts as present) is judged on all of them.
    const bool judge_all = good == 0;
    s.list_matches = std::all_of(covered.begin(), covered.end(), [&](const auto& f) {
      return (!judge_all && f.bad) || f.matches_goal;
    });
    s.presence = block.nomatch_points;
    if (s.list_matches) s.match = block.match_points - block.nomatch_points;
  }
  if (s.bad > 0) s.deduction = block.bad_deduction;
  return s;
}

std::string explain(const IndicatorSetScore& s) {
  if (s.indicators == 0) return "показателей нет: 0";
  std::string out = "показателей: " + std::to_string(s.indicators);
  if (s.bad > 0) out += " (неэффективных или с негативными последствиями: " + std::to_string(s.bad) + ")";
  if (s.presence == 0) {
    out += "; наличие не засчитано: все показатели неэффективные";
  } else {
    out += s.list_matches ? "; соответствуют обоснованной цели" : "; не соответствуют обоснованной цели";
  }
  out += ": " + format_points(s.presence) + " + " + format_points(s.match) +
         (s.deduction < 0 ? " − " + format_points(-s.deduction) : " + 0") + " = " +
         format_points(s.total());
  return out;
}

}  // namespace analysis
