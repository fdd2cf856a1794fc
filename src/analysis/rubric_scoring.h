// Scores the rubric of a definition for one subject: a school (its
// methodical service, from its own form and values) or the municipality
// (empty school id; from municipal values and the share of schools answering
// «Да», see evidence.h). Pure.
//
// Per block kind:
// - indicator_set: per position, the indicators of the definition whose
//   `position` is the position's id and for which the subject has a value;
//   scored by score_indicator_set() (indicator_set.h).
// - checklist: each parameter scores its points when its evidence holds; with
//   a gate (`requires`) the other parameters score 0 when the gate does not;
//   with bad_gate the gate (or first) parameter also needs at least one
//   non-bad indicator of the position with a value.
// - binary: the single parameter, when its evidence holds.
// A parameter without evidence scores 0 (the loader warned); missing data
// scores 0 and says so in the note. Totals use the COMPUTED maxima.
//
//   const auto s = analysis::score_rubric(*definition.rubric, ctx, "sch01");
//   s.total, s.max, s.share, level_name(s.level)
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/evidence.h"
#include "model/rubric.h"

namespace analysis {

enum class Level { high, medium, low };

// The ids, titles and names in a score are views of the scored rubric
// (model::Rubric, usually the definition's) or of fixed texts: the rubric
// must outlive its scores. A score holds only what differs per subject
// (points and notes), so that ten thousand schools' scores stay small.
struct ParamScore {
  std::string_view param_id;  // indicator_set: "present", "match", "bad"
  std::string_view title;
  double points = 0;
  double max = 0;        // indicator_set "bad": 0 (its minimum is the deduction)
  std::string note;      // Russian: why ("«Да»", "не засчитано: нет «Наличие»", "нет источника")
};

struct PositionScore {
  std::string_view position_id;
  std::string_view name;
  double points = 0;
  double max = 0;
  std::vector<ParamScore> params;
  std::string note;  // indicator_set: the explanation of the 2/1/-1 arithmetic
};

struct BlockScore {
  std::string_view block_id;
  std::string_view title;
  double points = 0;
  double max = 0;                      // computed
  std::optional<double> declared_max;  // as the method prints it
  std::vector<PositionScore> positions;
};

struct RubricScore {
  std::string school_id;  // empty: the municipality
  std::vector<BlockScore> blocks;
  double total = 0;
  double max = 0;    // Σ computed block maxima
  double share = 0;  // total / max × 100 (may be negative: «Показатели» can deduct)
  Level level = Level::low;
  // Place by total points among the schools (1 = most; equal totals share a
  // place: 1, 2, 2, 4), set by analyze() once for all schools; nullopt for
  // the municipality.
  std::optional<int> rank;
};

RubricScore score_rubric(const model::Rubric& rubric, const EvidenceContext& ctx,
                         const std::string& school_id);

// The rubric for every school of the summary and for the municipality.
struct RubricResults {
  std::string title;                   // the rubric's title
  std::vector<RubricScore> schools;    // ctx.summary.school_ids order (registry order)
  RubricScore municipal;               // scored from municipal values, see evidence.h
  std::optional<double> school_median_total;  // median of the schools' totals
  int schools_high = 0;
  int schools_medium = 0;
  int schools_low = 0;
  std::map<std::string, std::size_t, std::less<>> index;  // school id -> position in `schools`

  // The school's score, or null; logarithmic through `index` (score_schools fills it).
  const RubricScore* of(const std::string& school_id) const;
};

RubricResults score_schools(const model::Rubric& rubric, const EvidenceContext& ctx);

Level level_for(double share, const model::RubricLevels& levels);
// «высокий», «средний», «низкий».
std::string level_name(Level level);

}  // namespace analysis
