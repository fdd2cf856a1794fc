#include "analysis/factors.h"

#include <algorithm>
#include <cmath>

#include "aggregate/statistics.h"
#include "analysis/number_text.h"

namespace analysis {

namespace {
constexpr double k_min_difference = 0.05;  // below the 0,1 shown in texts
}

std::vector<Factor> distinguishing_factors(const model::Definition& definition,
                                           const aggregate::Summary& summary,
                                           const std::vector<std::string>& school_ids,
                                           const std::vector<std::string>& indicator_ids,
                                           std::size_t top) {
  struct Ranked {
    Factor f;
    std::size_t order;
  };
  std::vector<Ranked> ranked;
  for (std::size_t order = 0; order < definition.indicators.size(); ++order) {
    const auto& ind = definition.indicators[order];
    if (std::find(indicator_ids.begin(), indicator_ids.end(), ind.id) == indicator_ids.end()) continue;
    // Medians computed here for both sides (the summary has no median for
    // yes/no indicators; for shares this equals IndicatorStats::median).
    const auto median_of = [&](const std::vector<std::string>& ids) {
      std::vector<double> values;
      for (const auto& id : ids) {
        if (const auto* v = summary.value(id, ind.id); v && v->value) values.push_back(*v->value);
      }
      return aggregate::quantile_inc(values, 0.5);
    };
    const auto median = median_of(school_ids);
    const auto municipal = median_of(summary.school_ids);
    if (!median || !municipal) continue;
    Factor f;
    f.indicator_id = ind.id;
    f.group_median = *median;
    f.municipal_median = *municipal;
    f.difference = *median - *municipal;
    if (std::abs(f.difference) < k_min_difference) continue;
    f.favourable = (f.difference > 0) == (ind.better == model::Better::higher);
    f.text = indicator_label(ind) + ": медиана группы " + format_value(ind, f.group_median) +
             " при медиане по округу " + format_value(ind, f.municipal_median) + " (" +
             format_change(ind, f.difference) + ")";
    if (ind.better == model::Better::lower) f.text += ", меньше — лучше";
    ranked.push_back({std::move(f), order});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    const double da = std::abs(a.f.difference);
    const double db = std::abs(b.f.difference);
    if (std::abs(da - db) > 1e-9) return da > db;
    return a.order < b.order;
  });
  std::vector<Factor> out;
  for (std::size_t i = 0; i < ranked.size() && i < top; ++i) out.push_back(std::move(ranked[i].f));
  return out;
}

}  // namespace analysis
