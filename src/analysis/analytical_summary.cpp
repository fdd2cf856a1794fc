#include "analysis/analytical_summary.h"

#include <algorithm>

#include "aggregate/summarize.h"
#include "analysis/number_text.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-9;

std::string quoted(const std::string& s) { return "«" + s + "»"; }

std::string join(const std::vector<std::string>& items, const std::string& sep = "; ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

std::string school_name(const model::Registry& registry, const std::string& id) {
  const auto* s = registry.find(id);
  return s && !s->short_name.empty() ? s->short_name : id;
}

std::vector<std::string> school_names(const model::Registry& registry,
                                      const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(school_name(registry, id));
  return out;
}

std::string direction_name(const model::Definition& def, const std::string& id) {
  const auto* d = def.find_direction(id);
  return quoted(d ? d->name : id);
}

// Directions in definition order, then ids used by indicators but not declared.
std::vector<std::string> direction_ids(const model::Definition& def) {
  std::vector<std::string> out;
  for (const auto& d : def.directions) out.push_back(d.id);
  for (const auto& ind : def.indicators) {
    if (!ind.direction.empty() && std::find(out.begin(), out.end(), ind.direction) == out.end()) {
      out.push_back(ind.direction);
    }
  }
  return out;
}

std::string participation(const model::Definition& def, const model::Registry& registry,
                          const aggregate::Summary& summary) {
  const auto n = summary.school_ids.size();
  const auto m = n + summary.missing_school_ids.size();
  std::string p = "Мониторинг " + quoted(def.title.empty() ? def.id : def.title) + " за " +
                  model::display_name(summary.period) + ": формы представили " +
                  std::to_string(n) + " из " + count_of_schools(static_cast<int>(m)) + ".";
  if (!summary.missing_school_ids.empty()) {
    p += " Не представили (или формы отклонены): " +
         join(school_names(registry, summary.missing_school_ids), ", ") + ".";
  }
  return p;
}

// Satisfactory: each indicator with a municipal value meets its target or,
// without one, is at or better than the median.
std::string satisfactory(const model::Definition& def, const aggregate::Summary& summary) {
  std::vector<std::string> good;
  for (const auto& dir : direction_ids(def)) {
    int judged = 0;
    bool ok = true;
    for (const auto& ind : def.indicators) {
      if (ind.direction != dir) continue;
      const auto* st = summary.stats(ind.id);
      if (st == nullptr || !st->municipal) continue;
      if (st->target) {
        ++judged;
        ok = ok && st->municipal_status == aggregate::TargetStatus::met;
      } else if (st->median) {
        ++judged;
        ok = ok && (ind.better == model::Better::higher ? *st->municipal >= *st->median - k_eps
                                                        : *st->municipal <= *st->median + k_eps);
      }  // a yes/no without a target has no median: not judged
    }
    if (judged > 0 && ok) good.push_back(direction_name(def, dir));
  }
  if (good.empty()) {
    return "Направлений, по которым все показатели достигают целевых значений или находятся на "
           "уровне медианы по ОО и выше, нет.";
  }
  return "Удовлетворительные результаты (все показатели направления достигают целевых значений "
         "или находятся на уровне медианы по ОО и выше) — по направлениям: " + join(good) + ".";
}

std::vector<std::string> dynamics_paragraphs(const model::Definition& def, const Analysis& a) {
  if (a.dynamics.periods.empty()) {
    return {"Данных предыдущих периодов нет: динамика показателей не оценивается."};
  }
  std::vector<std::string> up;
  std::vector<std::string> down;
  std::string against;
  for (const auto& row : a.dynamics.municipal) {
    const auto* prev = row.previous();
    const auto* ind = def.find_indicator(row.indicator_id);
    if (prev == nullptr || !prev->change || ind == nullptr) continue;
    against = comparison_text(*prev);
    const std::string item = indicator_label(*ind) + " (" + format_change(*ind, *prev->change) + ")";
    (*prev->improved ? up : down).push_back(item);
  }
  std::vector<std::string> out;
  if (up.empty() && down.empty()) {
    out.push_back("Муниципальных значений за предыдущий период нет: динамика не оценивается.");
    return out;
  }
  if (!up.empty()) out.push_back("Положительная динамика " + against + ": " + join(up) + ".");
  std::vector<std::string> stalled;
  for (const auto& dir : direction_ids(def)) {
    int known = 0;
    int improved = 0;
    for (const auto& row : a.dynamics.municipal) {
      const auto* ind = def.find_indicator(row.indicator_id);
      const auto* prev = row.previous();
      if (ind == nullptr || ind->direction != dir || prev == nullptr || !prev->improved) continue;
      ++known;
      if (*prev->improved) ++improved;
    }
    if (known > 0 && improved == 0) stalled.push_back(direction_name(def, dir));
  }
  if (!down.empty()) out.push_back("Без положительной динамики " + against + ": " + join(down) + ".");
  if (!stalled.empty()) {
    out.push_back("Следует выявить причины отсутствия положительной динамики по направлениям: " +
                  join(stalled) + ".");
  }
  return out;
}

std::vector<std::string> target_paragraphs(const model::Definition& def, const Analysis& a) {
  const int year = a.period.year;
  std::vector<std::string> behind;
  std::vector<std::string> reached;
  int with_target = 0;
  for (const auto& row : a.roadmap) {
    const auto* ind = def.find_indicator(row.indicator_id);
    if (ind == nullptr || !row.target) continue;
    ++with_target;
    reached.push_back(indicator_label(*ind) + " — " + std::to_string(row.schools_meeting_target) +
                      " из " + std::to_string(row.schools_with_value));
    if (row.status == aggregate::TargetStatus::not_met && row.municipal && row.gap) {
      behind.push_back(indicator_label(*ind) + " — " + format_value(*ind, *row.municipal) +
                       " при цели " + format_target(*ind, *row.target) + " (отставание " +
                       format_gap(*ind, *row.gap) + ")");
    }
  }
  if (with_target == 0) {
    return {"Целевые значения на " + std::to_string(year) +
            " год в методике не заданы: показатели сравниваются с медианой по ОО."};
  }
  std::vector<std::string> out;
  out.push_back(behind.empty()
                    ? "Все целевые значения " + std::to_string(year) + " года достигнуты по округу."
                    : "Не достигнуты целевые значения " + std::to_string(year) +
                          " года по показателям: " + join(behind) + ".");
  out.push_back("Число ОО, достигших целевого значения (из ОО со значением показателя): " +
                join(reached) + ".");
  return out;
}

std::vector<std::string> cluster_paragraphs(const model::Registry& registry, const Analysis& a) {
  const auto& c = a.clusters;
  std::vector<std::string> out;
  if (c.clusters.empty()) {
    if (!c.warnings.empty()) out.push_back("Группировка ОО не проведена: " + c.warnings.back() + ".");
    return out;
  }
  std::vector<std::string> groups;
  for (const auto& g : c.clusters) {
    std::string t = "Группа " + quoted(g.name) + ": " + join(school_names(registry, g.school_ids), ", ");
    if (!g.factors.empty()) {
      std::vector<std::string> f;
      for (const auto& x : g.factors) f.push_back(x.text);
      t += " (отличают: " + join(f) + ")";
    }
    groups.push_back(t);
  }
  std::string p = "По совокупности " + std::to_string(c.indicator_ids.size()) +
                  " показателей ОО распределены на группы (" + std::to_string(c.k_used) +
                  "). " + join(groups, ". ") + ".";
  if (!c.insufficient_data.empty()) {
    p += " Недостаточно данных для группировки: " +
         join(school_names(registry, c.insufficient_data), ", ") + ".";
  }
  out.push_back(p);
  return out;
}

std::vector<std::string> rubric_paragraphs(const Analysis& a) {
  if (!a.rubric) return {};
  const auto& r = *a.rubric;
  const auto& m = r.municipal;
  std::string p = "Оценка по рубрике " + quoted(r.title) + ": округ — " + format_points(m.total) +
                  " из " + format_points(m.max) + " баллов (" + format_percent(m.share) +
                  ", уровень " + quoted(level_name(m.level)) + ")";
  if (r.school_median_total) p += "; медиана баллов ОО — " + format_points(*r.school_median_total);
  p += "; высокий уровень — " + count_of_schools(r.schools_high) + ", средний — " +
       count_of_schools(r.schools_medium) + ", низкий — " + count_of_schools(r.schools_low) + ".";
  // The weakest blocks of the municipality (lowest share of their maximum).
  std::vector<const BlockScore*> blocks;
  for (const auto& b : m.blocks) {
    if (b.max > 0) blocks.push_back(&b);
  }
  std::stable_sort(blocks.begin(), blocks.end(), [](const auto* x, const auto* y) {
    return x->points / x->max < y->points / y->max - k_eps;
  });
  std::vector<std::string> weak;
  for (std::size_t i = 0; i < blocks.size() && i < 2; ++i) {
    if (blocks[i]->points >= blocks[i]->max) break;
    weak.push_back(quoted(blocks[i]->title) + " — " + format_points(blocks[i]->points) + " из " +
                   format_points(blocks[i]->max));
  }
  if (!weak.empty()) p += " Наименьшая доля баллов округа в блоках: " + join(weak) + ".";
  return {p};
}

std::string recommendation_paragraph(const Analysis& a) {
  int schools = 0;
  std::size_t total = 0;
  for (const auto& s : a.recommendations) {
    if (s.count() == 0) continue;
    ++schools;
    total += s.count();
  }
  if (schools == 0) return "Адресных рекомендаций по итогам мониторинга не потребовалось.";
  return "Адресные рекомендации подготовлены для " + count_of_schools(schools) + " (всего " +
         std::to_string(total) + ").";
}

}  // namespace

std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis) {
  std::vector<std::string> out;
  out.push_back(participation(definition, registry, summary));
  if (summary.school_ids.empty()) return out;
  out.push_back(satisfactory(definition, summary));
  for (auto& p : dynamics_paragraphs(definition, analysis)) out.push_back(std::move(p));
  for (auto& p : target_paragraphs(definition, analysis)) out.push_back(std::move(p));
  for (auto& p : cluster_paragraphs(registry, analysis)) out.push_back(std::move(p));
  for (auto& p : rubric_paragraphs(analysis)) out.push_back(std::move(p));
  out.push_back(recommendation_paragraph(analysis));
  return out;
}

}  // namespace analysis
