#include "analysis/clusters.h"

#include <algorithm>
#include <cmath>

#include "analysis/kmeans.h"
#include "analysis/number_text.h"

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
                        double min_values) {
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
      if (const auto* sv = summary.value(id, ind.id); sv && sv->value) v.push_back(*sv->value);
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
      if (sv && sv->value) {
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

}  // namespace

std::vector<std::string> group_names(int k) {
  constexpr const char* k_first = "опережающая группа";
  constexpr const char* k_last = "группа поддержки";
  switch (k) {
    case 1: return {"единая группа"};
    case 2: return {k_first, k_last};
    case 3: return {k_first, "основная группа", k_last};
    case 4: return {k_first, "основная группа 1", "основная группа 2", k_last};
    case 5: return {k_first, "основная группа 1", "основная группа 2", "основная группа 3", k_last};
    default: break;
  }
  std::vector<std::string> out;
  for (int i = 1; i <= k; ++i) out.push_back("группа " + std::to_string(i));
  return out;
}

const Cluster* Clustering::cluster_of(const std::string& school_id) const {
  for (const auto& c : clusters) {  // each group's ids are sorted
    if (std::binary_search(c.school_ids.begin(), c.school_ids.end(), school_id)) return &c;
  }
  return nullptr;
}

Clustering cluster_schools(const model::Definition& definition, const aggregate::Summary& summary,
                           const model::ClusterSettings& settings) {
  Clustering out;
  out.k_requested = settings.k;
  const auto prof = build_profiles(definition, summary, settings.min_values);
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
  const auto km = kmeans(prof.points, k, first);
  const int used = static_cast<int>(km.centres.size());
  if (used < k) {
    out.warnings.push_back("различающихся профилей ОО меньше, чем групп: групп " + std::to_string(used));
  }
  // Collect, rank by mean z (ties: the lowest school id), name.
  std::vector<Cluster> groups(static_cast<std::size_t>(used));
  std::vector<std::vector<double>> means(static_cast<std::size_t>(used));
  for (std::size_t i = 0; i < prof.school_ids.size(); ++i) {
    const auto c = static_cast<std::size_t>(km.assignment[i]);
    groups[c].school_ids.push_back(prof.school_ids[i]);
    means[c].push_back(school_mean[i]);
  }
  for (std::size_t c = 0; c < groups.size(); ++c) groups[c].mean_z = mean_of(means[c]);
  std::erase_if(groups, [](const Cluster& g) { return g.school_ids.empty(); });
  std::sort(groups.begin(), groups.end(), [](const Cluster& a, const Cluster& b) {
    if (std::abs(a.mean_z - b.mean_z) > 1e-9) return a.mean_z > b.mean_z;
    return a.school_ids.front() < b.school_ids.front();
  });
  out.k_used = static_cast<int>(groups.size());
  const auto names = group_names(out.k_used);
  for (std::size_t r = 0; r < groups.size(); ++r) {
    groups[r].rank = static_cast<int>(r);
    groups[r].name = names[r];
    groups[r].factors =
        distinguishing_factors(definition, summary, groups[r].school_ids, out.indicator_ids);
  }
  out.clusters = std::move(groups);
  return out;
}

}  // namespace analysis
