#include "analysis/rubric_scoring.h"

#include "aggregate/statistics.h"
#include "analysis/indicator_set.h"
#include "analysis/number_text.h"
#include "analysis/school_index.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

// Indicators of `position_id` the subject has a value for, definition order.
std::vector<const model::IndicatorDef*> covered(const EvidenceContext& ctx,
                                                const std::string& position_id,
                                                const std::string& school_id) {
  std::vector<const model::IndicatorDef*> out;
  for (const auto& ind : ctx.definition.indicators) {
    if (ind.position != position_id) continue;
    if (subject_value(ctx.summary, school_id, ind.id)) out.push_back(&ind);
  }
  return out;
}

PositionScore score_indicator_position(const model::RubricBlock& b, const model::RubricPosition& pos,
                                       const EvidenceContext& ctx, const std::string& school_id) {
  std::vector<IndicatorFacts> facts;
  for (const auto* ind : covered(ctx, pos.id, school_id)) facts.push_back({ind->matches_goal, ind->bad});
  const auto s = score_indicator_set(facts, b);
  PositionScore out{pos.id, pos.name, s.total(), std::max(b.match_points, b.nomatch_points), {}, explain(s)};
  out.params.reserve(3);
  out.params.push_back({"present", "Наличие показателей", s.presence, b.nomatch_points, ""});
  out.params.push_back({"match", "Соответствие обоснованной цели", s.match,
                        b.match_points - b.nomatch_points, ""});
  out.params.push_back({"bad", "Неэффективные показатели / с негативными последствиями",
                        s.deduction, 0, ""});
  return out;
}

PositionScore score_checklist_position(const model::RubricBlock& b, const model::RubricPosition& pos,
                                       const EvidenceContext& ctx, const std::string& school_id) {
  PositionScore out{pos.id, pos.name, 0, 0, {}, ""};
  const std::string gate_id =
      !b.gate_param.empty() ? b.gate_param : (b.bad_gate && !b.params.empty() ? b.params[0].id : "");
  // bad_gate: at least one non-bad indicator of the position with a value.
  bool indicators_ok = true;
  if (b.bad_gate) {
    indicators_ok = false;
    for (const auto* ind : covered(ctx, pos.id, school_id)) indicators_ok = indicators_ok || !ind->bad;
  }
  std::vector<ParamScore> params;
  params.reserve(b.params.size());
  bool gate_holds = true;
  for (const auto& p : b.params) {
    ParamScore ps{p.id, p.title, 0, p.points, ""};
    const auto* ev = b.find_evidence(pos.id, p.id);
    std::optional<bool> holds;
    if (ev != nullptr) {
      const auto r = evaluate_evidence(*ev, ctx, school_id);
      holds = r.holds;
      ps.note = r.note;
    }
    const bool is_gate = p.id == gate_id;
    if (is_gate && b.bad_gate) {
      if (!indicators_ok) {
        holds = false;
        ps.note = (ps.note.empty() ? "" : ps.note + "; ") +
                  "нет показателей позиции, кроме неэффективных (или нет значений)";
      } else if (ev == nullptr) {
        holds = true;
        ps.note = "есть показатели позиции";
      }
    } else if (ev == nullptr) {
      ps.note = "не указан источник подтверждения";
    }
    if (!holds && ps.note.empty()) ps.note = "нет данных";
    if (holds.value_or(false)) ps.points = p.points;
    if (is_gate) gate_holds = holds.value_or(false);
    params.push_back(std::move(ps));
  }
  // With a gate (`requires`), the other parameters count only when it holds.
  std::string gate_title;
  for (const auto& p : b.params) {
    if (p.id == gate_id) gate_title = p.title;
  }
  for (auto& ps : params) {
    if (!b.gate_param.empty() && ps.param_id != gate_id && !gate_holds) {
      ps.points = 0;
      ps.note = "не засчитано: нет «" + gate_title + "»";
    }
    out.max += ps.max;
    out.points += ps.points;
  }
  out.params = std::move(params);
  return out;
}

}  // namespace

Level level_for(double share, const model::RubricLevels& levels) {
  if (share >= levels.high - k_eps) return Level::high;
  if (share >= levels.medium - k_eps) return Level::medium;
  return Level::low;
}

std::string level_name(Level level) {
  switch (level) {
    case Level::high: return "высокий";
    case Level::medium: return "средний";
    case Level::low: return "низкий";
  }
  return "низкий";
}

RubricScore score_rubric(const model::Rubric& rubric, const EvidenceContext& ctx,
                         const std::string& school_id) {
  RubricScore out;
  out.school_id = school_id;
  out.blocks.reserve(rubric.blocks.size());
  for (const auto& b : rubric.blocks) {
    BlockScore bs{b.id, b.title, 0, b.computed_max, b.declared_max, {}};
    bs.positions.reserve(b.positions.size());
    for (const auto& pos : b.positions) {
      auto ps = b.kind == model::RubricKind::indicator_set
                    ? score_indicator_position(b, pos, ctx, school_id)
                    : score_checklist_position(b, pos, ctx, school_id);
      bs.points += ps.points;
      bs.positions.push_back(std::move(ps));
    }
    out.total += bs.points;
    out.max += bs.max;
    out.blocks.push_back(std::move(bs));
  }
  out.share = out.max > 0 ? 100.0 * out.total / out.max : 0;
  out.level = level_for(out.share, rubric.levels);
  return out;
}

const RubricScore* RubricResults::of(const std::string& school_id) const {
  return find_indexed(schools, index, school_id);
}

RubricResults score_schools(const model::Rubric& rubric, const EvidenceContext& ctx) {
  RubricResults out;
  out.title = rubric.title;
  std::vector<double> totals;
  totals.reserve(ctx.summary.school_ids.size());
  out.schools.reserve(ctx.summary.school_ids.size());
  for (const auto& school_id : ctx.summary.school_ids) {
    auto s = score_rubric(rubric, ctx, school_id);
    totals.push_back(s.total);
    switch (s.level) {
      case Level::high: ++out.schools_high; break;
      case Level::medium: ++out.schools_medium; break;
      case Level::low: ++out.schools_low; break;
    }
    out.schools.push_back(std::move(s));
  }
  out.municipal = score_rubric(rubric, ctx, "");
  out.school_median_total = aggregate::quantile_inc(totals, 0.5);
  // Places by points: once for all schools, never per school's sheet.
  const std::vector<std::optional<double>> by_total(totals.begin(), totals.end());
  const auto ranks = aggregate::competition_ranks(by_total, true);
  for (std::size_t i = 0; i < out.schools.size(); ++i) out.schools[i].rank = ranks[i];
  out.index = index_of(out.schools);
  return out;
}

}  // namespace analysis
