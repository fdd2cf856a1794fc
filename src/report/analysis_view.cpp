#include "report/analysis_view.h"

#include <cmath>
#include <vector>

#include "report/value_cells.h"

namespace report {

namespace {

// Below this a change is shown as no change (figures print with one decimal).
constexpr double k_no_change = 0.05;

}  // namespace

bool has_rating(const ReportInput& in) {
  return in.analysis != nullptr && in.analysis->rubric && in.definition.rubric;
}

bool has_dynamics(const ReportInput& in) {
  return in.analysis != nullptr && !in.analysis->dynamics.periods.empty();
}

bool has_roadmap(const ReportInput& in) {
  if (in.analysis == nullptr) return false;
  for (const auto& ind : in.definition.indicators) {
    if (!ind.targets.empty()) return true;
  }
  return false;
}

std::string cluster_name(const analysis::Analysis& a, const std::string& school_id) {
  if (const analysis::Cluster* c = a.clusters.cluster_of(school_id)) return c->name;
  if (a.clusters.single_of(school_id) != nullptr) return "особый профиль";
  return {};
}

std::string trigger_name(model::RecommendationWhen when, model::Better better) {
  const bool higher = better == model::Better::higher;
  switch (when) {
    case model::RecommendationWhen::below_target: return higher ? "ниже цели" : "выше цели";
    case model::RecommendationWhen::below_median: return higher ? "ниже медианы" : "выше медианы";
    case model::RecommendationWhen::bottom_quartile: return higher ? "в нижней четверти" : "в верхней четверти";
    case model::RecommendationWhen::document_missing: return "нет документа";
    case model::RecommendationWhen::no_positive_dynamics: return "нет положительной динамики";
  }
  return {};
}

TriggerFigures trigger_figures(const ReportInput& in, const analysis::Analysis& a,
                               const std::string& school_id,
                               const analysis::Recommendation& item) {
  TriggerFigures out;
  if (item.when == model::RecommendationWhen::document_missing) return out;
  out.indicator = in.definition.find_indicator(item.indicator_id);
  if (out.indicator == nullptr) return out;
  const aggregate::SchoolValue* v = in.summary.value(school_id, item.indicator_id);
  if (v != nullptr) out.value = v->value;
  switch (item.when) {
    case model::RecommendationWhen::below_target:
      out.reference = out.indicator->target_for(in.summary.period.year);
      out.reference_label = "цель " + std::to_string(in.summary.period.year);
      break;
    case model::RecommendationWhen::below_median:
    case model::RecommendationWhen::bottom_quartile:
      if (const auto* s = in.summary.stats(item.indicator_id)) out.reference = s->median;
      out.reference_label = "медиана";
      break;
    case model::RecommendationWhen::no_positive_dynamics:
      if (const auto* row = a.dynamics.find(school_id, item.indicator_id)) {
        if (const auto* prev = row->previous()) out.reference = prev->earlier;
      }
      out.reference_label = "пред. период";
      break;
    case model::RecommendationWhen::document_missing: break;
  }
  // As printed: the difference of the two values the row shows.
  if (out.value && out.reference) {
    out.difference = item.when == model::RecommendationWhen::below_target
                         ? aggregate::printed(*out.value) - *out.reference
                         : aggregate::printed(*out.value) - aggregate::printed(*out.reference);
  }
  return out;
}

void write_trigger_figures(SheetWriter& w, lxw_row_t row, lxw_col_t first_col,
                           const TriggerFigures& figures, const Formats& f) {
  if (figures.indicator == nullptr) {
    w.text(row, first_col, "Нет", f.centre);
    w.text(row, first_col + 1, "Да", f.centre);
    w.dash(row, first_col + 2, "", f.dash);
    return;
  }
  const auto& ind = *figures.indicator;
  write_indicator_value(w, row, first_col, ind, figures.value, true, "Нет значения.", f);
  write_indicator_value(w, row, first_col + 1, ind, figures.reference,
                        ind.kind == model::IndicatorKind::yesno &&
                            figures.reference_label == "пред. период",
                        "Нет значения.", f);
  if (ind.kind == model::IndicatorKind::yesno && figures.reference_label == "пред. период") {
    w.dash(row, first_col + 2, "", f.dash);
  } else {
    write_difference_value(w, row, first_col + 2, ind, figures.difference, "Нет значения.", f);
  }
}

std::string recommendation_text(const ReportInput& in, const analysis::Analysis& a,
                                const analysis::SchoolRecommendations& school,
                                const analysis::Recommendation& item) {
  return analysis::recommendation_text(in.definition, in.summary, a.dynamics, a.rules, school, item);
}

std::string trigger_label(const ReportInput& in, const analysis::Recommendation& item,
                          const TriggerFigures& figures) {
  if (item.when == model::RecommendationWhen::document_missing) {
    const model::InputDef* input = in.definition.find_input(item.input_id);
    return "нет документа: " + (input == nullptr || input->label.empty() ? item.input_id
                                                                          : input->label);
  }
  std::string head = figures.indicator != nullptr && !figures.indicator->code.empty()
                         ? figures.indicator->code + " — "
                         : std::string();
  std::string what = trigger_name(item.when, figures.indicator != nullptr ? figures.indicator->better
                                                                          : model::Better::higher);
  if (item.when == model::RecommendationWhen::below_target) {
    what += " " + std::to_string(in.summary.period.year);
  }
  return head + what;
}

void write_change(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                  const model::IndicatorDef& indicator, const analysis::Change* change,
                  const BookContext& ctx, bool school) {
  if (change == nullptr || !change->change) {
    w.dash(row, col,
           change != nullptr && !change->earlier ? "Нет значения за " + change->period + "."
                                                 : "Нет значения за текущий период.",
           ctx.f.dash);
    return;
  }
  const double d = *change->change;
  const std::optional<bool> improved =
      std::abs(d) < k_no_change ? std::nullopt : change->improved;
  if (school && indicator.kind == model::IndicatorKind::yesno && change->earlier) {
    const auto word = [](double v) { return v > 0.0 ? std::string("Да") : std::string("Нет"); };
    const double then = *change->earlier;
    const std::string text = std::abs(d) >= k_no_change ? word(then) + " → " + word(then + d)
                                      : "без изменений (" + word(then) + ")";
    w.text(row, col, text, change_format(ctx.af, indicator.kind, improved));
    return;
  }
  w.number(row, col, d, change_format(ctx.af, indicator.kind, improved));
}

void write_indicator_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                           const model::IndicatorDef& indicator, const std::optional<double>& value,
                           bool school_yesno, std::string_view reason, const Formats& f) {
  if (!value) {
    w.dash(row, col, reason, f.dash);
  } else if (indicator.kind == model::IndicatorKind::yesno && school_yesno) {
    w.text(row, col, *value > 0.0 ? "Да" : "Нет", f.centre);
  } else {
    w.number(row, col, cell_number(indicator.kind, *value), value_format(f, indicator.kind));
  }
}

void write_difference_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                            const model::IndicatorDef& indicator,
                            const std::optional<double>& difference, std::string_view reason,
                            const Formats& f) {
  if (!difference) {
    w.dash(row, col, reason, f.dash);
    return;
  }
  w.number(row, col, *difference,
           indicator.kind == model::IndicatorKind::count ? f.signed_count : f.pp);
}

}  // namespace report
