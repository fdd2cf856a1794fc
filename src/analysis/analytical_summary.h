// The one-page summary of a monitoring (seed 000 is one page), shared by the
// аналитическая справка (its first page) and the workbook's «Справка» sheet:
// what was studied, the main results, the main problems and the decisions
// proposed. What is judged and how: findings.h; who took part:
// model::Participation (the one count every text states). Indicators are
// named by code and a few words («3.1 (закрепление молодых педагогов за
// наставником)»), never by their full names, which stay in the tables.
// Deterministic text; every sentence starts with a capital letter; the
// municipality is named by its kind (район, округ…); a yes/no indicator is
// spoken of as schools. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analysis/analysis.h"
#include "model/run.h"

namespace analysis {

struct SummaryParts {
  std::string studied;                 // participation and what the figures cover
  std::vector<std::string> results;    // targets met, satisfactory directions, progress, rubric
  std::vector<std::string> problems;   // targets missed, «Нет» answers, no progress, missing forms
  std::vector<std::string> decisions;  // «выявить причины …»: infinitives, small first letter, no full stop
  // What stands behind the summary, kept off its page (the справка's
  // appendices; after the summary in the workbook): which schools reached
  // each target, values from small denominators; of the rubric
  // the parameters not assessed, the weakest blocks.
  std::vector<std::string> indicator_details;
  std::vector<std::string> rubric_details;
};

SummaryParts summary_parts(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis,
                           const model::Participation& participation);

// Where the details (SummaryParts::indicator_details, rubric_details) go: in
// a last section «Подробнее о результатах», or left to the caller (the
// справка puts them into its appendices).
enum class SummaryDetail { included, in_appendices };

// The parts under their titles, in order: «Что изучено», «Основные результаты»,
// «Основные проблемы», «Предлагаемые решения», then «Подробнее о результатах»
// when `detail` is included (a part with nothing is left out; decisions
// become sentences).
std::vector<std::pair<std::string, std::vector<std::string>>> summary_sections(
    const SummaryParts& parts, SummaryDetail detail = SummaryDetail::included);

// The same, as one list of paragraphs ("Основные результаты: …" paragraphs
// under a title line), for a text with no headings.
std::vector<std::string> write_analytical_summary(const model::Definition& definition,
                                                  const model::Registry& registry,
                                                  const aggregate::Summary& summary,
                                                  const Analysis& analysis,
                                                  const model::Participation& participation);

// "Подготовлены адресные рекомендации: 32 рекомендации для 18 ОО." (or that
// none were needed).
std::string recommendation_count_text(const Analysis& analysis);

// The target and the gap for a municipal value behind it: "80 % (отставание
// 1,3 п.п.)"; lower is better: "не более 10 % (превышение 2,0 п.п.)"; for a
// yes/no "100 % ОО (не хватает 2 ОО)".
std::string target_gap_text(const model::IndicatorDef& indicator, const aggregate::IndicatorStats& stats,
                            double target, double gap);

// "1.1 «Доля …» (+2,0 п.п.)", "1.3 «Наличие …» (+2 ОО)": an indicator with its
// municipal change against the previous period.
std::string change_item(const model::IndicatorDef& indicator, const Change& change);

// The decision about the schools whose experience is worth spreading: "по
// 2.1 (…) — МБОУ СОШ № 1 (95,0 %); по 3.2 (…) — …", over the indicators with
// shortfalls; "" when no school is strong enough on any of them.
std::string exemplars_text(const model::Definition& definition, const model::Registry& registry,
                           const aggregate::Summary& summary, const Analysis& analysis);

}  // namespace analysis
