#include "analysis/clusters.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "analysis/kmeans.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/small_numbers.h"

namespace analysis {

namespace {

constexpr double k_eps = 1e-12;

struct Profiles {
  std::vector<std::string> indicator_ids;
  std::vector<std::string> school_ids;            // grouped, sorted by id
  std::vector<std::vector<double>> points;        // parallel to school_ids
  std::vector<std::string> insufficient;
};

Profiles build_profiles(const model::Definition& def, const aggregate::Summary& summary,
                        double min_values, double min_den) {
  Profiles out;
  std::vector<std::string> schools = summary.school_ids;
  std::sort(schools.begin(), schools.end());
  struct Column {
    double mean = 0, sd = 0, sign = 1;
  };
  std::vector<Column> cols;
  for (const auto& ind : def.indicators) {
    if (ind.kind == model::IndicatorKind::count) continue;
    std::vector<double> v;
    for (const auto& id : schools) {
      const auto* sv = summary.value(id, ind.id);
      if (sv && sv->value && !is_small(ind, *sv, min_den)) v.push_back(*sv->value);
    }
    if (v.size() < 2) continue;
    double mean = 0;
    for (const double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    double var = 0;
    for (const double x : v) var += (x - mean) * (x - mean);
    const double sd = std::sqrt(var / static_cast<double>(v.size()));
    if (sd < 1e-9) continue;
    out.indicator_ids.push_back(ind.id);
    cols.push_back({mean, sd, ind.better == model::Better::lower ? -1.0 : 1.0});
  }
  if (out.indicator_ids.empty()) return out;
  const double need = min_values / 100.0 * static_cast<double>(out.indicator_ids.size());
  for (const auto& id : schools) {
    std::vector<double> p;
    int present = 0;
    for (std::size_t j = 0; j < out.indicator_ids.size(); ++j) {
      const auto* sv = summary.value(id, out.indicator_ids[j]);
      const auto* ind = def.find_indicator(out.indicator_ids[j]);
      if (sv && sv->value && !is_small(*ind, *sv, min_den)) {
        ++present;
        p.push_back(cols[j].sign * (*sv->value - cols[j].mean) / cols[j].sd);
      } else {
        p.push_back(0.0);  // imputed: the mean
      }
    }
    if (static_cast<double>(present) + 1e-9 < need || present == 0) {
      out.insufficient.push_back(id);
      continue;
    }
    out.school_ids.push_back(id);
    out.points.push_back(std::move(p));
  }
  return out;
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (const double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

// k-means with k centres over the profiles: the members of each centre.
std::vector<std::vector<std::size_t>> groups_of(const Profiles& prof, int k, std::size_t first) {
  const auto km = kmeans(prof.points, k, first);
  std::vector<std::vector<std::size_t>> out(km.centres.size());
  for (std::size_t i = 0; i < prof.school_ids.size(); ++i) {
    out[static_cast<std::size_t>(km.assignment[i])].push_back(i);
  }
  std::erase_if(out, [](const auto& g) { return g.empty(); });
  return out;
}

bool no_group_of_one(const std::vector<std::vector<std::size_t>>& groups) {
  for (const auto& g : groups) {
    if (g.size() < 2) return false;
  }
  return true;
}

}  // namespace

std::string group_letter(int index) {
  static constexpr const char* k_letters[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "И", "К", "Л",
                                              "М", "Н", "П", "Р", "С", "Т", "У", "Ф", "Х", "Ц"};
  if (index >= 0 && index < static_cast<int>(std::size(k_letters))) return k_letters[index];
  return std::to_string(index + 1);
}

const Cluster* Clustering::cluster_of(const std::string& school_id) const {
  for (const auto& c : clusters) {  // each group's ids are sorted
    if (std::binary_search(c.school_ids.begin(), c.school_ids.end(), school_id)) return &c;
  }
  return nullptr;
}

const Cluster* Clustering::single_of(const std::string& school_id) const {
  for (const auto& c : singles) {
    if (c.school_ids.front() == school_id) return &c;
  }
  return nullptr;
}

Clustering cluster_schools(const model::Definition& definition, const aggregate::Summary& summary,
                           const model::ClusterSettings& settings) {
  Clustering out;
  out.k_requested = settings.k;
  const double min_den = min_denominator(definition);
  const auto prof = build_profiles(definition, summary, settings.min_values, min_den);
  out.indicator_ids = prof.indicator_ids;
  out.insufficient_data = prof.insufficient;
  if (prof.indicator_ids.empty()) {
    if (!summary.school_ids.empty()) {
      out.warnings.push_back(
          "группировка ОО не проводится: нет долевых показателей, значения которых различаются хотя бы у двух ОО");
    }
    return out;
  }
  if (!out.insufficient_data.empty()) {
    out.warnings.push_back("недостаточно данных для группировки (меньше " +
                           format_compact(settings.min_values, 1) + " % показателей): " +
                           std::to_string(out.insufficient_data.size()) + " ОО");
  }
  const int n = static_cast<int>(prof.school_ids.size());
  if (n == 0) return out;
  int k = settings.k;
  if (k > n) {
    out.warnings.push_back("задано групп: " + std::to_string(k) + ", а ОО с достаточными данными: " +
                           std::to_string(n) + "; число групп уменьшено до " + std::to_string(n));
    k = n;
  }
  std::vector<double> school_mean(prof.points.size());
  std::size_t first = 0;
  for (std::size_t i = 0; i < prof.points.size(); ++i) {
    school_mean[i] = mean_of(prof.points[i]);
    out.mean_z[prof.school_ids[i]] = school_mean[i];
    if (school_mean[i] > school_mean[first] + k_eps) first = i;  // ties: lower id (sorted)
  }
  // The largest k whose groups all have two schools or more; else k's groups
  // with the schools alone in theirs set apart.
  auto groups = groups_of(prof, k, first);
  const int distinct = static_cast<int>(groups.size());
  if (distinct < k) {
    out.warnings.push_back("различающихся профилей ОО меньше, чем групп: групп " + std::to_string(distinct));
  }
  if (!no_group_of_one(groups)) {
    for (int fewer = std::min(k, distinct) - 1; fewer >= 2; --fewer) {
      auto candidate = groups_of(prof, fewer, first);
      if (no_group_of_one(candidate)) {
        out.warnings.push_back("при " + std::to_string(k) + " группах в группе оказалась бы одна ОО; групп " +
                               std::to_string(candidate.size()));
        groups = std::move(candidate);
        break;
      }
    }
  }
  std::vector<Cluster> formed;
  for (const auto& members : groups) {
    Cluster c;
    std::vector<double> means;
    for (const auto i : members) {
      c.school_ids.push_back(prof.school_ids[i]);
      means.push_back(school_mean[i]);
    }
    c.mean_z = mean_of(means);
    c.factors = distinguishing_factors(definition, summary, c.school_ids, out.indicator_ids, min_den);
    c.profile = profile_text(definition, c.factors);
    if (c.school_ids.size() == 1 && groups.size() > 1) {
      out.singles.push_back(std::move(c));  // named by the school itself (group_text.h)
    } else {
      formed.push_back(std::move(c));
    }
  }
  std::sort(formed.begin(), formed.end(), [](const Cluster& a, const Cluster& b) {
    if (a.school_ids.size() != b.school_ids.size()) return a.school_ids.size() > b.school_ids.size();
    return a.school_ids.front() < b.school_ids.front();
  });
  std::sort(out.singles.begin(), out.singles.end(),
            [](const Cluster& a, const Cluster& b) { return a.school_ids.front() < b.school_ids.front(); });
  if (!out.singles.empty()) {
    out.warnings.push_back("ОО с особым профилем (не входят ни в одну группу): " +
                           std::to_string(out.singles.size()));
  }
  for (std::size_t r = 0; r < formed.size(); ++r) {
    formed[r].rank = static_cast<int>(r);
    formed[r].name = "группа " + group_letter(static_cast<int>(r));
  }
  out.k_used = static_cast<int>(formed.size());
  out.clusters = std::move(formed);
  return out;
}

}  // namespace analysis
