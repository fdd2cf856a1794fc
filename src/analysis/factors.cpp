#include "analysis/factors.h"

#include <algorithm>
#include <cmath>

#include "aggregate/statistics.h"
#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "analysis/small_numbers.h"

namespace analysis {

namespace {
constexpr double k_min_difference = 0.05;  // below the 0,1 shown in texts
}

std::vector<Factor> distinguishing_factors(const model::Definition& definition,
                                           const aggregate::Summary& summary,
                                           const std::vector<std::string>& school_ids,
                                           const std::vector<std::string>& indicator_ids,
                                           double min_denominator, std::size_t top) {
  struct Ranked {
    Factor f;
    std::size_t order;
  };
  std::vector<Ranked> ranked;
  const auto where = municipality_words(definition);
  for (std::size_t order = 0; order < definition.indicators.size(); ++order) {
    const auto& ind = definition.indicators[order];
    if (std::find(indicator_ids.begin(), indicator_ids.end(), ind.id) == indicator_ids.end()) continue;
    const bool yesno = ind.kind == model::IndicatorKind::yesno;
    struct Side {
      std::optional<double> centre;  // median, or % of «Да» for a yes/no
      int yes = 0, total = 0;
    };
    // Both sides computed here (the summary has no median for yes/no
    // indicators; for shares this equals IndicatorStats::median).
    const auto side_of = [&](const std::vector<std::string>& ids, bool leave_out_small) {
      Side side;
      std::vector<double> values;
      for (const auto& id : ids) {
        const auto* v = summary.value(id, ind.id);
        if (v == nullptr || !v->value) continue;
        if (leave_out_small && is_small(ind, *v, min_denominator)) continue;
        values.push_back(*v->value);
      }
      side.total = static_cast<int>(values.size());
      for (const double v : values) side.yes += v > 50 ? 1 : 0;
      if (yesno) {
        if (side.total > 0) side.centre = 100.0 * side.yes / side.total;
      } else {
        side.centre = aggregate::quantile_inc(values, 0.5);
      }
      return side;
    };
    const Side group = side_of(school_ids, true);
    const Side all = side_of(summary.school_ids, false);
    if (!group.centre || !all.centre) continue;
    Factor f;
    f.indicator_id = ind.id;
    f.group_median = *group.centre;
    f.municipal_median = *all.centre;
    // As printed: "медиана 75,0 % против 62,5 % (+12,5 п.п.)" adds up.
    f.difference = aggregate::printed(*group.centre) - aggregate::printed(*all.centre);
    if (std::abs(f.difference) < k_min_difference) continue;
    f.favourable = (f.difference > 0) == (ind.better == model::Better::higher);
    const bool one = school_ids.size() == 1;  // a school of its own profile: its value, not a median
    if (yesno) {
      f.group_yes = group.yes;
      f.group_total = group.total;
      f.all_yes = all.yes;
      f.all_total = all.total;
      if (one) {
        const std::string answer = group.yes > 0 ? "«Да»" : "«Нет»";
        f.figures = "в ОО " + answer + ", по " + where.dative + " «Да» " + yes_schools_text(all.yes, all.total);
        f.text = indicator_label(ind) + ": в ОО " + answer + ", по " + where.dative + " «Да» " +
                 yes_schools_text(all.yes, all.total);
      } else {
        f.figures = "есть у " + std::to_string(group.yes) + " из " + count_of_schools(group.total) +
                    " группы против " + std::to_string(all.yes) + " из " + count_of_schools(all.total);
        f.text = indicator_label(ind) + ": есть у " + std::to_string(group.yes) + " из " +
                 count_of_schools(group.total) + " группы, по " + where.dative + " — " +
                 yes_schools_text(all.yes, all.total);
      }
    } else if (one) {
      f.figures = format_value(ind, f.group_median) + " против медианы " + format_value(ind, f.municipal_median);
      f.text = indicator_label(ind) + ": значение ОО " + format_value(ind, f.group_median) + " при медиане по " +
               where.dative + " " + format_value(ind, f.municipal_median) + " (" +
               format_change(ind, f.difference) + ")";
      if (ind.better == model::Better::lower) f.text += ", меньше — лучше";
    } else {
      f.figures = "медиана " + format_value(ind, f.group_median) + " против " +
                  format_value(ind, f.municipal_median);
      f.text = indicator_label(ind) + ": медиана группы " + format_value(ind, f.group_median) +
               " при медиане по " + where.dative + " " + format_value(ind, f.municipal_median) +
               " (" + format_change(ind, f.difference) + ")";
      if (ind.better == model::Better::lower) f.text += ", меньше — лучше";
    }
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
