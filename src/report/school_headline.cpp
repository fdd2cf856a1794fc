#include "report/school_headline.h"

#include <algorithm>
#include <array>

#include "analysis/number_text.h"
#include "report/analysis_view.h"
#include "report/standing.h"

namespace report {

namespace {

// "Цели 2026 года достигнуты по 6 из 8 показателей" (shares and yes/no with
// a target; a count's target is the municipality's, not one school's).
std::string targets_line(const ReportInput& in, const std::string& school_id) {
  const int year = in.summary.period.year;
  int with_target = 0, met = 0, no_data = 0;
  for (const auto& ind : in.definition.indicators) {
    if (ind.kind == model::IndicatorKind::count || !ind.target_for(year)) continue;
    ++with_target;
    const aggregate::SchoolValue* v = in.summary.value(school_id, ind.id);
    if (v == nullptr || v->status == aggregate::TargetStatus::no_data) {
      ++no_data;
    } else if (v->status == aggregate::TargetStatus::met) {
      ++met;
    }
  }
  if (with_target == 0) return {};
  std::string out = "Цели " + std::to_string(year) + " года достигнуты по " + std::to_string(met) +
                    " из " + std::to_string(with_target) + " показателей с целью";
  if (no_data > 0) out += " (по " + std::to_string(no_data) + " нет данных)";
  return out + ".";
}

// "Среди 12 ОО: в числе лучших 25 % — 3 показателя, лучше медианы — 2, …".
std::string standing_line(const ReportInput& in, const std::string& school_id) {
  std::array<int, 5> counts{};
  int ranked = 0;
  for (const auto& ind : in.definition.indicators) {
    const aggregate::SchoolValue* v = in.summary.value(school_id, ind.id);
    const aggregate::IndicatorStats* st = in.summary.stats(ind.id);
    if (v == nullptr || st == nullptr || !v->value || v->missing != aggregate::Missing::none) continue;
    if (const auto s = standing_of(ind, *v->value, *st)) {
      ++counts[static_cast<std::size_t>(*s)];
      ++ranked;
    }
  }
  if (ranked == 0) return {};
  std::string out = "Среди " + std::to_string(in.summary.school_ids.size()) + " ОО по " +
                    std::to_string(ranked) + " долевым показателям: ";
  const std::array<Standing, 5> order = {Standing::best_quarter, Standing::better_than_median,
                                         Standing::at_median, Standing::worse_than_median,
                                         Standing::worst_quarter};
  bool first = true;
  for (const auto s : order) {
    const int n = counts[static_cast<std::size_t>(s)];
    if (n == 0) continue;
    out += (first ? "" : ", ") + standing_text(s) + " — " + std::to_string(n);
    first = false;
  }
  return out + ".";
}

// "Место по баллам рубрики «…»: 4 из 12, уровень «средний»."
std::string place_line(const ReportInput& in, const std::string& school_id) {
  if (!has_rating(in)) return {};
  const auto& r = *in.analysis->rubric;
  const analysis::RubricScore* s = r.of(school_id);  // its place computed once by analyze
  if (s == nullptr || !s->rank) return {};
  return "Место по баллам рубрики «" + r.title + "»: " + std::to_string(*s->rank) + " из " +
         std::to_string(r.schools.size()) + ", уровень «" + analysis::level_name(s->level) + "».";
}

}  // namespace

std::vector<std::string> school_headline(const BookContext& ctx, const std::string& school_id) {
  const auto& in = ctx.in;
  const std::string period = model::display_name(in.summary.period);
  if (!in.summary.has_school(school_id)) {
    return {"Форма за " + period + " не принята: значений ОО нет. Причины — на листе «Ошибки»; "
            "исправленную форму можно прислать снова."};
  }
  std::vector<std::string> lines = {"Форма за " + period + " принята."};
  if (auto t = targets_line(in, school_id); !t.empty()) lines.push_back(std::move(t));
  if (auto p = place_line(in, school_id); !p.empty()) lines.push_back(std::move(p));
  if (auto s = standing_line(in, school_id); !s.empty()) lines.push_back(std::move(s));
  if (in.analysis != nullptr) {
    std::vector<std::string> main;
    if (const auto* s = in.analysis->recommendations_of(school_id)) {
      for (const auto* item : s->ranked()) {  // below target first, larger gaps first
        if (main.size() < k_headline_recommendations) main.push_back(recommendation_text(in, *in.analysis, *s, *item));
      }
    }
    if (!main.empty()) {
      lines.push_back(main.size() == 1 ? "Главная рекомендация:" : "Главные рекомендации:");
      for (std::size_t i = 0; i < main.size(); ++i) {
        lines.push_back(std::to_string(i + 1) + ". " + main[i]);
      }
    }
  }
  return lines;
}

}  // namespace report
