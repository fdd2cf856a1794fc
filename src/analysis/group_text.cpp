#include "analysis/group_text.h"

#include "analysis/number_text.h"
#include "analysis/russian_words.h"
#include "util/text_case.h"

namespace analysis {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

// The factors by the way their value differs: higher, lower, more often «Да»,
// less often — in that order, each with the items `item` makes of them.
template <class Item>
std::vector<std::pair<std::string, std::vector<std::string>>> by_way(const model::Definition& def,
                                                                      const std::vector<Factor>& factors,
                                                                      Item item) {
  std::vector<std::pair<std::string, std::vector<std::string>>> ways = {
      {"выше", {}}, {"ниже", {}}, {"чаще есть", {}}, {"реже есть", {}}};
  for (const auto& f : factors) {
    const auto* ind = def.find_indicator(f.indicator_id);
    if (ind == nullptr) continue;
    const bool yesno = ind->kind == model::IndicatorKind::yesno;
    const std::size_t way = (yesno ? 2 : 0) + (f.difference > 0 ? 0 : 1);
    ways[way].second.push_back(item(*ind, f));
  }
  std::erase_if(ways, [](const auto& w) { return w.second.empty(); });
  return ways;
}

// "выше, чем по округу: A, B; ниже: C" (way_sep "; ") or, as sentences,
// "Выше, чем по округу: A (…); B (…). Ниже: C (…)" (way_sep ". ").
std::string ways_text(const model::Definition& def,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& ways,
                      const std::string& item_sep, const std::string& way_sep) {
  const std::string than = ", чем по " + municipality_words(def).dative;
  const bool sentences = way_sep == ". ";
  std::string out;
  for (std::size_t i = 0; i < ways.size(); ++i) {
    const std::string head = ways[i].first + (i == 0 ? than : "");
    out += (i ? way_sep : "") + (sentences ? util::upper_first(head) : head) + ": " +
           join(ways[i].second, item_sep);
  }
  return out;
}

}  // namespace

std::string school_list(const model::Registry& registry, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    const auto* s = registry.find(id);
    if (!out.empty()) out += ", ";
    out += s && !s->short_name.empty() ? s->short_name : id;
  }
  return out;
}

std::string groups_lead(const model::Definition& definition, const Clustering& c) {
  (void)definition;
  std::string out = "По совокупности " +
                    count_genitive(static_cast<long>(c.indicator_ids.size()), k_indicator_genitive) + " ";
  if (c.k_used > 1) {
    out += "ОО объединены " + into_groups(c.k_used) + " со сходным профилем результатов";
  } else if (c.k_used == 1) {
    const auto n = static_cast<int>(c.clusters.front().school_ids.size());
    out += std::to_string(n) + " ОО имеют сходный профиль результатов";
  } else {
    out += "ОО не удалось объединить в группы";
  }
  if (!c.singles.empty()) {
    out += "; " + count_of_schools(static_cast<int>(c.singles.size())) + " — с особым профилем, не похожим на группы";
  }
  return out + ".";
}

std::string profile_text(const model::Definition& definition, const std::vector<Factor>& factors) {
  const auto ways = by_way(definition, factors, [](const model::IndicatorDef& ind, const Factor&) {
    return indicator_words(ind);
  });
  if (ways.empty()) return "заметных отличий от значений по " + municipality_words(definition).dative + " нет";
  return ways_text(definition, ways, ", ", "; ");
}

std::string group_text(const model::Definition& definition, const model::Registry& registry,
                       const Cluster& g) {
  const bool single = g.name.empty();
  std::string out = single ? school_list(registry, g.school_ids) + " — особый профиль"
                           : util::upper_first(g.name) + " — " +
                                 count_of_schools(static_cast<int>(g.school_ids.size())) + ": " +
                                 school_list(registry, g.school_ids);
  const auto ways = by_way(definition, g.factors, [](const model::IndicatorDef& ind, const Factor& f) {
    return indicator_short_label(ind) + ": " + f.figures;
  });
  if (ways.empty()) {
    return out + ". Заметных отличий от значений по " + municipality_words(definition).dative + " нет.";
  }
  return out + ". " + ways_text(definition, ways, "; ", ". ") + ".";
}

}  // namespace analysis
