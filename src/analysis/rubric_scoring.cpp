#include "analysis/rubric_scoring.h"

#include <algorithm>
#include <cmath>
#include <memory>

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

// A position's parameters (ids, titles, maxima) and maximum, without points
// or notes: the same for every subject.
PositionScore position_shape(const model::RubricBlock& b, const model::RubricPosition& pos) {
  PositionScore out{pos.id, pos.name, 0, 0, {}, {}};
  if (b.kind == model::RubricKind::indicator_set) {
    out.max = std::max(b.match_points, b.nomatch_points);
    out.params = {{"present", "Наличие показателей", 0, b.nomatch_points, {}},
                  {"match", "Соответствие обоснованной цели", 0, b.match_points - b.nomatch_points, {}},
                  {"bad", "Неэффективные показатели / с негативными последствиями", 0, 0, {}}};
    return out;
  }
  out.params.reserve(b.params.size());
  for (const auto& p : b.params) {
    out.params.push_back({p.id, p.title, 0, p.points, {}});
    out.max += p.points;
  }
  return out;
}

// What one position scored: per parameter (the shape's order) its points and
// note, and the position's own note.
struct Scored {
  std::vector<double> points;
  std::vector<std::string> notes;
  std::string note;
  std::vector<bool> unassessed;  // empty: all assessed
};

Scored score_indicator_position(const model::RubricBlock& b, const model::RubricPosition& pos,
                                const EvidenceContext& ctx, const std::string& school_id) {
  std::vector<IndicatorFacts> facts;
  for (const auto* ind : covered(ctx, pos.id, school_id)) facts.push_back({ind->matches_goal, ind->bad});
  const auto s = score_indicator_set(facts, b);
  return {{s.presence, s.match, s.deduction}, {"", "", ""}, explain(s), {}};
}

Scored score_checklist_position(const model::RubricBlock& b, const model::RubricPosition& pos,
                                const EvidenceContext& ctx, const std::string& school_id) {
  Scored out;
  const std::string gate_id =
      !b.gate_param.empty() ? b.gate_param : (b.bad_gate && !b.params.empty() ? b.params[0].id : "");
  // bad_gate: at least one non-bad indicator of the position with a value.
  bool indicators_ok = true;
  if (b.bad_gate) {
    indicators_ok = false;
    for (const auto* ind : covered(ctx, pos.id, school_id)) indicators_ok = indicators_ok || !ind->bad;
  }
  bool gate_holds = true;
  bool gate_unassessed = false;
  out.unassessed.assign(b.params.size(), false);
  for (std::size_t pi = 0; pi < b.params.size(); ++pi) {
    const auto& p = b.params[pi];
    double points = 0;
    std::string note;
    const auto* ev = b.find_evidence(pos.id, p.id);
    std::optional<bool> holds;
    if (ev != nullptr) {
      auto r = evaluate_evidence(*ev, ctx, school_id);
      holds = r.holds;
      note = std::move(r.note);
      out.unassessed[pi] = r.not_assessed;
    }
    const bool is_gate = p.id == gate_id;
    if (is_gate && b.bad_gate) {
      if (!indicators_ok) {
        holds = false;
        note = (note.empty() ? "" : note + "; ") +
               "нет показателей позиции, кроме неэффективных (или нет значений)";
      } else if (ev == nullptr) {
        holds = true;
        note = "есть показатели позиции";
      }
    } else if (ev == nullptr) {
      note = "не указан источник подтверждения";
    }
    if (!holds && note.empty()) note = "нет данных";
    if (holds.value_or(false)) points = p.points;
    if (is_gate) {
      gate_holds = holds.value_or(false);
      gate_unassessed = out.unassessed[pi];
    }
    out.points.push_back(points);
    out.notes.push_back(std::move(note));
  }
  // A position whose gate cannot be judged yet is not judged at all.
  if (gate_unassessed) {
    for (std::size_t i = 0; i < b.params.size(); ++i) {
      out.points[i] = 0;
      out.unassessed[i] = true;
      if (b.params[i].id != gate_id) out.notes[i] = "не оценивается: не оценивается «" + b.params[0].title + "»";
    }
    return out;
  }
  // With a gate (`requires`), the other parameters count only when it holds.
  std::string gate_title;
  for (const auto& p : b.params) {
    if (p.id == gate_id) gate_title = p.title;
  }
  for (std::size_t i = 0; i < b.params.size(); ++i) {
    if (!b.gate_param.empty() && b.params[i].id != gate_id && !gate_holds) {
      out.points[i] = 0;
      out.notes[i] = "не засчитано: нет «" + gate_title + "»";
    }
  }
  return out;
}

// Σ of `count` parameters' points from `first`, in order (a position's points).
double sum_points(const std::vector<double>& points, std::size_t first, std::size_t count) {
  double out = 0;
  for (std::size_t i = first; i < first + count && i < points.size(); ++i) out += points[i];
  return out;
}

std::size_t params_per_position(const model::RubricBlock& b) {
  return b.kind == model::RubricKind::indicator_set ? 3 : b.params.size();
}

}  // namespace

Level level_for(double share, const model::RubricLevels& levels) {
  if (share >= levels.high - k_eps) return Level::high;
  if (share >= levels.medium - k_eps) return Level::medium;
  return Level::low;
}

void reconcile_level(RubricResults& results, bool directions_judged, bool any_satisfactory) {
  auto& m = results.municipal;
  results.level_note.clear();
  if (!directions_judged || any_satisfactory || m.level != Level::high) return;
  m.level = Level::medium;
  results.level_note = "по сумме баллов (" + format_percent(m.share) +
                       ") он был бы высоким, но ни по одному направлению результаты не удовлетворительные";
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
                         const std::string& school_id, const std::shared_ptr<TextPool>& pool) {
  const auto texts = pool ? pool : std::make_shared<TextPool>();
  RubricScore out;
  out.school_id = school_id;
  out.m_blocks = rubric.blocks;
  out.m_pool = texts;
  std::size_t params = 0, positions = 0;
  for (const auto& b : rubric.blocks) {
    params += b.positions.size() * params_per_position(b);
    positions += b.positions.size();
  }
  out.m_param_points.reserve(params);
  out.m_unassessed.reserve(params);
  out.m_notes.reserve(positions + params);
  for (const auto& b : rubric.blocks) {
    double block_points = 0;
    for (const auto& pos : b.positions) {
      auto s = b.kind == model::RubricKind::indicator_set
                   ? score_indicator_position(b, pos, ctx, school_id)
                   : score_checklist_position(b, pos, ctx, school_id);
      block_points += sum_points(s.points, 0, s.points.size());
      out.m_param_points.insert(out.m_param_points.end(), s.points.begin(), s.points.end());
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        const bool unassessed = i < s.unassessed.size() && s.unassessed[i];
        out.m_unassessed.push_back(unassessed);
        out.not_assessed += unassessed ? 1 : 0;
      }
      out.m_notes.push_back(texts->intern(s.note));
      for (const auto& note : s.notes) out.m_notes.push_back(texts->intern(note));
    }
    out.total += block_points;
  }
  for (std::size_t i = 0; i < rubric.blocks.size(); ++i) out.max += out.block_max(i);
  out.share = out.max > 0 ? 100.0 * out.total / out.max : 0;
  out.level = level_for(out.share, rubric.levels);
  return out;
}

std::vector<BlockScore> RubricScore::blocks() const {
  std::vector<BlockScore> out;
  out.reserve(m_blocks.size());
  std::size_t param = 0, note = 0;
  for (std::size_t bi = 0; bi < m_blocks.size(); ++bi) {
    const auto& b = m_blocks[bi];
    BlockScore bs{b.id, b.title, 0, block_max(bi), b.declared_max, {}, b.computed_max};
    bs.positions.reserve(b.positions.size());
    for (const auto& pos : b.positions) {
      auto ps = position_shape(b, pos);
      ps.note = m_pool->at(m_notes[note++]);
      for (auto& p : ps.params) {
        p.assessed = !m_unassessed[param];
        if (!p.assessed) {
          ps.max -= p.max;
          p.max = 0;
        }
        p.points = m_param_points[param++];
        p.note = m_pool->at(m_notes[note++]);
      }
      ps.points = sum_points(m_param_points, param - ps.params.size(), ps.params.size());
      bs.points += ps.points;
      bs.positions.push_back(std::move(ps));
    }
    out.push_back(std::move(bs));
  }
  return out;
}

std::size_t RubricScore::block_count() const { return m_blocks.size(); }

double RubricScore::block_points(std::size_t i) const {
  if (i >= m_blocks.size()) return 0;
  std::size_t param = 0;
  for (std::size_t k = 0; k < i; ++k) param += m_blocks[k].positions.size() * params_per_position(m_blocks[k]);
  const auto& b = m_blocks[i];
  const std::size_t n = params_per_position(b);
  double out = 0;
  for (std::size_t k = 0; k < b.positions.size(); ++k) out += sum_points(m_param_points, param + k * n, n);
  return out;
}

double RubricScore::block_max(std::size_t i) const {
  if (i >= m_blocks.size()) return 0;
  const auto& b = m_blocks[i];
  if (not_assessed == 0 || b.kind == model::RubricKind::indicator_set) return b.computed_max;
  std::size_t param = 0;
  for (std::size_t k = 0; k < i; ++k) param += m_blocks[k].positions.size() * params_per_position(m_blocks[k]);
  double out = 0;
  for (std::size_t k = 0; k < b.positions.size(); ++k) {
    for (std::size_t p = 0; p < b.params.size(); ++p, ++param) {
      if (!m_unassessed[param]) out += b.params[p].points;
    }
  }
  return out;
}

const RubricScore* RubricResults::of(const std::string& school_id) const {
  return find_indexed(schools, index, school_id);
}

RubricResults score_schools(const model::Rubric& rubric, const EvidenceContext& ctx) {
  RubricResults out;
  out.title = rubric.title;
  const auto pool = std::make_shared<TextPool>();
  std::vector<double> totals;
  totals.reserve(ctx.summary.school_ids.size());
  out.schools.reserve(ctx.summary.school_ids.size());
  for (const auto& school_id : ctx.summary.school_ids) {
    auto s = score_rubric(rubric, ctx, school_id, pool);
    totals.push_back(s.total);
    switch (s.level) {
      case Level::high: ++out.schools_high; break;
      case Level::medium: ++out.schools_medium; break;
      case Level::low: ++out.schools_low; break;
    }
    out.schools.push_back(std::move(s));
  }
  out.municipal = score_rubric(rubric, ctx, "", pool);
  out.uniform_blocks.assign(rubric.blocks.size(), false);
  if (out.schools.size() >= 2) {
    for (std::size_t b = 0; b < rubric.blocks.size(); ++b) {
      bool same = true;
      for (const auto& s : out.schools) {
        same = same && std::abs(s.block_points(b) - out.schools.front().block_points(b)) < k_eps &&
               std::abs(s.block_max(b) - out.schools.front().block_max(b)) < k_eps;
      }
      out.uniform_blocks[b] = same;
    }
  }
  out.school_median_total = aggregate::quantile_inc(totals, 0.5);
  // Places by points: once for all schools, never per school's sheet.
  const std::vector<std::optional<double>> by_total(totals.begin(), totals.end());
  const auto ranks = aggregate::competition_ranks(by_total, true);
  for (std::size_t i = 0; i < out.schools.size(); ++i) out.schools[i].rank = ranks[i];
  out.index = index_of(out.schools);
  return out;
}

}  // namespace analysis
