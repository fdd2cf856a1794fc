#include "analysis/analytical_summary.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/recommendation_groups.h"
#include "analysis/russian_words.h"
#include "analysis/small_numbers.h"
#include "util/text_case.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

// The summary names an indicator by its code and few words the first time and
// by its code alone afterwards: the codes' legend is the table of values
// (appendix 1), and one page has no room for a name said four times.
class Labels {
 public:
  std::string operator()(const model::IndicatorDef& ind) {
    if (ind.code.empty() || ind.short_name.empty()) return indicator_short_label(ind);
    return m_named.insert(ind.id).second ? indicator_short_label(ind) : ind.code;
  }

 private:
  std::set<std::string> m_named;
};

std::string join(const std::vector<std::string>& items, const std::string& sep = "; ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

std::string studied(const model::Definition& def, const model::Registry& registry,
                    const aggregate::Summary& summary, const model::Participation& p) {
  (void)registry;
  const auto n = p.accepted;
  if (!def.sources.empty()) {
    // A yearly rubric over monitorings scores every school with data of the year.
    return "Оценка " + in_quotes(def.title.empty() ? def.id : def.title) + " за " +
           period_accusative(summary.period) +
           " по итогам мониторингов года и годовой форме самооценки: оценены " + std::to_string(n) + " из " +
           count_of_schools(p.asked) + ".";
  }
  std::string out = "Формы мониторинга за " + period_accusative(summary.period) + " направлены в " +
                    count_of_schools(p.asked) + "; представили формы " + std::to_string(p.sent) + " из " +
                    count_of_schools(p.asked);
  if (p.accepted == p.sent) {
    out += p.sent == p.asked ? ", все формы приняты к обработке" : ", все представленные формы приняты к обработке";
  } else {
    out += ", приняты к обработке формы " + count_of_schools(p.accepted);
  }
  out += ".";
  if (n == 0) return out;
  std::set<std::string> directions;
  for (const auto& ind : def.indicators) {
    if (!ind.direction.empty()) directions.insert(ind.direction);
  }
  out += " Изучены " + count_text(static_cast<long>(def.indicators.size()), k_indicator_forms);
  if (directions.size() > 1) {
    out += " по " + std::to_string(directions.size()) + " " +
           std::string(plural(static_cast<long>(directions.size()),
                              {"направлению", "направлениям", "направлениям"}));
  }
  return out + ".";
}

// "(все показатели достигают целевых значений, а без целевых — не хуже медианы по ОО более
// чем на 5 п.п.)": the rule of findings.h in words.
std::string satisfactory_rule(const model::Definition& def, const Findings& f) {
  const std::string gap = format_compact(recommendation_settings(def).min_gap, 1) + " п.п.";
  if (f.with_target == 0) return "(все показатели не хуже медианы по ОО более чем на " + gap + ")";
  return "(все показатели достигают целевых значений, а без целевых — не хуже медианы по ОО более "
         "чем на " + gap + ")";
}

std::vector<std::string> direction_names(const model::Definition& def, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) names.push_back(direction_title(def, id));
  return names;
}

// Targets of the year reached by the municipality: "Достигнуты целевые значения 2026 года по 2 из
// 9 показателей: 2.1 (…) — 52,0 % при цели 50 %; …".
std::string targets_met(const model::Definition& def, const aggregate::Summary& summary, const Analysis& a,
                        const Findings& f, Labels& label) {
  const std::string year = std::to_string(a.period.year);
  std::vector<const RoadmapRow*> met_rows;
  for (const auto& row : a.roadmap) {
    if (row.target && row.status == aggregate::TargetStatus::met) met_rows.push_back(&row);
  }
  const std::string where = municipality_words(def).dative;
  if (!met_rows.empty() && static_cast<int>(met_rows.size()) == f.with_target) {
    // Every target reached: the values are the table's; the page names none.
    return "Все целевые значения " + year + " года по " + where + " достигнуты (" +
           count_text(f.with_target, k_indicator_forms) + ").";
  }
  std::vector<std::string> met;
  for (const auto* r : met_rows) {
    const auto& row = *r;
    const auto* ind = def.find_indicator(row.indicator_id);
    const auto* st = summary.stats(row.indicator_id);
    if (ind == nullptr || st == nullptr) continue;
    met.push_back(label(*ind) + " — " + municipal_value_text(*ind, *st) + " при цели " +
                  format_target(*ind, *row.target) + (ind->kind == model::IndicatorKind::yesno ? " ОО" : ""));
  }
  if (met.empty()) return "";
  return "Достигнуты целевые значения " + year + " года по " + std::to_string(met.size()) + " из " +
         count_genitive(f.with_target, k_indicator_genitive) + ": " + join(met) + ".";
}

// "Цели 2022 года достигли не все ОО: 1.1 (…) — 6 из 12 ОО; …": the
// schools behind a target the municipality may have reached.
std::string schools_behind(const model::Definition& def, const Analysis& a, Labels& label) {
  std::vector<std::string> items;
  for (const auto& row : a.roadmap) {
    const auto* ind = def.find_indicator(row.indicator_id);
    if (ind == nullptr || !row.target || ind->kind != model::IndicatorKind::share) continue;
    if (row.schools_with_value == 0 || row.schools_meeting_target >= row.schools_with_value) continue;
    items.push_back(label(*ind) + " — " + std::to_string(row.schools_meeting_target) + " из " +
                    count_of_schools(row.schools_with_value));
  }
  if (items.empty()) return "";
  return "Цели " + std::to_string(a.period.year) + " года достигли не все ОО: " + join(items) + ".";
}

std::string targets_missed(const model::Definition& def, const aggregate::Summary& summary, const Analysis& a,
                           const Findings& f, Labels& label) {
  std::vector<std::string> behind;
  for (const auto* row : f.behind_target) {
    const auto* ind = def.find_indicator(row->indicator_id);
    const auto* st = summary.stats(row->indicator_id);
    if (ind == nullptr || st == nullptr) continue;
    behind.push_back(label(*ind) + " — " + municipal_value_text(*ind, *st) + " при цели " +
                     target_gap_text(*ind, *st, *row->target, *row->gap));
  }
  if (behind.empty()) return "";
  return "Не достигнуты целевые значения " + std::to_string(a.period.year) + " года по " +
         std::to_string(behind.size()) + " из " + count_genitive(f.with_target, k_indicator_genitive) + ": " +
         join(behind) + ".";
}

std::vector<std::string> dynamics_paragraphs(const Analysis& a, const Findings& f, bool good, Labels& label) {
  if (a.dynamics.periods.empty() || (f.improved.empty() && f.not_improved.empty())) return {};
  const auto& list = good ? f.improved : f.not_improved;
  if (list.empty()) return {};
  std::vector<std::string> s;
  for (const auto& c : list) {
    std::string amount = change_amount_text(*c.indicator, *c.change);
    if (!amount.empty() && c.indicator->better == model::Better::lower) amount += ", меньше — лучше";
    s.push_back(label(*c.indicator) + (amount.empty() ? "" : " (" + amount + ")"));
  }
  std::string out = std::string(good ? "Положительная динамика " : "Без положительной динамики ") +
                    comparison_text(*list.front().change) + ": " + join(s) + ".";
  if (!good && f.set_changed != nullptr && f.set_changed->schools) {
    const auto& sc = *f.set_changed->schools;
    out += " Состав ОО, представивших данные, изменился (" + std::to_string(sc.then) + " ОО в " +
           period_prepositional(f.set_changed->period) + ", " + std::to_string(sc.now) +
           " ОО сейчас): изменения муниципальных значений отчасти объясняются составом.";
  }
  return {out};
}

// The rubric in the results: the municipality's points and level (with why,
// when the level was lowered), the blocks every school scores alike, the
// parameters not assessed yet.
std::string rubric_result(const model::Definition& def, const Analysis& a) {
  const auto& r = *a.rubric;
  const auto& m = r.municipal;
  const auto words = municipality_words(def);
  std::string p = "По рубрике «" + r.title + "» " + words.nominative + " набрал " + points_out_of(m.total, m.max) +
                  " (" + format_percent(m.share) + "), уровень «" + level_name(m.level) + "»";
  if (def.rubric && def.rubric->declared_total && std::abs(*def.rubric->declared_total - def.rubric->computed_total) > k_eps) {
    p += " (в методике заявлен максимум " + format_points(*def.rubric->declared_total) + ", сумма баллов по строкам — " +
         format_points(def.rubric->computed_total) + "; используется сумма по строкам)";
  }
  if (!r.level_note.empty()) p += ": " + r.level_note;
  p += ".";
  if (!r.schools.empty()) {
    std::vector<std::string> levels;
    for (const auto& [n, word] : {std::pair{r.schools_high, "высокий"}, std::pair{r.schools_medium, "средний"},
                                  std::pair{r.schools_low, "низкий"}}) {
      if (n > 0) levels.push_back(std::string(word) + " — " + count_of_schools(n));
    }
    p += " Уровень ОО по рубрике: " + join(levels, ", ") + ".";
  }
  const auto blocks = m.blocks();
  std::vector<std::string> uniform;
  for (std::size_t i = 0; i < blocks.size() && i < r.uniform_blocks.size(); ++i) {
    if (!r.uniform_blocks[i] || r.schools.empty()) continue;
    uniform.push_back(in_quotes(blocks[i].title) + " (" + points_out_of(r.schools.front().block_points(i),
                                                                          r.schools.front().block_max(i)) + ")");
  }
  if (!uniform.empty()) {
    // Said beside the schools' levels, which it qualifies.
    p += std::string(uniform.size() == 1 ? " Блок " : " Блоки ") + join_and(uniform) +
         (uniform.size() == 1 ? " у всех ОО одинаков: он оценивает " : " у всех ОО одинаковы: они оценивают ") +
         "методику " + words.genitive + " (её показатели), а не работу ОО.";
  }
  return p;
}

// What else the rubric shows: the parameters not yet assessed (the справка's
// rubric appendix; after the summary in the workbook).
std::vector<std::string> rubric_details(const Analysis& a) {
  const auto& m = a.rubric->municipal;
  std::vector<std::string> out;
  const auto blocks = m.blocks();
  std::vector<std::string> unassessed;
  for (const auto& b : blocks) {
    for (const auto& pos : b.positions) {
      for (const auto& param : pos.params) {
        if (!param.assessed) unassessed.push_back(in_quotes(pos.name.empty() ? param.title : pos.name));
      }
    }
  }
  if (!unassessed.empty()) {
    out.push_back("Не оценивается (нет данных за предыдущий период, в максимум не входит): " + join_and(unassessed) + ".");
  }
  return out;
}

// The weakest blocks that differ between schools: where the municipality
// lost the largest share of its points.
std::string weak_blocks(const model::Definition& def, const Analysis& a) {
  const auto& r = *a.rubric;
  const auto blocks = r.municipal.blocks();
  std::vector<std::pair<std::size_t, const BlockScore*>> candidates;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const bool uniform = i < r.uniform_blocks.size() && r.uniform_blocks[i];
    if (!uniform && blocks[i].max > 0 && blocks[i].points < blocks[i].max - k_eps) {
      candidates.emplace_back(i, &blocks[i]);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    return x.second->points / x.second->max < y.second->points / y.second->max - k_eps;
  });
  std::vector<std::string> weak;
  for (std::size_t i = 0; i < candidates.size() && i < 2; ++i) {
    weak.push_back(in_quotes(candidates[i].second->title) + " (" +
                   points_out_of(candidates[i].second->points, candidates[i].second->max) + ")");
  }
  if (weak.empty()) return "";
  return std::string("Наименьшая доля баллов ") + municipality_words(def).genitive + " по рубрике — " +
         (weak.size() == 1 ? "в блоке " : "в блоках ") + join_and(weak) + ".";
}

// «Нет» answers of the yes/no indicators: "Ответ «Нет»: 1.3 (…) — 2 ОО; 3.3 (…) — 1 ОО."
std::string no_answers(const model::Definition& def, const aggregate::Summary& summary, Labels& label) {
  std::vector<std::pair<const model::IndicatorDef*, int>> found;
  for (const auto& ind : def.indicators) {
    if (ind.kind != model::IndicatorKind::yesno) continue;
    int no = 0;
    for (const auto& id : summary.school_ids) {
      if (const auto* v = summary.value(id, ind.id); v && v->value && *v->value < 50) ++no;
    }
    if (no > 0) found.emplace_back(&ind, no);
  }
  if (found.empty()) return "";
  // Many documents missing: the most frequent five; the rest are in the recommendations.
  constexpr std::size_t k_named = 5;
  const std::size_t total = found.size();
  if (total > k_named + 1) {
    std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    found.resize(k_named);
  }
  std::vector<std::string> items;
  for (const auto& [ind, no] : found) items.push_back(label(*ind) + " — " + count_of_schools(no));
  if (total == found.size()) return "Ответ «Нет» в формах: " + join(items) + ".";
  return "Ответ «Нет» в формах — по " + std::to_string(total) + " " +
         std::string(plural(static_cast<long>(total), {"показателю", "показателям", "показателям"})) +
         ", чаще всего: " + join(items) + "; остальные — в адресных рекомендациях.";
}

std::string missing_forms(const model::Registry& registry, const model::Participation& p) {
  if (p.not_sent.empty() && p.rejected.empty()) return "";
  std::vector<std::string> parts;
  if (!p.not_sent.empty()) {
    parts.push_back("не представили форму " + count_of_schools(static_cast<int>(p.not_sent.size())) + " (" +
                    school_list(registry, p.not_sent) + ")");
  }
  if (!p.rejected.empty()) {
    parts.push_back("формы " + count_of_schools(static_cast<int>(p.rejected.size())) +
                    " не приняты из-за ошибок заполнения (" + school_list(registry, p.rejected) + ")");
  }
  return util::upper_first(join(parts)) + ".";
}

// "По 2 показателям у части ОО знаменатель меньше 5: …", when some values are small.
std::string small_data(const model::Definition& def, const aggregate::Summary& summary) {
  const double min_den = min_denominator(def);
  std::vector<std::string> codes;
  for (const auto& ind : def.indicators) {
    int small = 0;
    for (const auto& id : summary.school_ids) {
      if (const auto* v = summary.value(id, ind.id); v && is_small(ind, *v, min_den)) ++small;
    }
    if (small > 0) {
      codes.push_back((ind.code.empty() ? in_quotes(ind.name) : ind.code) + " — " + count_of_schools(small));
    }
  }
  if (codes.empty()) return "";
  return "Мало данных (знаменатель меньше " + format_compact(min_den, 1) + "): " + join(codes) +
         "; такие значения приведены с числителем и знаменателем и не служат основанием для выводов об "
         "опыте ОО, группах и местах.";
}

std::string exemplars_text(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis, Labels& label) {
  std::vector<std::string> items;
  const auto groups = group_recommendations(definition, summary, analysis);
  for (const auto* g : exemplar_groups(groups)) {
    const auto* ind = definition.find_indicator(g->indicator_id);
    if (ind == nullptr) continue;
    items.push_back("по " + label(*ind) + " — " + schools_with_values(definition, registry, summary, *g, g->exemplars));
  }
  return join(items);
}

std::vector<std::string> decisions(const model::Definition& def, const model::Registry& registry,
                                   const aggregate::Summary& summary, const Analysis& a, const Findings& f,
                                   const model::Participation& p, Labels& label) {
  std::vector<std::string> out;
  if (!f.stalled.empty()) {
    out.push_back("выявить причины отсутствия положительной динамики " +
                  by_directions(direction_names(def, f.stalled)));
  }
  if (!f.behind_target.empty()) {
    std::vector<std::string> labels;
    for (const auto* row : f.behind_target) {
      if (const auto* ind = def.find_indicator(row->indicator_id)) labels.push_back(label(*ind));
    }
    out.push_back("спланировать меры по достижению целевых значений " + std::to_string(a.period.year) + " года " +
                  (labels.size() == 1 ? "по показателю " : "по показателям ") + join_and(labels));
  }
  if (const auto help = schools_needing_help(a); !help.empty()) {
    out.push_back("оказать адресную методическую помощь ОО с наибольшим числом отставаний: " +
                  school_list(registry, help));
  }
  if (const auto ex = exemplars_text(def, registry, summary, a, label); !ex.empty()) {
    out.push_back("обобщить и распространить опыт ОО с лучшими значениями: " + ex);
  }
  if (!p.not_sent.empty() || !p.rejected.empty()) {
    // The schools are named among the problems; here only how many (the two
    // lists never share a school: one sent nothing, the other only rejected forms).
    out.push_back("обеспечить представление форм мониторинга всеми ОО: принятой формы нет у " +
                  count_of_schools(static_cast<int>(p.not_sent.size() + p.rejected.size())));
  }
  if (!summary.school_ids.empty()) {
    out.push_back("руководителям ОО рассмотреть результаты мониторинга и адресные рекомендации на "
                  "педагогических (методических) советах и включить меры в планы методической работы");
  }
  return out;
}

}  // namespace

std::string exemplars_text(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis) {
  Labels label;
  return exemplars_text(definition, registry, summary, analysis, label);
}

std::string target_gap_text(const model::IndicatorDef& ind, const aggregate::IndicatorStats& st,
                            double target, double gap) {
  if (ind.kind != model::IndicatorKind::yesno) {
    if (ind.better == model::Better::lower) {
      return "не более " + format_target(ind, target) + " (превышение " + format_gap(ind, gap) + ")";
    }
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
                           const aggregate::Summary& summary, const Analysis& analysis,
                           const model::Participation& participation) {
  SummaryParts parts;
  parts.studied = studied(definition, registry, summary, participation);
  if (summary.school_ids.empty()) {
    if (const auto m = missing_forms(registry, participation); !m.empty()) parts.problems.push_back(m);
    return parts;
  }
  const auto f = find_findings(definition, summary, analysis);
  const auto add = [](std::vector<std::string>& to, std::string text) {
    if (!text.empty()) to.push_back(std::move(text));
  };
  // Results.
  if (f.with_target == 0) {
    add(parts.results, "Целевые значения на " + std::to_string(analysis.period.year) +
                           " год в методике не заданы: показатели сравниваются с медианой по ОО.");
  }
  Labels label;
  add(parts.results, targets_met(definition, summary, analysis, f, label));
  if (f.satisfactory.size() > 2 && f.satisfactory.size() == definition.directions.size()) {
    add(parts.results, "Результаты удовлетворительные " + satisfactory_rule(definition, f) + " по всем " +
                           std::to_string(f.satisfactory.size()) + " " +
                           std::string(plural(static_cast<long>(f.satisfactory.size()),
                                              {"направлению", "направлениям", "направлениям"})) +
                           ".");
  } else if (!f.satisfactory.empty()) {
    add(parts.results, "Результаты удовлетворительные " + satisfactory_rule(definition, f) + " " +
                           by_directions(direction_names(definition, f.satisfactory)) + ".");
  }
  if (analysis.dynamics.periods.empty()) {
    add(parts.results, "Данных предыдущих периодов нет: динамика показателей не оценивается.");
  } else if (f.improved.empty() && f.not_improved.empty()) {
    add(parts.results, "Муниципальных значений за предыдущий период нет: динамика не оценивается.");
  }
  for (auto& p : dynamics_paragraphs(analysis, f, true, label)) add(parts.results, std::move(p));
  if (analysis.rubric) add(parts.results, rubric_result(definition, analysis));
  if (!analysis.clusters.clusters.empty()) add(parts.results, groups_lead(definition, analysis.clusters));
  add(parts.results, recommendation_count_text(analysis));
  // Problems.
  const std::string missed = targets_missed(definition, summary, analysis, f, label);
  add(parts.problems, missed);
  // The schools behind targets: the main problem when the municipality met
  // every target, otherwise detail beside the values.
  add(missed.empty() ? parts.problems : parts.indicator_details, schools_behind(definition, analysis, label));
  if (f.satisfactory.empty() && f.judged > 0) {
    add(parts.problems, "Направлений с удовлетворительными результатами " + satisfactory_rule(definition, f) +
                            " нет.");
  }
  for (auto& p : dynamics_paragraphs(analysis, f, false, label)) add(parts.problems, std::move(p));
  if (!f.stalled.empty()) {
    add(parts.problems, "Нет положительной динамики " + by_directions(direction_names(definition, f.stalled)) + ".");
  }
  add(parts.problems, no_answers(definition, summary, label));
  if (analysis.rubric) {
    parts.rubric_details = rubric_details(analysis);
    add(parts.rubric_details, weak_blocks(definition, analysis));
  }
  add(parts.problems, missing_forms(registry, participation));
  add(parts.indicator_details, small_data(definition, summary));
  parts.decisions = decisions(definition, registry, summary, analysis, f, participation, label);
  return parts;
}

std::vector<std::pair<std::string, std::vector<std::string>>> summary_sections(const SummaryParts& parts,
                                                                              SummaryDetail detail) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  out.push_back({"Что изучено", {parts.studied}});
  if (!parts.results.empty()) out.push_back({"Основные результаты", parts.results});
  if (!parts.problems.empty()) out.push_back({"Основные проблемы", parts.problems});
  if (!parts.decisions.empty()) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < parts.decisions.size(); ++i) {
      items.push_back(std::to_string(i + 1) + ". " + util::sentence(parts.decisions[i]));
    }
    out.push_back({"Предлагаемые решения", std::move(items)});
  }
  if (detail == SummaryDetail::included) {
    std::vector<std::string> details = parts.indicator_details;
    details.insert(details.end(), parts.rubric_details.begin(), parts.rubric_details.end());
    if (!details.empty()) out.push_back({"Подробнее о результатах", std::move(details)});
  }
  return out;
}

std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis,
                                                  const model::Participation& participation) {
  std::vector<std::string> out;
  for (auto& [title, paragraphs] :
       summary_sections(summary_parts(definition, registry, summary, analysis, participation))) {
    out.push_back(title + ":");
    for (auto& p : paragraphs) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace analysis
