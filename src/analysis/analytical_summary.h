// The municipal analytical summary for the «Справка» sheet: short Russian
// paragraphs drawing the conclusions an order on the monitoring draws (seed
// 002): participation, directions with satisfactory results, dynamics,
// indicators behind their targets, schools reaching each target, groups of
// schools, rubric points, recommendations. What is judged and how: findings.h.
// Deterministic text; every sentence starts with a capital letter; the
// municipality is named by its kind (район, округ…); a yes/no indicator is
// spoken of as schools. Pure.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace analysis {

// The paragraphs by topic, so that a document can pick and place them.
struct SummaryParts {
  std::string participation;
  std::string satisfactory;               // empty when no school sent a form
  std::vector<std::string> dynamics;
  std::vector<std::string> targets;
  std::vector<std::string> groups;        // the groups in full (one paragraph)
  std::vector<std::string> rubric;
  std::string recommendations;
};

SummaryParts summary_parts(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis);

// The parts in order, as the «Справка» sheet shows them.
std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis);

// "Подготовлены адресные рекомендации: 32 рекомендации для 18 ОО." (or that
// none were needed).
std::string recommendation_count_text(const Analysis& analysis);

// The target and the gap for a municipal value behind it: "80 % (отставание
// 1,3 п.п.)"; for a yes/no "100 % ОО (не хватает 2 ОО)".
std::string target_gap_text(const model::IndicatorDef& indicator, const aggregate::IndicatorStats& stats,
                            double target, double gap);

// "1.1 «Доля …» (+2,0 п.п.)", "1.3 «Наличие …» (+2 ОО)": an indicator with its
// municipal change against the previous period.
std::string change_item(const model::IndicatorDef& indicator, const Change& change);

}  // namespace analysis
