// Small readings of an analysis::Analysis that several sheets share: a
// school's group, the words for recommendation
// triggers and the figures behind a recommendation, and writing a change
// (dynamics) into a cell. Internal to src/report.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "analysis/analysis.h"
#include "report/book_context.h"
#include "report/sheet_writer.h"

namespace report {

// Whether the results workbook has «Рейтинг» (the analysis has a rubric and
// the definition its blocks) and «Динамика» (earlier periods to compare with).
bool has_rating(const ReportInput& in);
bool has_dynamics(const ReportInput& in);
// «Дорожная карта» only when the method has a roadmap: some indicator with a
// target for some year (Balakhta's and Krymsk's methods have none).
bool has_roadmap(const ReportInput& in);

// «группа А», «особый профиль» (a school in no group), or "" when the school
// was not grouped.
std::string cluster_name(const analysis::Analysis& a, const std::string& school_id);

// «ниже цели», «ниже медианы», «в нижней четверти», «нет документа», «нет
// положительной динамики»; when lower is better «выше цели», «выше медианы»,
// «в верхней четверти».
std::string trigger_name(model::RecommendationWhen when, model::Better better);

// The figures that triggered a recommendation for a school, in the
// indicator's units: the school's value, the reference it was compared with
// (target, median or previous value) and the difference (value − reference).
struct TriggerFigures {
  const model::IndicatorDef* indicator = nullptr;  // null for document_missing
  std::optional<double> value;
  std::optional<double> reference;
  std::optional<double> difference;
  std::string reference_label;  // «цель 2026», «медиана», «пред. период»
};

TriggerFigures trigger_figures(const ReportInput& in, const analysis::Analysis& a,
                               const std::string& school_id,
                               const analysis::Recommendation& item);

// Writes a recommendation's figures into three cells: the school's value,
// the reference and the difference («Нет» / «—» for a missing document).
void write_trigger_figures(SheetWriter& w, lxw_row_t row, lxw_col_t first_col,
                           const TriggerFigures& figures, const Formats& f);

// The words of one of `school`'s recommendations (analysis::recommendation_text
// over the run's definition, summary and analysis `a`).
std::string recommendation_text(const ReportInput& in, const analysis::Analysis& a,
                                const analysis::SchoolRecommendations& school,
                                const analysis::Recommendation& item);

// «1.1 — ниже цели 2026», «нет документа: Положение о наставничестве».
std::string trigger_label(const ReportInput& in, const analysis::Recommendation& item,
                          const TriggerFigures& figures);

// A change (now − then) of `indicator`: "↑ +2,5 п.п." coloured green when it
// is an improvement, red when a worsening; "—" with a reason when unknown.
// A school's yes/no (`school`) changes in words, «Нет → Да», never as
// «↑ +100,0 п.п.».
void write_change(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                  const model::IndicatorDef& indicator, const analysis::Change* change,
                  const BookContext& ctx, bool school = false);

// A value of `indicator` as a figure: shares and municipal yes/no as 0.0 %,
// counts as numbers; a school's yes/no (`school_yesno`) as «Да»/«Нет».
void write_indicator_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                           const model::IndicatorDef& indicator, const std::optional<double>& value,
                           bool school_yesno, std::string_view reason, const Formats& f);

// A difference in the indicator's units: p.p. for shares and yes/no, units for counts.
void write_difference_value(SheetWriter& w, lxw_row_t row, lxw_col_t col,
                            const model::IndicatorDef& indicator,
                            const std::optional<double>& difference, std::string_view reason,
                            const Formats& f);

}  // namespace report
