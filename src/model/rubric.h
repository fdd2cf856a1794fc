// The analysis part of a method: the scoring rubric (blocks, positions,
// parameters, points, levels), the clustering settings and the rules for
// addressed recommendations. Loaded by definition/rubric_loader.h from the
// sections [rubric], [positions], [[block]], [[evidence]], [clusters] and
// [[recommendation]] of the definition file; used by src/analysis/.
//
// Points are doubles so that a method may use halves; the methods we know use
// whole points. Maxima are always COMPUTED from the rows (positions x points);
// a declared maximum that disagrees is kept for the method sheet and warned
// about at load (seed 003: «Меры» declares 24, its 7 rows sum to 21).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

// How a block turns evidence into points (C++ implements these; the file picks
// one and sets the numbers).
enum class RubricKind {
  indicator_set,  // the "2/1/-1" logic of seed 003 over the indicators of each position
  checklist,      // each parameter scores when its evidence holds
  binary,         // one 1/0 criterion per position
};

// A condition on a computed indicator, used as evidence.
enum class EvidenceTest {
  meets_target,       // the value reaches the target of the period's year
  at_least_median,    // the value is at or better than the median across schools
  positive_dynamics,  // the value improved against the previous period
};

// Where a parameter's "yes" comes from: a yes/no input of the form
// (`{ input = "mon_m1_dates" }`) or a condition on an indicator
// (`{ indicator = "diag_share", test = "meets_target" }`). Exactly one of
// `input` / `indicator` is set. In a yearly rubric over monitorings
// ([[source]], analysis/year_rubric.h) the indicator may be a source's:
// `{ monitoring = "krymsk-m6-mentoring", indicator = "c6_target_model", test = … }`.
struct Evidence {
  std::string input;
  std::string indicator;
  std::string monitoring;  // source id of `indicator`; empty: the definition's own indicator
  EvidenceTest test = EvidenceTest::meets_target;
  int line = 0;
};

struct RubricParam {
  std::string id;     // "present", "dates"; short form params get "p1", "p2", ...
  std::string title;  // Russian: "Наличие показателей мониторинга"
  double points = 1;
};

struct RubricPosition {
  std::string id;    // "M1", "E3"
  std::string name;  // Russian
};

struct RubricBlock {
  std::string id;     // "monitoring"
  std::string title;  // "Мониторинг"
  RubricKind kind = RubricKind::checklist;
  std::vector<RubricPosition> positions;
  // checklist / binary: the parameters of every position (binary: exactly one).
  std::vector<RubricParam> params;
  // checklist: id of the parameter without which the others score 0
  // (`requires = "present"`); empty = parameters are independent.
  std::string gate_param;
  // checklist: the gate parameter (or the first one) scores only when the
  // position has at least one non-bad indicator with a value. With bad_gate
  // and no evidence for that parameter, the indicator check alone decides.
  bool bad_gate = false;
  // indicator_set: P1 presence = nomatch_points, P2 match = match_points -
  // nomatch_points, P3 = bad_deduction once per position when it has a bad
  // indicator. lone_bad_counts_presence: a list made only of bad indicators
  // still scores presence (seed 003 says it does not).
  double match_points = 2;
  double nomatch_points = 1;
  double bad_deduction = -1;
  bool lone_bad_counts_presence = false;
  // Evidence per position id, then per parameter id.
  std::map<std::string, std::map<std::string, Evidence>> evidence;
  std::optional<double> declared_max;  // as printed by the method; may be wrong
  double computed_max = 0;             // Σ over positions of the best score
  double computed_min = 0;             // Σ over positions of the worst score (indicator_set: < 0)
  int line = 0;

  const Evidence* find_evidence(const std::string& position_id, const std::string& param_id) const;
};

// Level thresholds, in percent of the computed maximum: share >= high ->
// «высокий», >= medium -> «средний», else «низкий».
struct RubricLevels {
  double high = 80;
  double medium = 50;
};

struct ClusterSettings {
  int k = 3;                    // number of groups; reduced (with a warning) when schools are fewer
  double min_values = 60;       // % of the clustered indicators a school must have to be grouped
};

// bottom_quartile: the school's value is among the worst quarter of the
// schools' values (at or below the lower quartile, or at or above the upper
// one when lower is better) and worse than the median.
enum class RecommendationWhen {
  below_target,
  below_median,
  document_missing,
  no_positive_dynamics,
  bottom_quartile
};

// [[recommendation]]: when `when` holds for `indicator` (or, for
// document_missing, the yes/no `input` is «Нет»), the school gets `text` with
// placeholders filled: {school} {indicator} {input} {value} {target} {median}
// {gap} {previous} {change} {year}.
struct RecommendationRule {
  RecommendationWhen when = RecommendationWhen::below_target;
  std::string indicator;
  std::string input;
  std::string text;
  // Overrides RecommendationSettings::min_gap for this rule (`min_gap = 10`).
  std::optional<double> min_gap;
  // Added by metodmon (analysis::effective_rules), not written in the method:
  // answers a shortfall none of the method's own rules answered.
  bool completing = false;
  int line = 0;
};

// [recommendations]: which gaps are worth a recommendation, and how many of
// a school's recommendations the texts name (the «Рекомендации» sheet always
// lists them all).
struct RecommendationSettings {
  // A school below its target or the median by less than this (p.p. for
  // shares, units for counts), or worse than before by less than this, gets no
  // recommendation for it: small gaps are noise, not a reason for a measure.
  double min_gap = 5;
  int per_school = 3;  // texts (справка, letters) name at most this many per school
  // A school's share whose denominator is smaller than this (1 of 1 young
  // teachers = 100 %) is a fact about a few people: it is shown with its
  // numerator and denominator and never alone makes a school an example to
  // follow, a group's character or a place (analysis/small_numbers.h).
  double min_denominator = 5;
};

struct Rubric {
  std::string id;
  std::string title;
  std::string source;
  std::optional<double> declared_total;  // as printed; the computed total is used
  double computed_total = 0;             // Σ blocks' computed_max
  RubricLevels levels;
  // The municipality scores a yes/no evidence when at least this % of the
  // schools with an accepted form answered «Да».
  double municipal_yes_share = 50;
  std::vector<RubricBlock> blocks;  // file order; empty when only [clusters]/[[recommendation]] are given
  ClusterSettings clusters;
  std::vector<RecommendationRule> recommendations;  // empty: analysis generates default rules
  RecommendationSettings recommendation_settings;
  int line = 0;

  const RubricBlock* find_block(const std::string& block_id) const;
};

std::string to_string(RubricKind k);
std::string to_string(EvidenceTest t);
std::string to_string(RecommendationWhen w);

}  // namespace model
