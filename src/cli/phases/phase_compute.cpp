#include "cli/phases/phase_compute.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <set>

#include "aggregate/summarize.h"
#include "cli/phases/year_sources.h"
#include "store/dynamics_periods.h"

namespace cli {

namespace {

// The analysis of a summary, with the history's earlier periods for dynamics.
void analyse(const model::Definition& definition, const model::Registry& registry,
             const model::Period& period, const std::vector<model::Submission>& accepted,
             const store::HistoryStore& history, Results& r) {
  const auto earlier = earlier_values(history, period);
  r.earlier_periods = earlier.size();
  r.analysis = analysis::analyze(definition, registry, r.summary, accepted, earlier);
  r.trends = analysis::compute_trends(definition, r.summary, trend_values(history, period));
  spdlog::info("анализ: прошлых периодов для динамики — {}, групп ОО — {}", earlier.size(),
               r.analysis.clusters.clusters.size());
}

}  // namespace

Results compute_results(const model::Definition& definition, const model::Registry& registry,
                        const model::Period& period, const std::vector<model::Submission>& accepted,
                        const store::HistoryStore& history) {
  Results r;
  r.summary = aggregate::summarize(definition, registry, accepted, period);
  analyse(definition, registry, period, accepted, history, r);
  return r;
}

model::Expected<Results> compute_from_history(const model::Definition& definition,
                                              const model::Registry& registry, const model::Period& period,
                                              const std::vector<model::Submission>& accepted,
                                              const store::HistoryStore& history) {
  const auto rows = history.values_for(period.id);
  if (!rows) return std::unexpected(rows.error());
  aggregate::SchoolValues values;
  for (const auto& row : *rows) {
    if (row.school_id == k_municipal_id) continue;  // recomputed from the schools' values
    aggregate::SchoolValue v;
    v.numerator = row.numerator;
    v.denominator = row.denominator;
    v.value = row.value;
    v.missing = aggregate::missing_from_reason(row.missing);
    values[row.school_id][row.indicator_id] = v;
  }
  if (values.empty()) {
    return std::unexpected(model::Diagnostic::error(
        {"history.sqlite", {}, {}, {}, {}}, "в истории нет значений за период " + period.id,
        "сначала выполните metodmon run за этот период"));
  }
  Results r;
  r.summary = aggregate::summarize_values(definition, registry, values, period);
  if (!definition.surveys.empty() && definition.has_form()) {
    // The history keeps values, not forms: which schools sent one, the
    // archived forms say (a school only questionnaires speak for has values).
    std::set<std::string_view> with_form;
    for (const auto& sub : accepted) {
      if (sub.form) with_form.insert(sub.school_id);
    }
    auto& without = r.summary.without_form_ids.emplace();
    for (const auto& school : registry.schools) {
      if (!with_form.contains(school.id)) without.push_back(school.id);
    }
  }
  analyse(definition, registry, period, accepted, history, r);
  return r;
}

Results compute_year_results(const model::Definition& definition, const model::Registry& registry,
                             const model::Period& period, const std::vector<model::Submission>& accepted,
                             const YearSources& year) {
  auto inputs = year.inputs;
  inputs.forms = accepted;
  auto scored = analysis::score_year_rubric(definition, registry, period, inputs);
  Results r;
  r.summary = std::move(scored.summary);
  r.earlier_periods = scored.earlier.size();
  r.analysis = analysis::analyze(scored.pooled, registry, r.summary, accepted, scored.earlier);
  // The rubric as score_year_rubric scored it (analyze scores the same pooled
  // definition; the rubric's own function is the one its tests pin down).
  if (scored.pooled.rubric && !scored.pooled.rubric->blocks.empty()) r.analysis.rubric = std::move(scored.results);
  r.analysis.warnings.insert(r.analysis.warnings.end(), scored.warnings.begin(), scored.warnings.end());
  r.pooled = std::move(scored.pooled);
  spdlog::info("годовая рубрика: мониторингов с итогами — {} из {}, ОО в рубрике — {}, прошлых лет для динамики — {}",
               year.inputs.monitorings.size(), definition.sources.size(), r.summary.school_ids.size(),
               r.earlier_periods);
  return r;
}

model::Expected<analysis::PeriodValues> stored_values(const store::HistoryStore& history, std::string_view period) {
  const auto rows = history.values_for(period);
  if (!rows) return std::unexpected(rows.error());
  analysis::PeriodValues pv;
  pv.period = std::string(period);
  for (const auto& r : *rows) {
    if (r.school_id == k_municipal_id) {
      pv.municipal[r.indicator_id] = r.value;
    } else {
      pv.values[r.school_id][r.indicator_id] = r.value;
    }
  }
  return pv;
}

namespace {

// One period's values from the history; nullopt when it has none or cannot be read.
std::optional<analysis::PeriodValues> period_values(const store::HistoryStore& history,
                                                    const std::string& id) {
  auto pv = stored_values(history, id);
  if (!pv || (pv->values.empty() && pv->municipal.empty())) return std::nullopt;
  return std::move(*pv);
}

bool same_kind(const model::Period& a, const model::Period& b) {
  return a.kind() == b.kind();
}

}  // namespace

std::vector<analysis::PeriodValues> earlier_values(const store::HistoryStore& history,
                                                   const model::Period& period) {
  std::vector<analysis::PeriodValues> out;
  for (const auto& id : store::dynamics_periods(period, 2)) {
    if (auto pv = period_values(history, id)) out.push_back(std::move(*pv));
  }
  return out;
}

std::vector<analysis::PeriodValues> trend_values(const store::HistoryStore& history,
                                                 const model::Period& period, std::size_t max_periods) {
  const auto listed = history.list_periods();
  if (!listed) return {};
  std::vector<std::string> ids;
  for (const auto& id : *listed) {
    const auto p = model::parse_period(id);
    if (p && same_kind(*p, period) && id < period.id) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  if (ids.size() > max_periods) ids.erase(ids.begin(), ids.end() - static_cast<std::ptrdiff_t>(max_periods));
  std::vector<analysis::PeriodValues> out;
  for (const auto& id : ids) {
    if (auto pv = period_values(history, id)) out.push_back(std::move(*pv));
  }
  return out;
}

std::vector<store::ValueRow> value_rows(const aggregate::Summary& summary) {
  std::vector<store::ValueRow> rows;
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
