#include "analysis/dynamics.h"

#include <algorithm>

#include "aggregate/summary.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
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
      if (p->year < current.year && p->kind() == current.kind() && p->month == current.month &&
          p->half == current.half) {
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
  row.current = current;
  row.changes.reserve(earlier.size());
  for (const auto& e : earlier) {
    Change c;
    c.period = e.values->period;
    c.kind = e.kind;
    c.earlier = lookup(*e.values, school_id, ind.id);
    if (current && c.earlier) {
      c.change = aggregate::printed(*current) - aggregate::printed(*c.earlier);  // as printed
      c.improved = ind.better == model::Better::higher ? *c.change > k_eps : *c.change < -k_eps;
    }
    row.changes.push_back(std::move(c));
  }
  return row;
}

// The schools behind a municipal value now and then, and for a yes/no the
// number of «Да» answers. Unknown (left empty) when the earlier period has no
// school values in the history.
void add_school_sets(DynamicsRow& row, const model::IndicatorDef& ind,
                     const aggregate::Summary& summary, const std::vector<Earlier>& earlier) {
  std::vector<std::string> now;
  int yes_now = 0;
  for (const auto& id : summary.school_ids) {
    const auto* v = summary.value(id, ind.id);
    if (v == nullptr || !v->value) continue;
    now.push_back(id);
    yes_now += *v->value > 50 ? 1 : 0;
  }
  for (std::size_t i = 0; i < earlier.size() && i < row.changes.size(); ++i) {
    const auto& pv = *earlier[i].values;
    if (pv.values.empty()) continue;
    SchoolSet set;
    set.now = static_cast<int>(now.size());
    int yes_then = 0;
    for (const auto& [school_id, by_indicator] : pv.values) {
      const auto it = by_indicator.find(ind.id);
      if (it == by_indicator.end() || !it->second) continue;
      ++set.then;
      yes_then += *it->second > 50 ? 1 : 0;
      if (std::find(now.begin(), now.end(), school_id) != now.end()) ++set.common;
    }
    auto& c = row.changes[i];
    c.schools = set;
    if (ind.kind == model::IndicatorKind::yesno) {
      c.yes_now = yes_now;
      c.yes_then = yes_then;
    }
  }
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
    add_school_sets(out.municipal.back(), ind, summary, earlier);
  }
  // Without an earlier period a school's rows would only repeat its values
  // (a region's first run: 10,000 schools' rows for nothing).
  if (earlier.empty()) return out;
  for (const auto& school_id : summary.school_ids) {
    auto& rows = out.schools[school_id];
    rows.reserve(definition.indicators.size());
    for (const auto& ind : definition.indicators) {
      const auto* v = summary.value(school_id, ind.id);
      rows.push_back(make_row(ind, school_id, v ? v->value : std::nullopt, earlier));
    }
  }
  return out;
}

std::string comparison_text(const Change& c) { return "к " + period_dative(c.period); }

std::string change_amount_text(const model::IndicatorDef& indicator, const Change& c) {
  if (indicator.kind == model::IndicatorKind::yesno && c.yes_now && c.yes_then) {
    const int d = *c.yes_now - *c.yes_then;
    return (d > 0 ? "+" : "") + format_number(d, 0) + " ОО";
  }
  return c.change ? format_change(indicator, *c.change) : "";
}

std::string municipal_change_text(const model::IndicatorDef& indicator, const Change& c) {
  std::string out = change_amount_text(indicator, c);
  if (out.empty()) return out;
  out += " " + comparison_text(c);
  if (c.schools && !c.schools->same()) {
    out += " (состав ОО изменился: " + std::to_string(c.schools->then) + " ОО в " +
           period_prepositional(c.period) + ", " + std::to_string(c.schools->now) + " ОО сейчас)";
  }
  return out;
}

}  // namespace analysis
