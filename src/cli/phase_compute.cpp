#include "cli/phase_compute.h"

#include <spdlog/spdlog.h>

#include "aggregate/summarize.h"
#include "deliver/dynamics_periods.h"

namespace cli {

Results compute_results(const model::Definition& definition, const model::Registry& registry,
                        const model::Period& period, const std::vector<model::Submission>& accepted,
                        const deliver::HistoryStore& history) {
  Results r;
  r.summary = aggregate::summarize(definition, registry, accepted, period);
  const auto earlier = earlier_values(history, period);
  r.earlier_periods = earlier.size();
  r.analysis = analysis::analyze(definition, registry, r.summary, accepted, earlier);
  spdlog::info("анализ: прошлых периодов для динамики — {}, групп ОО — {}", earlier.size(),
               r.analysis.clusters.clusters.size());
  return r;
}

std::vector<analysis::PeriodValues> earlier_values(const deliver::HistoryStore& history,
                                                   const model::Period& period) {
  std::vector<analysis::PeriodValues> out;
  for (const auto& id : deliver::dynamics_periods(period, 2)) {
    const auto rows = history.values_for(id);
    if (!rows || rows->empty()) continue;
    analysis::PeriodValues pv;
    pv.period = id;
    for (const auto& r : *rows) {
      if (r.school_id == k_municipal_id) {
        pv.municipal[r.indicator_id] = r.value;
      } else {
        pv.values[r.school_id][r.indicator_id] = r.value;
      }
    }
    out.push_back(std::move(pv));
  }
  return out;
}

std::vector<deliver::ValueRow> value_rows(const aggregate::Summary& summary) {
  std::vector<deliver::ValueRow> rows;
  for (const auto& [school_id, by_indicator] : summary.values) {
    for (const auto& [indicator_id, v] : by_indicator) {
      rows.push_back({summary.period.id, school_id, indicator_id, v.numerator, v.denominator, v.value,
                      aggregate::missing_reason(v.missing)});
    }
  }
  for (const auto& st : summary.indicators) {
    rows.push_back({summary.period.id, std::string(k_municipal_id), st.indicator_id, st.numerator_sum,
                    st.denominator_sum, st.municipal, st.municipal ? "" : "нет данных"});
  }
  return rows;
}

}  // namespace cli
