#include "analysis/analytical_summary.h"

#include <algorithm>
#include <cmath>

#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/russian_words.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string join(const std::vector<std::string>& items, const std::string& sep = "; ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

std::string participation(const model::Definition& def, const model::Registry& registry,
                          const aggregate::Summary& summary) {
  const auto n = summary.school_ids.size();
  const auto m = n + summary.missing_school_ids.size();
  if (!def.sources.empty()) {
    // A yearly rubric over monitorings scores every school with data of the year.
    std::string p = "Оценка " + in_quotes(def.title.empty() ? def.id : def.title) + " за " +
                    period_accusative(summary.period) + " по итогам мониторингов года и годовой форме самооценки: оценены " +
                    std::to_string(n) + " из " + count_of_schools(static_cast<int>(m)) + ".";
    if (!summary.missing_school_ids.empty()) {
      p += " Нет ни данных мониторингов года, ни принятой годовой формы: " +
           school_list(registry, summary.missing_school_ids) + ".";
    }
    return p;
  }
  const auto& without = summary.without_form();
  std::string p = monitoring_nominative(def) + " за " + period_accusative(summary.period) +
                  ": формы представили " + std::to_string(m - without.size()) + " из " +
                  count_of_schools(static_cast<int>(m)) + ".";
  if (!without.empty()) {
    p += " Нет принятой формы (не представлена или отклонена): " + school_list(registry, without) + ".";
  }
  return p;
}

// "(все показатели достигают целевых значений, а без целевых — не хуже медианы по ОО более
// чем на 5 п.п.)": the rule of findings.h in words.
std::string satisfactory_rule(const model::Definition& def, const Findings& f) {
  const std::string gap = format_compact(recommendation_settings(def).min_gap, 1) + " п.п.";
  if (f.with_target == 0) return "(все показатели не хуже медианы по ОО более чем на " + gap + ")";
  return "(все показатели достигают целевых значений, а без целевых — не хуже медианы по ОО более "
         "чем на " + gap + ")";
}

std::string satisfactory(const model::Definition& def, const Findings& f) {
  if (f.satisfactory.empty()) {
    return "Направлений с удовлетворительными результатами " + satisfactory_rule(def, f) + " нет.";
  }
  std::vector<std::string> names;
  for (const auto& id : f.satisfactory) names.push_back(direction_title(def, id));
  return "Результаты удовлетворительные " + satisfactory_rule(def, f) + " " + by_directions(names) + ".";
}

std::vector<std::string> dynamics_paragraphs(const model::Definition& def, const Analysis& a,
                                             const Findings& f) {
  if (a.dynamics.periods.empty()) {
    return {"Данных предыдущих периодов нет: динамика показателей не оценивается."};
  }
  if (f.improved.empty() && f.not_improved.empty()) {
    return {"Муниципальных значений за предыдущий период нет: динамика не оценивается."};
  }
  const Change* any = !f.improved.empty() ? f.improved.front().change : f.not_improved.front().change;
  const std::string against = comparison_text(*any);
  std::vector<std::string> out;
  const auto items = [](const std::vector<IndicatorChange>& changes) {
    std::vector<std::string> s;
    for (const auto& c : changes) s.push_back(change_item(*c.indicator, *c.change));
    return join(s);
  };
  if (!f.improved.empty()) {
    out.push_back("Положительная динамика " + against + ": " + items(f.improved) + ".");
  }
  if (!f.not_improved.empty()) {
    out.push_back("Без положительной динамики " + against + ": " + items(f.not_improved) + ".");
  }
  if (f.set_changed != nullptr && f.set_changed->schools) {
    const auto& s = *f.set_changed->schools;
    out.push_back("Состав ОО, представивших данные, изменился (" + std::to_string(s.then) + " ОО в " +
                  period_prepositional(f.set_changed->period) + ", " + std::to_string(s.now) +
                  " ОО сейчас): изменения муниципальных значений отчасти объясняются составом.");
  }
  if (!f.stalled.empty()) {
    std::vector<std::string> names;
    for (const auto& id : f.stalled) names.push_back(direction_title(def, id));
    out.push_back("Следует выявить причины отсутствия положительной динамики " + by_directions(names) +
                  ".");
  }
  return out;
}

std::vector<std::string> target_paragraphs(const model::Definition& def,
                                           const aggregate::Summary& summary, const Analysis& a,
                                           const Findings& f) {
  const int year = a.period.year;
  const std::string where = municipality_words(def).dative;
  if (f.with_target == 0) {
    return {"Целевые значения на " + std::to_string(year) +
            " год в методике не заданы: показатели сравниваются с медианой по ОО."};
  }
  std::vector<std::string> behind;
  for (const auto* row : f.behind_target) {
    const auto* ind = def.find_indicator(row->indicator_id);
    const auto* st = summary.stats(row->indicator_id);
    if (ind == nullptr || st == nullptr) continue;
    behind.push_back(indicator_label(*ind) + " — " + municipal_value_text(*ind, *st) + " при цели " +
                     target_gap_text(*ind, *st, *row->target, *row->gap));
  }
  std::vector<std::string> reached;
  for (const auto& row : a.roadmap) {
    const auto* ind = def.find_indicator(row.indicator_id);
    if (ind == nullptr || !row.target || ind->kind == model::IndicatorKind::yesno) continue;
    if (ind->kind == model::IndicatorKind::count) continue;  // a municipal total: no school target
    reached.push_back(short_label(*ind) + " — " + std::to_string(row.schools_meeting_target) + " из " +
                      count_of_schools(row.schools_with_value));
  }
  std::vector<std::string> out;
  out.push_back(behind.empty() ? "Все целевые значения " + std::to_string(year) +
                                     " года по " + where + " достигнуты."
                               : "Не достигнуты целевые значения " + std::to_string(year) +
                                     " года по показателям: " + join(behind) + ".");
  if (!reached.empty()) out.push_back("Целевого значения достигли ОО: " + join(reached) + ".");
  return out;
}

std::vector<std::string> cluster_paragraphs(const model::Definition& def,
                                            const model::Registry& registry, const Analysis& a) {
  const auto& c = a.clusters;
  if (c.clusters.empty()) {
    if (c.warnings.empty()) return {};
    return {"Группировка ОО не проведена: " + c.warnings.back() + "."};
  }
  std::string p = groups_lead(def, c);
  for (const auto& g : c.clusters) p += " " + group_text(def, registry, g);
  if (!c.insufficient_data.empty()) {
    p += " Недостаточно данных для группировки: " + school_list(registry, c.insufficient_data) + ".";
  }
  return {p};
}

std::vector<std::string> rubric_paragraphs(const model::Definition& def, const Analysis& a) {
  if (!a.rubric) return {};
  const auto& r = *a.rubric;
  const auto& m = r.municipal;
  const auto words = municipality_words(def);
  std::string p = "Оценка по рубрике «" + r.title + "»: " + words.nominative + " — " +
                  points_out_of(m.total, m.max) + " (" + format_percent(m.share) + ", уровень «" +
                  level_name(m.level) + "»)";
  if (r.school_median_total) p += "; медиана баллов ОО — " + format_points(*r.school_median_total);
  p += ". Уровень ОО по рубрике: высокий — " + count_of_schools(r.schools_high) + ", средний — " +
       count_of_schools(r.schools_medium) + ", низкий — " + count_of_schools(r.schools_low) + ".";
  // The weakest blocks of the municipality (lowest share of their maximum).
  const auto all_blocks = m.blocks();
  std::vector<const BlockScore*> blocks;
  for (const auto& b : all_blocks) {
    if (b.max > 0) blocks.push_back(&b);
  }
  std::stable_sort(blocks.begin(), blocks.end(), [](const auto* x, const auto* y) {
    return x->points / x->max < y->points / y->max - k_eps;
  });
  std::vector<std::string> weak;
  for (std::size_t i = 0; i < blocks.size() && i < 2; ++i) {
    if (blocks[i]->points >= blocks[i]->max) break;
    weak.push_back(in_quotes(blocks[i]->title) + " (" + points_out_of(blocks[i]->points, blocks[i]->max) +
                   ")");
  }
  if (!weak.empty()) {
    p += std::string(" Наименьшая доля баллов ") + words.genitive +
         (weak.size() == 1 ? " — в блоке " : " — в блоках ") + join_and(weak) + ".";
  }
  return {p};
}

}  // namespace

std::string target_gap_text(const model::IndicatorDef& ind, const aggregate::IndicatorStats& st,
                            double target, double gap) {
  if (ind.kind != model::IndicatorKind::yesno) {
    return format_target(ind, target) + " (отставание " + format_gap(ind, gap) + ")";
  }
  // A yes/no target is a share of schools: say how many schools are missing.
  const int total = st.schools_with_value;
  const int yes = static_cast<int>(std::lround(st.numerator_sum.value_or(0)));
  const int needed = static_cast<int>(std::ceil(target * total / 100.0 - k_eps));
  return format_target(ind, target) + " ОО (не хватает " + count_of_schools(std::max(0, needed - yes)) + ")";
}

std::string change_item(const model::IndicatorDef& indicator, const Change& change) {
  std::string amount = change_amount_text(indicator, change);
  if (!amount.empty() && indicator.better == model::Better::lower) amount += ", меньше — лучше";
  return indicator_label(indicator) + (amount.empty() ? "" : " (" + amount + ")");
}

std::string recommendation_count_text(const Analysis& a) {
  int schools = 0;
  long total = 0;
  for (const auto& s : a.recommendations) {
    if (s.count() == 0) continue;
    ++schools;
    total += static_cast<long>(s.count());
  }
  if (schools == 0) return "Адресных рекомендаций по итогам мониторинга не потребовалось.";
  return "Подготовлены адресные рекомендации: " + count_text(total, k_recommendation_forms) + " для " +
         count_of_schools(schools) + ".";
}

SummaryParts summary_parts(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis) {
  SummaryParts parts;
  parts.participation = participation(definition, registry, summary);
  if (summary.school_ids.empty()) return parts;
  const auto findings = find_findings(definition, summary, analysis);
  parts.satisfactory = satisfactory(definition, findings);
  parts.dynamics = dynamics_paragraphs(definition, analysis, findings);
  parts.targets = target_paragraphs(definition, summary, analysis, findings);
  parts.groups = cluster_paragraphs(definition, registry, analysis);
  parts.rubric = rubric_paragraphs(definition, analysis);
  parts.recommendations = recommendation_count_text(analysis);
  return parts;
}

std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis) {
  auto parts = summary_parts(definition, registry, summary, analysis);
  std::vector<std::string> out = {std::move(parts.participation)};
  if (summary.school_ids.empty()) return out;
  out.push_back(std::move(parts.satisfactory));
  for (auto* list : {&parts.dynamics, &parts.targets, &parts.groups, &parts.rubric}) {
    for (auto& p : *list) out.push_back(std::move(p));
  }
  out.push_back(std::move(parts.recommendations));
  return out;
}

}  // namespace analysis
