// What every sheet writer of one workbook shares: the inputs, the formats,
// where each school's detail lives, and a few texts built once.
// Internal to src/report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "report/analysis_formats.h"
#include "report/formats.h"
#include "report/results_workbook.h"
#include "report/sheet_writer.h"
#include "util/text_wrap.h"

namespace report {

// Fixed sheet names.
inline constexpr const char* k_summary_sheet = "Сводка";
inline constexpr const char* k_charts_sheet = "Диаграммы";
inline constexpr const char* k_errors_sheet = "Ошибки";
inline constexpr const char* k_method_sheet = "Методика";
// With a calendar's submission log (ReportInput::returns), after «Ошибки».
inline constexpr const char* k_returns_sheet = "Сдача форм";
// A yearly rubric over monitorings (run.year_sources not empty), before «Диаграммы».
inline constexpr const char* k_year_sources_sheet = "Мониторинги года";
// Sheets of the analysis (ReportInput::analysis set), in workbook order.
inline constexpr const char* k_briefing_sheet = "Справка";
inline constexpr const char* k_rating_sheet = "Рейтинг";
inline constexpr const char* k_roadmap_sheet = "Дорожная карта";
inline constexpr const char* k_dynamics_sheet = "Динамика";
inline constexpr const char* k_clusters_sheet = "Группы ОО";
inline constexpr const char* k_recommendations_sheet = "Рекомендации";

struct SchoolLink {
  std::string sheet;  // sheet name in this workbook, or empty
  std::string file;   // workbook path relative to this one, or empty
};

struct BookContext {
  const ReportInput& in;
  lxw_workbook* book;
  Formats f;
  std::map<std::string, SchoolLink> school_links;  // school id -> its detail
  bool has_summary = true;         // false in a director's workbook
  std::string summary_file;        // for a school workbook split off the results: link back
  // The run's files this workbook lists (on «Ошибки» and «Методика»), run
  // order: all of them in the results workbook, the school's own in a
  // school's workbook (looked up in a per-run map, never by scanning the run).
  std::vector<const model::FileOutcome*> files;
  AnalysisFormats af{};            // made only when in.analysis is set
  std::string own_school_id;       // a school's workbook: its school; empty in the results workbook
};

// "Энский муниципальный округ · период: ноябрь 2026"
std::string subtitle(const ReportInput& in);
// Short name from the registry, or the id when the school is not there.
std::string school_name(const model::Registry& registry, const std::string& school_id);
// "1.1 Доля педагогов ..." (code omitted when empty).
std::string indicator_title(const model::IndicatorDef& indicator);
// Name of the direction, "Прочие показатели" when it has none.
std::string direction_name(const model::Definition& definition, const std::string& direction_id);
// "Целевое значение 2026"
std::string target_label(const ReportInput& in);
// Lines a text needs in a wrapped cell `width` characters wide (util/text_wrap.h).
using util::wrapped_lines;

}  // namespace report
