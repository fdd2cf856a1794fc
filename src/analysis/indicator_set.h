// The "2/1/-1" logic of seed 003 (section 2 «Показатели») for one position:
// from the indicators of the position that the subject covers (has a value
// for), score presence, match with the justified goal, and the deduction for
// ineffective / harmful ("bad") indicators. Pure.
//
// With the seed's numbers (match 2, nomatch 1, deduction -1, lone bad does
// not count as presence) the six cases of DOMAIN.md come out as:
//   present, matches goal, no bad        1 + 1 + 0  =  2
//   present, does not match, no bad      1 + 0 + 0  =  1
//   matches goal, >= 1 bad               1 + 1 - 1  =  1
//   does not match, >= 1 bad             1 + 0 - 1  =  0
//   a single indicator, and it is bad    0 + 0 - 1  = -1
//   no indicator                         0 + 0 + 0  =  0
// Rules: presence = at least one non-bad indicator (or any indicator when
// lone_bad_counts_presence); the list "matches the goal" when every non-bad
// indicator in it has matches_goal (the seed does not say what a mixed list
// gets; we read "the list matches" strictly); the deduction falls once per
// position, however many bad indicators it has.
#pragma once

#include <span>
#include <string>

#include "model/rubric.h"

namespace analysis {

struct IndicatorFacts {
  bool matches_goal = true;
  bool bad = false;
};

struct IndicatorSetScore {
  double presence = 0;   // P1
  double match = 0;      // P2
  double deduction = 0;  // P3 (0 or negative)
  int indicators = 0;    // covered indicators
  int bad = 0;           // of which bad
  bool list_matches = false;

  double total() const { return presence + match + deduction; }
};

IndicatorSetScore score_indicator_set(std::span<const IndicatorFacts> covered,
                                      const model::RubricBlock& block);

// "показатели: 3 (неэффективных: 1), соответствуют цели: 1 + 1 − 1 = 1".
std::string explain(const IndicatorSetScore& s);

}  // namespace analysis
