#include "analysis/year_rubric.h"

#include <algorithm>
#include <set>

#include "aggregate/summarize.h"
#include "analysis/dynamics.h"

namespace analysis {

namespace {

using SchoolValues = std::map<std::string, std::optional<double>>;

std::optional<double> find_value(const SchoolValues& values, const std::string& indicator_id) {
  const auto it = values.find(indicator_id);
  return it == values.end() ? std::nullopt : it->second;
}

bool has_any_value(const SchoolValues& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& kv) { return kv.second.has_value(); });
}

// The rubric definition with its sources' indicators under qualified ids.
model::Definition pool_definition(const model::Definition& def) {
  model::Definition pooled = def;
  pooled.indicators.clear();
  for (const auto& src : def.sources) {
    // The sources' directions, so that the pooled indicators keep their groups.
    for (const auto& dir : src.definition->directions) {
      if (pooled.find_direction(dir.id) == nullptr) pooled.directions.push_back(dir);
    }
    for (const auto& ind : src.definition->indicators) {
      auto copy = ind;
      copy.id = qualified_id(src.id, ind.id);
      pooled.indicators.push_back(std::move(copy));
    }
  }
  if (pooled.rubric) {
    for (auto& block : pooled.rubric->blocks) {
      for (auto& [position, by_param] : block.evidence) {
        for (auto& [param, ev] : by_param) {
          if (!ev.monitoring.empty()) ev.indicator = qualified_id(ev.monitoring, ev.indicator);
        }
      }
    }
  }
  return pooled;
}

// Schools with the rubric's own form or any monitoring value, registry order.
std::vector<std::string> subjects(const model::Registry& registry, const YearInputs& in) {
  std::vector<std::string> out;
  std::set<std::string_view> with_form;  // gathered once, not per school
  for (const auto& f : in.forms) with_form.insert(f.school_id);
  for (const auto& school : registry.schools) {
    bool seen = with_form.contains(school.id);
    for (const auto& [id, m] : in.monitorings) {
      const auto it = m.values.values.find(school.id);
      seen = seen || (it != m.values.values.end() && has_any_value(it->second));
    }
    if (seen) out.push_back(school.id);
  }
  return out;
}

aggregate::Summary pool_values(const model::Definition& def, const model::Registry& registry,
                               const model::Period& year, const YearInputs& in) {
  aggregate::Summary summary;
  summary.period = year;
  summary.school_ids = subjects(registry, in);
  const std::set<std::string> subject_ids(summary.school_ids.begin(), summary.school_ids.end());
  for (const auto& school : registry.schools) {
    if (!subject_ids.contains(school.id)) summary.missing_school_ids.push_back(school.id);
  }
  for (const auto& src : def.sources) {
    const auto it = in.monitorings.find(src.id);
    const PeriodValues* values = it == in.monitorings.end() ? nullptr : &it->second.values;
    for (const auto& ind : src.definition->indicators) {
      aggregate::IndicatorStats st;
      st.indicator_id = qualified_id(src.id, ind.id);
      st.target = ind.target_for(year.year);
      if (values != nullptr) st.municipal = find_value(values->municipal, ind.id);
      std::vector<aggregate::SchoolValue> row;
      row.reserve(summary.school_ids.size());
      for (const auto& school_id : summary.school_ids) {
        aggregate::SchoolValue v;
        const SchoolValues* school = nullptr;  // the school's values in this monitoring
        if (values != nullptr) {
          const auto found = values->values.find(school_id);
          if (found != values->values.end()) school = &found->second;
        }
        v.value = school != nullptr ? find_value(*school, ind.id) : std::nullopt;
        v.missing = v.value            ? aggregate::Missing::none
                    : school != nullptr ? aggregate::Missing::not_filled
                                        : aggregate::Missing::no_submission;
        ++(v.value ? st.schools_with_value : st.schools_missing);
        row.push_back(std::move(v));
      }
      // Spread, ranks, deviations and targets as aggregate::summarize gives them.
      aggregate::complete_indicator(ind, st, row);
      for (std::size_t i = 0; i < row.size(); ++i) {
        summary.values[summary.school_ids[i]][st.indicator_id] = std::move(row[i]);
      }
      summary.indicators.push_back(std::move(st));
    }
  }
  return summary;
}

// Earlier years of all monitorings, merged per period id, qualified ids.
std::vector<PeriodValues> pool_earlier(const model::Definition& def, const YearInputs& in) {
  std::map<std::string, PeriodValues> by_period;
  for (const auto& src : def.sources) {
    const auto it = in.monitorings.find(src.id);
    if (it == in.monitorings.end()) continue;
    for (const auto& pv : it->second.earlier) {
      auto& out = by_period[pv.period];
      out.period = pv.period;
      for (const auto& [school_id, values] : pv.values) {
        for (const auto& [ind, v] : values) out.values[school_id][qualified_id(src.id, ind)] = v;
      }
      for (const auto& [ind, v] : pv.municipal) out.municipal[qualified_id(src.id, ind)] = v;
    }
  }
  std::vector<PeriodValues> out;
  for (auto& [period, pv] : by_period) out.push_back(std::move(pv));
  return out;
}

}  // namespace

std::string qualified_id(const std::string& monitoring_id, const std::string& indicator_id) {
  return monitoring_id + ":" + indicator_id;
}

YearRubric score_year_rubric(const model::Definition& rubric_def, const model::Registry& registry,
                             const model::Period& year, const YearInputs& in) {
  YearRubric out;
  out.pooled = pool_definition(rubric_def);
  out.summary = pool_values(rubric_def, registry, year, in);
  out.earlier = pool_earlier(rubric_def, in);
  for (const auto& src : rubric_def.sources) {
    if (in.monitorings.contains(src.id)) continue;
    out.warnings.push_back("нет итогов мониторинга «" + src.definition->title + "» (" + src.id +
                           ") за " + model::display_name(year) + ": его показатели в рубрике не учтены");
  }
  if (!out.pooled.rubric || out.pooled.rubric->blocks.empty()) return out;
  std::map<std::string, const model::Submission*> forms;
  const std::set<std::string> subject_ids(out.summary.school_ids.begin(), out.summary.school_ids.end());
  for (const auto& f : in.forms) {
    if (subject_ids.contains(f.school_id)) forms[f.school_id] = &f;
  }
  const auto dynamics = compute_dynamics(out.pooled, out.summary, out.earlier);
  const EvidenceContext ctx{out.pooled, out.summary, forms, dynamics,
                            out.pooled.rubric->municipal_yes_share};
  out.results = score_schools(*out.pooled.rubric, ctx);
  return out;
}

}  // namespace analysis
