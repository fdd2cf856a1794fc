// Recommendations as the documents give them: one recommendation per rule
// and indicator naming every school it concerns («… ниже цели 2026 года
// (90 %) в 11 ОО: МБОУ СОШ № 1 (66,7 %), …»), instead of one sentence per
// school; the schools whose experience is worth spreading on an indicator
// (strong on it themselves, never because of their group); and the schools
// that need addressed help most. A director's page keeps its own school's
// list (SchoolRecommendations). Pure.
//
//   for (const auto& g : analysis::group_recommendations(def, summary, a))
//     doc.paragraph(analysis::recommendation_sentence(def, registry, summary, g));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/analysis.h"
#include "model/definition.h"
#include "model/school.h"

namespace analysis {

struct RecommendationGroup {
  std::uint32_t rule = 0;  // index into Analysis::rules
  model::RecommendationWhen when = model::RecommendationWhen::below_target;
  std::string indicator_id;             // empty for document_missing
  std::string input_id;                 // document_missing only
  std::string direction_id;             // "" when none
  std::vector<std::string> school_ids;  // registry order
  std::vector<std::string> exemplars;   // strong_schools() of the indicator, the best three (shares only)
};

// Every school's recommendations gathered by rule: most important trigger
// first (ranked() order), then the definition's order of indicators and inputs.
std::vector<RecommendationGroup> group_recommendations(const model::Definition& definition,
                                                       const aggregate::Summary& summary,
                                                       const Analysis& analysis);

// Schools whose own value of a share is worth learning from: in the best
// quarter of the schools' values (at or above the upper quartile, or at or
// below the lower one when lower is better), better than the median, not from
// a small denominator, and meeting the target of the period's year when there
// is one. The best first; empty for counts and yes/no.
std::vector<std::string> strong_schools(const model::Definition& definition, const aggregate::Summary& summary,
                                        const std::string& indicator_id);

// The experience worth spreading where it is most needed: the groups with
// exemplars, those concerning the most schools first, at most `max_indicators`
// indicators (each once).
std::vector<const RecommendationGroup*> exemplar_groups(const std::vector<RecommendationGroup>& groups,
                                                        std::size_t max_indicators = 3);

// The schools with the most shortfalls (recommendations): at least two, and
// at least as many as the upper quartile of the schools' counts. Registry order.
std::vector<std::string> schools_needing_help(const Analysis& analysis);

// What the group's schools share, in the indicator's direction: «ниже цели
// 2026 года (90 %)», «выше цели 2026 года (не более 10 %)», «в нижней четверти
// значений ОО (медиана по округу 27,0 %)», «ответ «Нет»», «хуже, чем в
// предыдущем периоде».
std::string situation_text(const model::Definition& definition, const aggregate::Summary& summary,
                           const RecommendationGroup& group);

// The advice of the group's rule (common_advice()), or the default advice of
// its trigger naming the indicator (or document) by its words, when the rule
// is a completing one or its every sentence carries a school's figure.
std::string advice_text(const model::Definition& definition, const Analysis& analysis,
                        const RecommendationGroup& group);

// "МБОУ СОШ № 1 (66,7 %), МБОУ ООШ № 6 (50,0 % (1 из 2))": the schools with
// their values (a small share with its counts); yes/no answers without.
std::string schools_with_values(const model::Definition& definition, const model::Registry& registry,
                                const aggregate::Summary& summary, const RecommendationGroup& group,
                                const std::vector<std::string>& ids);

// The whole recommendation in one sentence (or two): "3.1 (закрепление …)
// ниже цели 2026 года (90 %) — 11 ОО: …. Закрепить за наставниками …
// Использовать опыт: МБОУ СОШ № 12 (95,0 %)."
std::string recommendation_sentence(const model::Definition& definition, const model::Registry& registry,
                                    const aggregate::Summary& summary, const Analysis& analysis,
                                    const RecommendationGroup& group);

}  // namespace analysis
