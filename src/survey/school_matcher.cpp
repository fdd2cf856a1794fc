#include "survey/school_matcher.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "util/text_key.h"

namespace survey {

namespace {

constexpr std::size_t k_none = SIZE_MAX;

// Words every school's name may carry: the legal form, «учреждение», place
// markers («с.», «пос.»), «им.» and the district.
constexpr std::array<std::string_view, 44> k_noise = {
    "мбоу",    "мкоу",      "маоу",    "моу",     "мбу",        "мку",          "мау",       "гбоу",
    "кгбоу",   "кгоу",      "ноу",     "чоу",     "оу",         "оо",           "муниципальное", "муниципальная",
    "бюджетное", "казенное", "автономное", "государственное", "краевое", "частное", "общеобразовательное",
    "образовательное", "общеобразовательная", "общеобразовательной", "учреждение", "организация",
    "с",       "село",      "п",       "пос",     "поселок",    "д",            "дер",       "деревня",
    "г",       "город",     "пгт",     "рп",      "им",         "имени",        "муниципального", "городского"};
// Words that end the name of the district or region before them («Балахтинского района»).
constexpr std::array<std::string_view, 8> k_area = {"района", "район", "округа", "округ",
                                                    "края",   "край",  "области", "область"};
// Endings dropped so that «Кедровская» and «Кедровка», «Приозёрная» and «Приозёрный» agree.
constexpr std::array<std::string_view, 36> k_endings = {
    "ская", "ский", "ское", "ских", "скую", "ской", "цкая", "цкий", "цкое", "ная", "ный", "ное",
    "ной",  "ную",  "ых",   "их",   "ая",   "ое",   "ый",   "ий",   "ой",   "ую",  "ка",  "ки",
    "ке",   "ку",   "ок",   "а",    "о",    "е",    "и",    "ы",    "я",    "у",   "ь",   "ю"};
constexpr std::size_t k_min_stem_letters = 3;
constexpr std::size_t k_min_prefix_letters = 5;

template <std::size_t N>
bool among(std::string_view w, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::size_t letters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string stem(std::string word) {
  for (const auto ending : k_endings) {  // longest first within each length group is enough here
    if (word.size() > ending.size() && word.ends_with(ending) &&
        letters(std::string_view(word).substr(0, word.size() - ending.size())) >= k_min_stem_letters) {
      word.resize(word.size() - ending.size());
      return word;
    }
  }
  return word;
}

bool is_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words of a text_key, with letters and digits that touch taken apart («сош5»).
std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> out;
  std::string word;
  bool digit = false;
  for (const char c : key) {
    if (c == ' ') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
      continue;
    }
    const bool d = c >= '0' && c <= '9';
    if (!word.empty() && d != digit) {
      out.push_back(std::move(word));
      word.clear();
    }
    digit = d;
    word += c;
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool stems_agree(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const auto& shorter = a.size() < b.size() ? a : b;
  const auto& longer = a.size() < b.size() ? b : a;
  return letters(shorter) >= k_min_prefix_letters && longer.starts_with(shorter);
}

}  // namespace

SchoolMatcher::Key SchoolMatcher::key_of(std::string_view text) {
  Key key;
  const auto words = words_of(util::text_key(text));
  bool middle = false, basic = false, primary = false, school = false;
  std::string named;  // a kind said by its own word
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    if (i + 1 < words.size() && among(words[i + 1], k_area)) {
      ++i;  // «Балахтинского района»
      continue;
    }
    if (among(w, k_noise) || among(w, k_area)) continue;
    if (is_digits(w)) {
      if (key.number.empty()) key.number = w.substr(std::min(w.find_first_not_of('0'), w.size() - 1));
      continue;
    }
    if (w == "сош" || w == "оош" || w == "нош") {
      named = w;
    } else if (w == "гимназия" || w == "гимназии") {
      named = "гимназия";
    } else if (w == "лицей" || w == "лицея") {
      named = "лицей";
    } else if (w == "интернат") {
      named = "интернат";
    } else if (w == "средняя" || w == "средней") {
      middle = true;
    } else if (w == "основная" || w == "основной") {
      basic = true;
    } else if (w == "начальная" || w == "начальной") {
      primary = true;
    } else if (w == "школа" || w == "школы" || w == "школе" || w == "шк") {
      school = true;
    } else {
      key.places.push_back(stem(w));
    }
  }
  key.kind = !named.empty() ? named : middle ? "сош" : basic ? "оош" : primary ? "нош" : school ? "школа" : "";
  return key;
}

bool SchoolMatcher::fits(const Key& given, const Key& school) {
  if (given.number.empty() && given.places.empty()) return false;  // nothing to tell schools apart by
  if (!given.number.empty() && given.number != school.number) return false;
  if (!given.kind.empty() && given.kind != "школа" && !school.kind.empty() && school.kind != "школа" &&
      given.kind != school.kind) {
    return false;
  }
  return std::all_of(given.places.begin(), given.places.end(), [&](const std::string& p) {
    return std::any_of(school.places.begin(), school.places.end(),
                       [&](const std::string& q) { return stems_agree(p, q); });
  });
}

SchoolMatcher::SchoolMatcher(const model::Registry& registry) : m_registry(registry) {
  const auto add_exact = [&](const std::string& name, std::size_t index, const char* rule) {
    const auto key = util::text_key(name);
    if (key.empty()) return;
    const auto [it, fresh] = m_exact.emplace(key, index);
    if (fresh) {
      m_exact_rule.emplace(key, rule);
    } else if (it->second != index) {
      it->second = k_none;  // two schools are called so
    }
  };
  for (std::size_t i = 0; i < registry.schools.size(); ++i) {
    const auto& s = registry.schools[i];
    add_exact(s.short_name, i, "название");
    add_exact(s.full_name, i, "название");
    for (const auto& alias : s.aliases) add_exact(alias, i, "псевдоним из реестра");
    std::vector<Key> keys{key_of(s.short_name)};
    if (!s.full_name.empty()) keys.push_back(key_of(s.full_name));
    m_keys.push_back(std::move(keys));
  }
}

SchoolMatch SchoolMatcher::compute(std::string_view text) const {
  SchoolMatch m;
  const auto key = util::text_key(text);
  for (std::size_t i = 0; i < m_registry.schools.size(); ++i) {
    if (util::text_key(m_registry.schools[i].id) == key) {
      m.kind = SchoolMatch::Kind::matched;
      m.school = i;
      m.rule = "id";
      return m;
    }
  }
  if (const auto it = m_exact.find(key); it != m_exact.end()) {
    if (it->second != k_none) {
      m.kind = SchoolMatch::Kind::matched;
      m.school = it->second;
      m.rule = m_exact_rule.at(key);
      return m;
    }
  }
  const auto given = key_of(text);
  for (std::size_t i = 0; i < m_keys.size(); ++i) {
    if (std::any_of(m_keys[i].begin(), m_keys[i].end(), [&](const Key& k) { return fits(given, k); })) {
      m.candidates.push_back(i);
    }
  }
  if (m.candidates.size() == 1) {
    m.kind = SchoolMatch::Kind::matched;
    m.school = m.candidates.front();
    m.candidates.clear();
    m.rule = "по номеру, виду и месту";
  } else if (m.candidates.size() > 1) {
    m.kind = SchoolMatch::Kind::ambiguous;
  }
  return m;
}

SchoolMatch SchoolMatcher::match(std::string_view text) const {
  const auto key = util::text_key(text);
  if (const auto it = m_cache.find(key); it != m_cache.end()) return it->second;
  auto m = compute(text);
  if (m_cache.size() < k_cache_size) m_cache.emplace(key, m);
  return m;
}

std::string SchoolMatcher::describe_key(std::string_view text) const {
  const auto k = key_of(text);
  std::string out = k.kind.empty() ? "—" : k.kind;
  out += " " + (k.number.empty() ? std::string("—") : k.number) + " [";
  for (std::size_t i = 0; i < k.places.size(); ++i) out += (i ? " " : "") + k.places[i];
  return out + "]";
}

}  // namespace survey
