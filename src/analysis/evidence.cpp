#include "analysis/evidence.h"

#include "aggregate/summarize.h"
#include "analysis/number_text.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

EvidenceResult input_evidence(const model::Evidence& ev, const EvidenceContext& ctx,
                              const std::string& school_id) {
  if (!school_id.empty()) {
    const auto it = ctx.submissions.find(school_id);
    if (it == ctx.submissions.end()) return {std::nullopt, "форма не сдана"};
    const auto yes = it->second->yes(ev.input);
    if (!yes) return {std::nullopt, "ответ не заполнен"};
    return {*yes, *yes ? "«Да»" : "«Нет»"};
  }
  int total = 0;
  int yes = 0;
  for (const auto& id : ctx.summary.school_ids) {
    const auto it = ctx.submissions.find(id);
    if (it == ctx.submissions.end()) continue;
    ++total;
    if (it->second->yes(ev.input).value_or(false)) ++yes;
  }
  if (total == 0) return {std::nullopt, "нет сданных форм"};
  const double share = 100.0 * yes / total;
  return {share >= ctx.municipal_yes_share - k_eps,
          "«Да» у " + std::to_string(yes) + " из " + count_of_schools(total) + " (" +
              format_percent(share) + ")"};
}

bool at_least(double value, double reference, model::Better better) {
  return better == model::Better::higher ? value >= reference - k_eps : value <= reference + k_eps;
}

EvidenceResult indicator_evidence(const model::Evidence& ev, const EvidenceContext& ctx,
                                  const std::string& school_id) {
  const auto* ind = ctx.definition.find_indicator(ev.indicator);
  const auto* st = ctx.summary.stats(ev.indicator);
  if (ind == nullptr || st == nullptr) return {std::nullopt, "показатель не рассчитан"};
  const auto value = subject_value(ctx.summary, school_id, ev.indicator);
  if (!value) return {std::nullopt, "нет значения показателя"};
  const std::string shown = format_value(*ind, *value);
  switch (ev.test) {
    case model::EvidenceTest::meets_target: {
      const auto target = ind->target_for(ctx.summary.period.year);
      if (!target) return {std::nullopt, shown + ", цель на " + std::to_string(ctx.summary.period.year) + " год не задана"};
      // Yes/no at a school: its own answer against «Да» (value 100).
      const double t = ind->kind == model::IndicatorKind::yesno && !school_id.empty() ? 100.0 : *target;
      const bool met = aggregate::compare_to_target(*value, t, ind->better) ==
                       aggregate::TargetStatus::met;
      return {met, shown + " при цели " + format_target(*ind, t)};
    }
    case model::EvidenceTest::at_least_median: {
      if (!st->median) return {std::nullopt, shown + ", медиана не рассчитана"};
      return {at_least(*value, *st->median, ind->better),
              shown + " при медиане " + format_value(*ind, *st->median)};
    }
    case model::EvidenceTest::positive_dynamics: {
      const auto* row = ctx.dynamics.find(school_id, ev.indicator);
      const auto* prev = row ? row->previous() : nullptr;
      if (prev == nullptr || !prev->earlier) {
        return {std::nullopt, "не оценивается: нет данных за предыдущий период", true};
      }
      if (!prev->improved) return {std::nullopt, shown + ", нет данных за предыдущий период"};
      return {*prev->improved, shown + ", в предыдущем периоде " + format_value(*ind, *prev->earlier) +
                                   " (" + format_change(*ind, *prev->change) + ")"};
    }
  }
  return {std::nullopt, ""};
}

}  // namespace

std::optional<double> subject_value(const aggregate::Summary& summary, const std::string& school_id,
                                    const std::string& indicator_id) {
  if (school_id.empty()) {
    const auto* st = summary.stats(indicator_id);
    return st ? st->municipal : std::nullopt;
  }
  const auto* v = summary.value(school_id, indicator_id);
  return v ? v->value : std::nullopt;
}

EvidenceResult evaluate_evidence(const model::Evidence& ev, const EvidenceContext& ctx,
                                 const std::string& school_id) {
  if (!ev.input.empty()) return input_evidence(ev, ctx, school_id);
  return indicator_evidence(ev, ctx, school_id);
}

}  // namespace analysis
