#include "aggregate/summarize.h"

#include <algorithm>
#include <map>

#include "aggregate/statistics.h"

namespace aggregate {

namespace {

constexpr double k_eps = 1e-9;

// Why `input` has no value in `sub`: a questionnaire's reason, or no form
// (a school only questionnaires speak for), or an optional field left empty.
Missing why_missing(const model::Definition& def, const model::Submission& sub, const std::string& input) {
  if (const auto it = sub.no_value.find(input); it != sub.no_value.end()) {
    switch (it->second) {
      case model::NoValue::no_answers: return Missing::no_answers;
      case model::NoValue::low_response: return Missing::low_response;
      case model::NoValue::no_teachers_count: return Missing::no_teachers_count;
    }
  }
  const auto* in = def.find_input(input);
  if (in != nullptr && in->survey.empty() && !sub.form) return Missing::no_submission;
  return Missing::not_filled;
}

// The value of one indicator for one school, before cross-school figures.
SchoolValue school_value(const model::Definition& def, const model::IndicatorDef& ind, const model::Submission& sub) {
  SchoolValue v;
  switch (ind.kind) {
    case model::IndicatorKind::share: {
      v.numerator = sub.number(ind.numerator);
      v.denominator = sub.number(ind.denominator);
      if (!v.numerator || !v.denominator) {
        v.missing = why_missing(def, sub, v.numerator ? ind.denominator : ind.numerator);
      } else if (*v.denominator <= 0) {
        v.missing = Missing::zero_denominator;
      } else {
        v.value = *v.numerator / *v.denominator * 100.0;
      }
      break;
    }
    case model::IndicatorKind::count: {
      v.numerator = sub.number(ind.input);
      v.value = v.numerator;
      if (!v.value) v.missing = why_missing(def, sub, ind.input);
      break;
    }
    case model::IndicatorKind::yesno: {
      if (const auto yes = sub.yes(ind.input)) {
        v.numerator = *yes ? 1.0 : 0.0;
        v.value = *yes ? 100.0 : 0.0;
      } else {
        v.missing = why_missing(def, sub, ind.input);
      }
      break;
    }
  }
  return v;
}

}  // namespace

TargetStatus compare_to_target(double value, double target, model::Better better) {
  const bool met = better == model::Better::higher ? value >= target - k_eps
                                                   : value <= target + k_eps;
  return met ? TargetStatus::met : TargetStatus::not_met;
}

void complete_indicator(const model::IndicatorDef& ind, IndicatorStats& st, std::vector<SchoolValue>& row) {
  std::vector<double> present;
  std::vector<std::optional<double>> for_rank;
  for (const auto& v : row) {
    for_rank.push_back(v.value);
    if (v.value) present.push_back(*v.value);
  }
  // Spread and ranks mean something for shares and counts; for a yes/no the
  // municipal figure (% of schools answering "Да") says it all.
  const bool ranked = ind.kind != model::IndicatorKind::yesno;
  if (ranked) set_spread(st, present);
  const auto ranks = competition_ranks(for_rank, ind.better == model::Better::higher);

  // Count targets are municipal totals: a school has no target of its own.
  const bool school_target = ind.kind != model::IndicatorKind::count && st.target.has_value();
  for (std::size_t i = 0; i < row.size(); ++i) {
    auto& v = row[i];
    if (ranked) {
      v.rank = ranks[i];
      if (v.value && st.median) v.deviation = printed(*v.value) - printed(*st.median);
    }
    if (school_target) {
      v.target = ind.kind == model::IndicatorKind::yesno ? 100.0 : *st.target;
      if (!v.value) {
        v.status = TargetStatus::no_data;
      } else {
        v.status = compare_to_target(*v.value, *v.target, ind.better);
        v.gap = printed(*v.value) - *v.target;
        if (v.status == TargetStatus::met) ++st.schools_meeting_target;
      }
    }
  }
  if (st.target) {
    if (st.municipal) {
      st.municipal_status = compare_to_target(*st.municipal, *st.target, ind.better);
      st.municipal_gap = printed(*st.municipal) - *st.target;
    } else {
      st.municipal_status = TargetStatus::no_data;
    }
  }
}

namespace {

// Cross-school figures of every indicator from the schools' own values
// (`raw`: school -> indicator -> value with numerator, denominator, value and
// missing set). `out` has period, school_ids and missing_school_ids set.
void add_statistics(const model::Definition& definition, const SchoolValues& raw, Summary& out) {
  for (const auto& ind : definition.indicators) {
    IndicatorStats st;
    st.indicator_id = ind.id;
    st.target = ind.target_for(out.period.year);
    st.schools_missing = static_cast<int>(out.missing_school_ids.size());

    std::vector<SchoolValue> row;
    row.reserve(out.school_ids.size());
    for (const auto& id : out.school_ids) {
      SchoolValue v;
      v.missing = Missing::not_filled;
      if (const auto s = raw.find(id); s != raw.end()) {
        if (const auto it = s->second.find(ind.id); it != s->second.end()) {
          v.numerator = it->second.numerator;
          v.denominator = it->second.denominator;
          v.value = it->second.value;
          v.missing = it->second.value ? Missing::none : it->second.missing;
        }
      }
      row.push_back(std::move(v));
    }

    double num = 0, den = 0;
    for (const auto& v : row) {
      if (!v.value) {
        ++st.schools_missing;
        continue;
      }
      ++st.schools_with_value;
      num += v.numerator.value_or(0);
      den += ind.kind == model::IndicatorKind::share ? v.denominator.value_or(0) : 1.0;
    }
    if (st.schools_with_value > 0) {
      st.numerator_sum = num;
      switch (ind.kind) {
        case model::IndicatorKind::share:
          st.denominator_sum = den;
          if (den > 0) st.municipal = num / den * 100.0;
          break;
        case model::IndicatorKind::count:
          st.municipal = num;
          break;
        case model::IndicatorKind::yesno:
          st.denominator_sum = den;
          st.municipal = num / den * 100.0;
          break;
      }
    }
    complete_indicator(ind, st, row);
    for (std::size_t i = 0; i < row.size(); ++i) {
      auto& mine = out.values[out.school_ids[i]];
      if (mine.empty()) mine.reserve(definition.indicators.size());  // no regrowth, one indicator at a time
      mine[ind.id] = std::move(row[i]);
    }
    out.indicators.push_back(std::move(st));
  }
}

}  // namespace

Summary summarize(const model::Definition& definition, const model::Registry& registry,
                  const std::vector<model::Submission>& accepted, const model::Period& period) {
  Summary out;
  out.period = period;
  std::map<std::string, const model::Submission*> by_school;
  for (const auto& sub : accepted) by_school[sub.school_id] = &sub;
  SchoolValues raw;
  for (const auto& school : registry.schools) {
    const auto it = by_school.find(school.id);
    if (it == by_school.end()) {
      out.missing_school_ids.push_back(school.id);
      continue;
    }
    out.school_ids.push_back(school.id);
    if (!it->second->form && definition.has_form()) {
      if (!out.without_form_ids) out.without_form_ids.emplace();
      out.without_form_ids->push_back(school.id);
    }
    for (const auto& ind : definition.indicators) {
      raw[school.id][ind.id] = school_value(definition, ind, *it->second);
    }
  }
  if (out.without_form_ids) {
    // Both lists in registry order: the missing ones and those without a form.
    std::vector<std::string> all;
    for (const auto& school : registry.schools) {
      const bool missing = std::find(out.missing_school_ids.begin(), out.missing_school_ids.end(), school.id) !=
                           out.missing_school_ids.end();
      const bool formless = std::find(out.without_form_ids->begin(), out.without_form_ids->end(), school.id) !=
                            out.without_form_ids->end();
      if (missing || formless) all.push_back(school.id);
    }
    out.without_form_ids = std::move(all);
  }
  add_statistics(definition, raw, out);
  return out;
}

Summary summarize_values(const model::Definition& definition, const model::Registry& registry,
                         const SchoolValues& values, const model::Period& period) {
  Summary out;
  out.period = period;
  for (const auto& school : registry.schools) {
    (values.contains(school.id) ? out.school_ids : out.missing_school_ids).push_back(school.id);
  }
  add_statistics(definition, values, out);
  return out;
}

Missing missing_from_reason(std::string_view reason) {
  for (const auto m : {Missing::no_submission, Missing::not_filled, Missing::zero_denominator, Missing::no_answers,
                       Missing::low_response, Missing::no_teachers_count}) {
    if (reason == missing_reason(m)) return m;
  }
  return Missing::none;
}

}  // namespace aggregate
