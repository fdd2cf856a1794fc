#include "analysis/dynamics.h"

#include <algorithm>

#include "model/period.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

struct Earlier {
  const PeriodValues* values;
  Comparison kind;
};

// Earlier periods only, nearest first. Period ids of one kind sort as text
// ("2025-11" < "2026-10", "2025-H2" < "2026-H1", "2025" < "2026").
std::vector<Earlier> order_history(const model::Period& current,
                                   const std::vector<PeriodValues>& history) {
  std::vector<const PeriodValues*> earlier;
  for (const auto& h : history) {
    if (h.period < current.id) earlier.push_back(&h);
  }
  std::sort(earlier.begin(), earlier.end(),
            [](const auto* a, const auto* b) { return a->period > b->period; });
  earlier.erase(std::unique(earlier.begin(), earlier.end(),
                            [](const auto* a, const auto* b) { return a->period == b->period; }),
                earlier.end());
  std::vector<Earlier> out;
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    Comparison kind = Comparison::earlier;
    if (i == 0) {
      kind = Comparison::previous_period;
    } else if (const auto p = model::parse_period(earlier[i]->period)) {
      if (p->year < current.year && p->month == current.month && p->half == current.half) {
        kind = Comparison::same_period_earlier_year;
      }
    }
    out.push_back({earlier[i], kind});
  }
  return out;
}

std::optional<double> lookup(const PeriodValues& pv, const std::string& school_id,
                             const std::string& indicator_id) {
  if (school_id.empty()) {
    const auto it = pv.municipal.find(indicator_id);
    return it == pv.municipal.end() ? std::nullopt : it->second;
  }
  const auto s = pv.values.find(school_id);
  if (s == pv.values.end()) return std::nullopt;
  const auto it = s->second.find(indicator_id);
  return it == s->second.end() ? std::nullopt : it->second;
}

DynamicsRow make_row(const model::IndicatorDef& ind, const std::string& school_id,
                     std::optional<double> current, const std::vector<Earlier>& earlier) {
  DynamicsRow row;
  row.indicator_id = ind.id;
  row.school_id = school_id;
  row.current = current;
  for (const auto& e : earlier) {
    Change c;
    c.period = e.values->period;
    c.kind = e.kind;
    c.earlier = lookup(*e.values, school_id, ind.id);
    if (current && c.earlier) {
      c.change = *current - *c.earlier;
      c.improved = ind.better == model::Better::higher ? *c.change > k_eps : *c.change < -k_eps;
    }
    row.changes.push_back(std::move(c));
  }
  return row;
}

}  // namespace

const Change* DynamicsRow::previous() const {
  for (const auto& c : changes) {
    if (c.kind == Comparison::previous_period) return &c;
  }
  return nullptr;
}

const DynamicsRow* Dynamics::find(const std::string& school_id,
                                  const std::string& indicator_id) const {
  const std::vector<DynamicsRow>* rows = &municipal;
  if (!school_id.empty()) {
    const auto it = schools.find(school_id);
    if (it == schools.end()) return nullptr;
    rows = &it->second;
  }
  for (const auto& r : *rows) {
    if (r.indicator_id == indicator_id) return &r;
  }
  return nullptr;
}

Dynamics compute_dynamics(const model::Definition& definition, const aggregate::Summary& summary,
                          const std::vector<PeriodValues>& history) {
  Dynamics out;
  const auto earlier = order_history(summary.period, history);
  for (const auto& e : earlier) out.periods.push_back(e.values->period);
  for (const auto& ind : definition.indicators) {
    const auto* st = summary.stats(ind.id);
    out.municipal.push_back(make_row(ind, "", st ? st->municipal : std::nullopt, earlier));
  }
  for (const auto& school_id : summary.school_ids) {
    for (const auto& ind : definition.indicators) {
      const auto* v = summary.value(school_id, ind.id);
      out.schools[school_id].push_back(make_row(ind, school_id, v ? v->value : std::nullopt, earlier));
    }
  }
  return out;
}

std::string comparison_text(const Change& c) {
  switch (c.kind) {
    case Comparison::previous_period: return "к предыдущему периоду (" + c.period + ")";
    case Comparison::same_period_earlier_year: {
      const auto p = model::parse_period(c.period);
      return "к тому же периоду " + (p ? std::to_string(p->year) + " года" : c.period) + " (" +
             c.period + ")";
    }
    case Comparison::earlier: break;
  }
  return "к периоду " + c.period;
}

}  // namespace analysis
