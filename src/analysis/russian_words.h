// Words a methodist would write, chosen from the figures and the definition:
// the kind of municipality (район, округ, город) in the case a sentence needs,
// the monitoring's name without a tautology, plural forms after a number,
// and lists joined with «и». Pure.
//
//   const auto m = analysis::municipality_words(def);   // Balakhta: район
//   "медиана по " + m.dative                               -> "медиана по району"
//   analysis::monitoring_genitive(def)  -> "мониторинга методической работы в ОО …"
//   analysis::count_text(32, k_recommendation_forms)        -> "32 рекомендации"
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/definition.h"
#include "util/plural.h"

namespace analysis {

// The municipality's kind in four cases.
struct MunicipalityWords {
  std::string nominative;     // «район»
  std::string genitive;       // «района»
  std::string dative;         // «району»
  std::string prepositional;  // «районе»
};

// From the definition's municipality name: «… район …» -> район; «… округ»
// (городской, муниципальный) -> округ; «город …», «г. …» -> город; otherwise
// (or no name) муниципалитет.
MunicipalityWords municipality_words(const model::Definition& definition);

// The monitoring in a sentence. A title that already says «Мониторинг …»
// is used as it is (no «мониторинг «Мониторинг …»»); any other title is quoted
// after the word: «мониторинг «Система мониторингов …»».
std::string monitoring_nominative(const model::Definition& definition);  // «Мониторинг …» (sentence start)
std::string monitoring_genitive(const model::Definition& definition);    // «мониторинга …»

// Forms of a noun after a number (util/plural.h).
using util::NounForms;
using util::count_text;
using util::plural;
inline constexpr NounForms k_recommendation_forms = {"рекомендация", "рекомендации", "рекомендаций"};
inline constexpr NounForms k_indicator_forms = {"показатель", "показателя", "показателей"};
inline constexpr NounForms k_school_forms = {"школа", "школы", "школ"};
inline constexpr NounForms k_point_forms = {"балл", "балла", "баллов"};
inline constexpr NounForms k_form_forms = {"форма", "формы", "форм"};
inline constexpr NounForms k_group_forms = {"группа", "группы", "групп"};
inline constexpr NounForms k_direction_forms = {"направление", "направления", "направлений"};

// A count in the genitive («по совокупности 3 показателей», «из 21 показателя»):
// `forms` = {genitive singular, genitive plural}.
std::string count_genitive(long n, const std::array<std::string_view, 2>& forms);
inline constexpr std::array<std::string_view, 2> k_indicator_genitive = {"показателя", "показателей"};

// Feminine numerals for small counts, digits from 5 on: «одна», «две», «три», «четыре», «5».
std::string feminine_number(long n);
// "в одну группу", "в две группы", "в три группы", "в 5 групп".
std::string into_groups(long n);

// "«А»", "«А» и «Б»", "«А», «Б» и «В»" (items are joined as given).
std::string join_and(const std::vector<std::string>& items);

// "по направлению «X»" for one direction, "по направлениям «X» и «Y»" for more.
std::string by_directions(const std::vector<std::string>& quoted_names);

}  // namespace analysis
