// Which registry school a respondent named. Teachers type their school as
// they call it («МБОУ СОШ №5», «СОШ 5», «школа № 5», «Кедровская средняя
// школа», «с. Кедровка»), so a name is matched by rules, in this order:
//   1. the school's id («bl03», any case);
//   2. its short or full name, or one of its aliases from the registry, read
//      alike under util::text_key (case, quotes, punctuation, «ё», spaces);
//   3. what the name says: the school's number, its kind (СОШ = «средняя
//      общеобразовательная школа», ООШ, НОШ, гимназия, лицей, интернат; a bare
//      «школа» is any kind) and its place words («Балахтинская», «Кедровка»:
//      compared by stem, so «Кедровская» and «с. Кедровка» agree), leaving
//      out what every school shares (МБОУ, «муниципальное бюджетное …
//      учреждение», «с.», «село», «пос.», «им.», the district's name before
//      «района»). A school matches when its number is the one given (when one
//      is given), its kind agrees, and each place word given is one of its own.
// Exactly one school must fit. Several fitting (two «СОШ № 5» in different
// villages, «Балахтинская СОШ» with two numbers) is ambiguous, none is
// unmatched; a name with neither a number nor a place word («школа», «СОШ»)
// is unmatched. Nothing is guessed past that: misspellings («Кедравская»)
// are unmatched, and the registry's aliases are there for them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/school.h"

namespace survey {

struct SchoolMatch {
  enum class Kind { matched, unmatched, ambiguous };
  Kind kind = Kind::unmatched;
  std::size_t school = 0;               // registry index, when matched
  std::vector<std::size_t> candidates;  // registry indices, when ambiguous
  // How it matched, for `metodmon check`: "id", "название", "псевдоним", "по номеру и названию".
  std::string rule;
};

class SchoolMatcher {
 public:
  // `registry` must outlive the matcher.
  explicit SchoolMatcher(const model::Registry& registry);

  // Remembers up to k_cache_size distinct names (answers repeat them).
  SchoolMatch match(std::string_view text) const;

  // What rule 3 reads from a name, exposed for tests: "сош 5 [балахт]".
  std::string describe_key(std::string_view text) const;

  static constexpr std::size_t k_cache_size = 10'000;

 private:
  struct Key {
    std::string kind;                 // "сош", "оош", "нош", "гимназия", …; "школа": any; "": none said
    std::string number;               // "5"; "" when none
    std::vector<std::string> places;  // stems of the other words
  };
  static Key key_of(std::string_view text);
  static bool fits(const Key& given, const Key& school);
  SchoolMatch compute(std::string_view text) const;

  const model::Registry& m_registry;
  std::unordered_map<std::string, std::size_t> m_exact;  // text_key of names and aliases -> index; SIZE_MAX: two schools
  std::unordered_map<std::string, std::string> m_exact_rule;
  std::vector<std::vector<Key>> m_keys;  // per school: its short and full names' keys
  mutable std::unordered_map<std::string, SchoolMatch> m_cache;
};

}  // namespace survey
