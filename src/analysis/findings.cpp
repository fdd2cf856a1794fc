#include "analysis/findings.h"

#include <algorithm>
#include <optional>

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

// nullopt: nothing of the direction is judged.
std::optional<bool> satisfactory_direction(const model::Definition& def, const aggregate::Summary& summary,
                                           const std::string& dir) {
  const double tolerance = recommendation_settings(def).min_gap;
  int judged = 0;
  bool ok = true;
  for (const auto& ind : def.indicators) {
    if (ind.direction != dir) continue;
    const auto* st = summary.stats(ind.id);
    if (st == nullptr || !st->municipal) continue;
    if (st->target) {
      ++judged;
      ok = ok && st->municipal_status == aggregate::TargetStatus::met;
    } else if (st->median && ind.kind == model::IndicatorKind::share) {
      ++judged;
      ok = ok && !worse_than_median(ind, *st, tolerance);
    }  // yes/no without a target: no median; a count's total is not comparable with a school's median
  }
  if (judged == 0) return std::nullopt;
  return ok;
}

}  // namespace

bool worse_than_median(const model::IndicatorDef& indicator, const aggregate::IndicatorStats& stats,
                       double tolerance) {
  if (!stats.municipal || !stats.median) return false;
  const double d = *stats.municipal - *stats.median;
  return indicator.better == model::Better::higher ? d <= -tolerance + k_eps && d < -k_eps
                                                   : d >= tolerance - k_eps && d > k_eps;
}

std::vector<std::string> direction_ids(const model::Definition& def) {
  std::vector<std::string> out;
  for (const auto& d : def.directions) out.push_back(d.id);
  for (const auto& ind : def.indicators) {
    if (!ind.direction.empty() && std::find(out.begin(), out.end(), ind.direction) == out.end()) {
      out.push_back(ind.direction);
    }
  }
  return out;
}

std::string direction_title(const model::Definition& def, const std::string& id) {
  const auto* d = def.find_direction(id);
  return "«" + (d ? d->name : id) + "»";
}

std::string short_label(const model::IndicatorDef& indicator) {
  return indicator.code.empty() ? "«" + indicator.name + "»" : indicator.code;
}

Findings find_findings(const model::Definition& def, const aggregate::Summary& summary,
                       const Analysis& a) {
  Findings f;
  for (const auto& dir : direction_ids(def)) {
    const auto ok = satisfactory_direction(def, summary, dir);
    if (!ok) continue;
    ++f.judged;
    if (*ok) f.satisfactory.push_back(dir);
  }
  for (const auto& row : a.dynamics.municipal) {
    const auto* prev = row.previous();
    const auto* ind = def.find_indicator(row.indicator_id);
    if (prev == nullptr || !prev->change || !prev->improved || ind == nullptr) continue;
    (*prev->improved ? f.improved : f.not_improved).push_back({ind, prev});
    if (f.set_changed == nullptr && prev->schools && !prev->schools->same()) f.set_changed = prev;
  }
  for (const auto& dir : direction_ids(def)) {
    int known = 0;
    int improved = 0;
    for (const auto& c : f.improved) {
      if (c.indicator->direction == dir) ++known, ++improved;
    }
    for (const auto& c : f.not_improved) {
      if (c.indicator->direction == dir) ++known;
    }
    if (known > 0 && improved == 0) f.stalled.push_back(dir);
  }
  for (const auto& row : a.roadmap) {
    if (!row.target) continue;
    ++f.with_target;
    if (row.status == aggregate::TargetStatus::not_met && row.municipal && row.gap) {
      f.behind_target.push_back(&row);
    }
  }
  return f;
}

}  // namespace analysis
