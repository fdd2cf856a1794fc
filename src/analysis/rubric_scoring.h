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
// scores 0 and says so in the note. A parameter that cannot be judged yet (a
// positive_dynamics test without a previous period: the first run) is «не
// оценивается»: it counts in neither the subject's points nor its maximum, so
// the first run costs no school a point. Totals use the COMPUTED maxima of
// the parameters that were assessed.
//
//   const auto s = analysis::score_rubric(*definition.rubric, ctx, "sch01");
//   s.total, s.max, s.share, level_name(s.level)
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/evidence.h"
#include "analysis/text_pool.h"
#include "model/rubric.h"

namespace analysis {

enum class Level { high, medium, low };

class RubricScore;

// Scores `school_id`, keeping its notes in `pool` (a new pool when null).
RubricScore score_rubric(const model::Rubric& rubric, const EvidenceContext& ctx,
                         const std::string& school_id,
                         const std::shared_ptr<TextPool>& pool = nullptr);

// A score in detail, as RubricScore::blocks() spells it out: the ids, titles
// and names are views of the scored rubric (model::Rubric, usually the
// definition's) or of fixed texts, the notes views of the score's text pool.
// They stay valid while the rubric and the RubricScore (or a copy of it) live.
struct ParamScore {
  std::string_view param_id;  // indicator_set: "present", "match", "bad"
  std::string_view title;
  double points = 0;
  double max = 0;         // indicator_set "bad": 0 (its minimum is the deduction); not assessed: 0
  std::string_view note;  // Russian: why ("«Да»", "не засчитано: нет «Наличие»", "нет источника")
  bool assessed = true;   // false: «не оценивается» (no points, no maximum)
};

struct PositionScore {
  std::string_view position_id;
  std::string_view name;
  double points = 0;
  double max = 0;
  std::vector<ParamScore> params;
  std::string_view note;  // indicator_set: the explanation of the 2/1/-1 arithmetic
};

struct BlockScore {
  std::string_view block_id;
  std::string_view title;
  double points = 0;
  double max = 0;                      // computed, over the assessed parameters
  std::optional<double> declared_max;  // as the method prints it
  std::vector<PositionScore> positions;
  double full_max = 0;                 // computed, every parameter (the rubric's block maximum)
};

// One subject's score. It keeps only what differs per subject: the points of
// each parameter and the ids of its notes in a text pool shared by all the
// scores of a run (notes repeat across schools), so that ten thousand
// schools' scores stay small; blocks() spells the detail out on demand. The
// score views the scored rubric's blocks (their storage: moving the rubric or
// its definition keeps the view valid, destroying or reassigning it does not).
class RubricScore {
 public:
  std::string school_id;  // empty: the municipality
  double total = 0;
  double max = 0;    // Σ computed block maxima over the assessed parameters
  double share = 0;  // total / max × 100 (may be negative: «Показатели» can deduct)
  Level level = Level::low;
  int not_assessed = 0;  // parameters «не оценивается» (their maxima are not in `max`)
  // Place by total points among the schools (1 = most; equal totals share a
  // place: 1, 2, 2, 4), set by analyze() once for all schools; nullopt for
  // the municipality.
  std::optional<int> rank;

  // The blocks in rubric order with their positions and parameters; a new
  // vector on each call (keep it in a variable to hold references into it).
  std::vector<BlockScore> blocks() const;
  std::size_t block_count() const;
  // Points of block `i` (rubric order), without spelling the block out.
  double block_points(std::size_t i) const;
  // Maximum of block `i` over the parameters assessed for this subject.
  double block_max(std::size_t i) const;

 private:
  friend RubricScore score_rubric(const model::Rubric&, const EvidenceContext&, const std::string&,
                                  const std::shared_ptr<TextPool>&);
  std::span<const model::RubricBlock> m_blocks;  // the scored rubric's
  std::shared_ptr<const TextPool> m_pool;
  // Rubric order: per block, per position, its parameters.
  std::vector<double> m_param_points;
  std::vector<bool> m_unassessed;     // parallel to m_param_points: «не оценивается»
  std::vector<TextPool::Id> m_notes;  // per position: its own note, then its parameters' notes
};


// The rubric for every school of the summary and for the municipality; their
// notes share one text pool.
struct RubricResults {
  std::string title;                   // the rubric's title
  std::vector<RubricScore> schools;    // ctx.summary.school_ids order (registry order)
  RubricScore municipal;               // scored from municipal values, see evidence.h
  // Per block (rubric order): every school (two at least) has the same points
  // in it. Such a block scores the municipality's method (its indicators,
  // which are the same for all), not a school's work, and the texts and
  // sheets say so instead of showing it as each school's achievement.
  std::vector<bool> uniform_blocks;
  // When the municipality's level by points was lowered so that it does not
  // contradict the conclusions (reconcile_level()): why, in Russian; else "".
  std::string level_note;
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

// The municipality's level may not read better than the conclusions on its
// results: with directions judged and none of them satisfactory
// (findings.h), «высокий» becomes «средний», and `level_note` says why
// ("по сумме баллов — высокий уровень (83,3 %), но ни по одному направлению
// результаты не удовлетворительные"). Called by analyze().
void reconcile_level(RubricResults& results, bool directions_judged, bool any_satisfactory);
// «высокий», «средний», «низкий».
std::string level_name(Level level);

}  // namespace analysis
