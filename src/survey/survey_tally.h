// One survey's respondents from all of a run's exports: each answer row is
// checked (its time and period, its school, each answer against the allowed
// set), then kept as a respondent, once: a row whose answer id (Yandex's
// «ID») or e-mail (when the export has one) was seen before is a duplicate,
// reported and counted once — the later answer wins (a teacher who answered
// again meant the second), and the same answer in two downloads of the form
// counts once. Per school, the tally gives the respondents and, per
// question, how many answers count (model/survey.h).
//
// A file's rows count only once its reading has ended well (end_file(true)):
// an export cut short by a broken line adds nothing (what its rows changed is
// undone). Memory: a record of 48 bytes and a hash-map entry or two a
// respondent (times, schools, one bit per question, hashed ids and e-mails),
// whatever the size of the rows; nothing of a row is kept past it.
//
//   SurveyTally tally(survey, periodicity, period, registry, matcher);
//   tally.begin_file("ответы.xlsx", "Ответы", map);
//   for (const auto& row : rows) tally.add_row(row);
//   FileReport report = tally.end_file(true);
//   const auto per_school = tally.counts();
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/diagnostic.h"
#include "model/period.h"
#include "model/schedule.h"
#include "model/school.h"
#include "model/survey.h"
#include "survey/export_file.h"
#include "survey/header_map.h"
#include "survey/school_matcher.h"

namespace survey {

// Row problems listed per file; past this many, one line says how many more.
inline constexpr std::size_t k_max_row_diagnostics = 300;

// What one export gave, for the run's «Ошибки» and for `metodmon check`.
struct FileReport {
  std::vector<model::Diagnostic> diagnostics;  // row problems and file notes, row order
  int rows = 0;          // answer rows (the header not counted, empty rows skipped)
  int counted = 0;       // rows kept as respondents of the period (before duplicates across files)
  int other_period = 0;  // rows of other periods, not counted
  std::map<std::string, int> other_periods;  // period id -> rows
  int unmatched = 0;     // school not found
  int ambiguous = 0;     // several schools fit
  int invalid = 0;       // an answer outside the allowed set, or a time not read
  int duplicates = 0;    // counted once with another row
  // Rows per registry school and the names they gave it by: index -> name -> rows.
  std::map<std::size_t, std::map<std::string, int>> schools;
};

struct SchoolCounts {
  int respondents = 0;
  std::vector<int> counted;  // per question of the survey
};

class SurveyTally {
 public:
  // All references must outlive the tally.
  SurveyTally(const model::SurveyDef& survey, model::Periodicity periodicity, const model::Period& period,
              const model::Registry& registry, const SchoolMatcher& matcher);

  void begin_file(std::string file_name, std::string sheet, const HeaderMap& map);
  void add_row(const ExportRow& row);
  // `ok`: the file was read to its end; otherwise its rows are dropped.
  FileReport end_file(bool ok);

  // Per registry school (registry order), over every file ended well.
  std::vector<SchoolCounts> counts() const;
  const model::SurveyDef& survey() const { return m_survey; }

 private:
  struct Respondent {
    std::int64_t time = 0;        // seconds; 0 when the export has no time column
    std::uint64_t counted = 0;    // bit q: the answer to question q counts
    std::uint64_t id_hash = 0;    // 0: none
    std::uint64_t email_hash = 0; // 0: none
    std::uint32_t row = 0;
    std::uint32_t file = 0;
    std::uint32_t school = 0;
    bool active = true;
  };

  // What admitting a duplicate changed, so that a file that fails can be
  // taken back (a key first seen in the file is found by its record's keys).
  struct Undo {
    enum class Kind { id, email, deactivated } kind;
    std::uint64_t key = 0;      // id, email: the map key
    std::uint32_t before = 0;   // id, email: its value before; deactivated: the record
  };

  void diagnose(model::Severity severity, std::uint32_t row, std::optional<std::size_t> column, std::string message,
                std::string hint = {}, std::string found = {});
  void admit(Respondent r, std::string_view email);
  void point(Undo::Kind kind, std::uint64_t key, std::uint32_t index);
  void take_back();
  std::string where_row(const Respondent& r) const;

  const model::SurveyDef& m_survey;
  model::Periodicity m_periodicity;
  const model::Period& m_period;
  const model::Registry& m_registry;
  const SchoolMatcher& m_matcher;
  std::vector<std::vector<std::string>> m_choice_keys;   // per question
  std::vector<std::vector<std::string>> m_counted_keys;  // per question

  std::vector<std::string> m_files;
  std::deque<Respondent> m_respondents;  // a deque: no doubling of a large vector
  std::unordered_map<std::uint64_t, std::uint32_t> m_by_id;     // -> index in m_respondents
  std::unordered_map<std::uint64_t, std::uint32_t> m_by_email;  // -> index in m_respondents

  // The file being read.
  std::string m_file;
  std::uint32_t m_file_index = 0;
  std::string m_sheet;
  const HeaderMap* m_map = nullptr;
  std::size_t m_first_respondent = 0;  // its first record in m_respondents
  std::vector<Undo> m_undo;
  std::map<std::uint32_t, int> m_same_answers_in;  // other file -> its answers this file repeats
  FileReport m_report;
  std::size_t m_row_diagnostics = 0;
  std::size_t m_row_diagnostics_left_out = 0;
};

}  // namespace survey
