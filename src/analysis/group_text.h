// Groups of schools in plain words, for the «Справка» sheet and the
// аналитическая справка: how many groups, and for each its schools and what
// sets it apart (strong and weak sides against the whole municipality), with
// no z-scores. Pure.
//
//   groups_lead(def, c)  -> "По совокупности 11 показателей ОО объединены в три группы
//                            по сходству результатов."
//   group_text(def, registry, g)
//     -> "«Опережающая группа» — 4 ОО: … Сильные стороны (лучше, чем в целом по
//         округу): 3.1 «…» (медиана 78,7 % против 57,1 %). Слабые стороны: …"
#pragma once

#include <string>

#include "analysis/clusters.h"
#include "model/definition.h"
#include "model/school.h"

namespace analysis {

std::string groups_lead(const model::Definition& definition, const Clustering& clustering);
std::string group_text(const model::Definition& definition, const model::Registry& registry,
                       const Cluster& group);
// A group's name in the genitive, to name its schools: «ОО опережающей группы»,
// «ОО группы поддержки», «ОО основной группы 2», «ОО группы 7».
std::string group_genitive(const std::string& name);

// "МБОУ СОШ № 1, МБОУ СОШ № 2" (registry short names; the id when unknown).
std::string school_list(const model::Registry& registry, const std::vector<std::string>& ids);

}  // namespace analysis
