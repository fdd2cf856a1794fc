// The questionnaire exports of one run: each file is read (survey/export_file.h),
// told which of the definition's surveys it answers by its header row
// (survey/header_map.h), and its rows go to that survey's tally
// (survey/survey_tally.h). What each file gave is its ExportRead: an outcome
// for the run's «Ошибки» sheet and history, and what `metodmon check` prints.
//
//   survey::ExportReader reader(definition, registry, period, limits);
//   for (const auto& file : exports) outcomes.push_back(reader.read(file).outcome);
//   const auto counts = reader.results();   // per survey, per school
//
// A file is accepted when its header maps and at least one of its answers
// counts for the period; row problems do not reject it (they are listed, and
// those rows do not count). Refused, with a Russian error naming the file:
// anything read_export refuses (empty, too large, not an export), a header
// only, a header that is no survey's of the definition («another survey's
// export»), a header missing a question (named by its text) or with a
// question twice. A file whose answers are all of other periods is
// Outcome::other_period, as a form of another period is.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/definition.h"
#include "model/period.h"
#include "model/run.h"
#include "model/school.h"
#include "model/submission.h"
#include "survey/export_file.h"
#include "survey/header_map.h"
#include "survey/school_matcher.h"
#include "survey/survey_tally.h"

namespace survey {

struct ExportRead {
  model::FileOutcome outcome;
  const model::SurveyDef* survey = nullptr;  // the survey it answers; null when none was recognised
  ExportInfo info;
  std::vector<std::string> header;  // the first row as written
  HeaderMap map;
  FileReport report;
};

// One survey's per-school figures after all files.
struct SurveyCounts {
  const model::SurveyDef* survey = nullptr;
  std::vector<SchoolCounts> schools;  // registry order
};

// The survey of `definition` whose export `header` (an export's first row)
// is, as ExportReader::read recognises it: the one with most of its columns
// there, if its school question and at least half its questions are; null
// otherwise.
const model::SurveyDef* recognise_survey(const std::vector<std::string>& header, const model::Definition& definition);

// The first row of the export at `path`; nullopt when the file cannot be read
// as an export (survey/export_file.h) or has no rows.
std::optional<std::vector<std::string>> export_header(const std::filesystem::path& path, const ExportLimits& limits);

class ExportReader {
 public:
  // All references must outlive the reader. `definition` must have surveys.
  ExportReader(const model::Definition& definition, const model::Registry& registry, const model::Period& period,
               ExportLimits limits = {});
  ~ExportReader();
  ExportReader(const ExportReader&) = delete;
  ExportReader& operator=(const ExportReader&) = delete;

  ExportRead read(const model::SourceFile& file);
  std::vector<SurveyCounts> results() const;

 private:
  const model::Definition& m_definition;
  const model::Registry& m_registry;
  const model::Period& m_period;
  ExportLimits m_limits;
  SchoolMatcher m_matcher;
  std::vector<std::unique_ptr<SurveyTally>> m_tallies;  // parallel to definition.surveys
};

}  // namespace survey
