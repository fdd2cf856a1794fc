// Groups of schools in plain words, for the «Справка» sheet and the
// аналитическая справка: how many groups, and for each its schools and what
// sets it apart from the whole municipality, with no z-scores and no level
// words. Pure.
//
//   groups_lead(def, c)  -> "По совокупности 11 показателей ОО объединены в две группы
//                            со сходным профилем результатов; 1 ОО — с особым профилем."
//   profile_text(def, g.factors)
//     -> "выше, чем по округу: закрепление молодых педагогов за наставником; чаще есть: …"
//   group_text(def, registry, g)
//     -> "Группа А — 4 ОО: …. Выше, чем по округу: 3.1 «…» (медиана 78,7 % против 57,1 %); …"
#pragma once

#include <string>
#include <vector>

#include "analysis/clusters.h"
#include "model/definition.h"
#include "model/school.h"

namespace analysis {

std::string groups_lead(const model::Definition& definition, const Clustering& clustering);

// What sets a group (or a school of its own profile) apart, by the
// indicators' few words: "выше, чем по округу: A, B; ниже: C; чаще есть: D;
// реже есть: E" («выше»/«ниже» speak of the value, whichever way is better);
// "заметных отличий от значений по округу нет" without factors.
std::string profile_text(const model::Definition& definition, const std::vector<Factor>& factors);

// A group with its schools and its factors' figures; a school of its own
// profile (Clustering::singles) as "МБОУ … — особый профиль: …".
std::string group_text(const model::Definition& definition, const model::Registry& registry,
                       const Cluster& group);

// "МБОУ СОШ № 1, МБОУ СОШ № 2" (registry short names; the id when unknown).
std::string school_list(const model::Registry& registry, const std::vector<std::string>& ids);

}  // namespace analysis
