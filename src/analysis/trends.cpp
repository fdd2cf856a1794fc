#include "analysis/trends.h"

#include <algorithm>

#include "aggregate/statistics.h"

namespace analysis {

namespace {

std::optional<double>
median_of(const std::vector<std::optional<double>> &values) {
  std::vector<double> present;
  for (const auto &v : values) {
    if (v)
      present.push_back(*v);
  }
  return aggregate::quantile_inc(present, 0.5);
}

} // namespace

const Trend *Trends::find(const std::string &indicator_id) const {
  for (const auto &t : indicators) {
    if (t.indicator_id == indicator_id)
      return &t;
  }
  return nullptr;
}

Trends compute_trends(const model::Definition &definition,
                      const aggregate::Summary &current,
                      const std::vector<PeriodValues> &earlier,
                      std::size_t max_periods) {
  // Period ids of one kind sort as text ("2026-09" < "2026-10", "2025-H2" <
  // "2026-H1").
  std::vector<const PeriodValues *> past;
  for (const auto &pv : earlier) {
    if (pv.period < current.period.id)
      past.push_back(&pv);
  }
  std::sort(past.begin(), past.end(),
            [](const PeriodValues *a, const PeriodValues *b) {
              return a->period < b->period;
            });
  if (max_periods > 0 && past.size() + 1 > max_periods) {
    past.erase(past.begin(),
               past.end() - static_cast<std::ptrdiff_t>(max_periods - 1));
  }
  Trends out;
  for (const auto *pv : past)
    out.periods.push_back(pv->period);
  out.periods.push_back(current.period.id);

  // Too few periods for a trend: nothing shows the schools' values, which
  // would be most of the memory at ten thousand schools.
  const bool per_school = out.shown();
  out.indicators.reserve(definition.indicators.size());
  for (const auto &ind : definition.indicators) {
    Trend t;
    t.indicator_id = ind.id;
    if (per_school) {
      for (const auto &id : current.school_ids)
        t.schools[id];
    }
    for (const auto *pv : past) {
      const auto m = pv->municipal.find(ind.id);
      t.municipal.push_back(m == pv->municipal.end() ? std::nullopt
                                                     : m->second);
      std::vector<std::optional<double>> all;
      for (const auto &[school_id, by_indicator] : pv->values) {
        const auto v = by_indicator.find(ind.id);
        if (v == by_indicator.end())
          continue;
        all.push_back(v->second);
        if (auto s = t.schools.find(school_id); s != t.schools.end())
          s->second.push_back(v->second);
      }
      t.median.push_back(ind.kind == model::IndicatorKind::yesno
                             ? std::nullopt
                             : median_of(all));
      // Schools of today without a value then.
      for (auto &[school_id, values] : t.schools)
        values.resize(t.municipal.size());
    }
    const aggregate::IndicatorStats *st = current.stats(ind.id);
    t.municipal.push_back(st ? st->municipal : std::nullopt);
    t.median.push_back(st && ind.kind != model::IndicatorKind::yesno
                           ? st->median
                           : std::nullopt);
    for (auto &[school_id, values] : t.schools) {
      const aggregate::SchoolValue *v = current.value(school_id, ind.id);
      values.push_back(v && v->missing == aggregate::Missing::none
                           ? v->value
                           : std::nullopt);
    }
    out.indicators.push_back(std::move(t));
  }
  return out;
}

} // namespace analysis
