#include "analysis/group_text.h"

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "util/text_case.h"

namespace analysis {

std::string school_list(const model::Registry& registry, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    const auto* s = registry.find(id);
    if (!out.empty()) out += ", ";
    out += s && !s->short_name.empty() ? s->short_name : id;
  }
  return out;
}

std::string group_genitive(const std::string& name) {
  static const std::pair<std::string_view, std::string_view> k_forms[] = {
      {"опережающая группа", "опережающей группы"}, {"основная группа", "основной группы"},
      {"группа поддержки", "группы поддержки"},     {"единая группа", "единой группы"},
      {"группа", "группы"}};
  for (const auto& [nominative, genitive] : k_forms) {
    if (name.starts_with(nominative)) return std::string(genitive) + name.substr(nominative.size());
  }
  return "группы «" + name + "»";
}

std::string groups_lead(const model::Definition& definition, const Clustering& c) {
  (void)definition;
  return "По совокупности " + count_genitive(static_cast<long>(c.indicator_ids.size()), k_indicator_genitive) +
         " ОО объединены " + into_groups(c.k_used) + " по сходству результатов.";
}

std::string group_text(const model::Definition& definition, const model::Registry& registry,
                       const Cluster& g) {
  std::string out = "«" + util::upper_first(g.name) + "» — " +
                    count_of_schools(static_cast<int>(g.school_ids.size())) + ": " +
                    school_list(registry, g.school_ids) + ".";
  std::vector<std::string> strong;
  std::vector<std::string> weak;
  for (const auto& f : g.factors) {
    const auto* ind = definition.find_indicator(f.indicator_id);
    if (ind == nullptr) continue;
    (f.favourable ? strong : weak).push_back(indicator_label(*ind) + " (" + f.figures + ")");
  }
  const std::string where = municipality_words(definition).dative;
  const auto join = [](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
    return s;
  };
  if (!strong.empty()) {
    out += " Сильные стороны (лучше, чем в целом по " + where + "): " + join(strong) + ".";
  }
  if (!weak.empty()) {
    out += std::string(strong.empty() ? " Слабые стороны (хуже, чем в целом по " + where + "): "
                                      : " Слабые стороны: ") +
           join(weak) + ".";
  }
  if (strong.empty() && weak.empty()) {
    out += " Заметных отличий от значений по " + where + " нет.";
  }
  return out;
}

}  // namespace analysis
