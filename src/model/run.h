// What one run saw and did: every input file with its outcome and problems.
// Feeds the errors and method sheets, the history store and the e-mails.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/school.h"
#include "model/submission.h"
#include "model/year_source.h"

namespace model {

enum class Outcome {
  accepted,    // validated; its values are in the report
  rejected,    // has errors; listed with them on the errors sheet
  superseded,  // valid, but a newer form of the same school replaced it
  duplicate,   // same bytes as another file of this run
  skipped,     // not a form at all (lock file, temp file, still being written)
  other_period,  // a form of another period: not judged, not counted, no letter
};

struct FileOutcome {
  SourceFile file;
  Outcome outcome = Outcome::rejected;
  std::string school_id;  // when known, even for rejected forms
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in cell order
  // Read as a questionnaire export (survey/), not a school's form: its rows
  // are many schools' answers, so it has no school_id.
  bool questionnaire = false;
};

struct RunInfo {
  std::string run_time;      // local time, "2026-11-23 09:00:00"
  std::int64_t run_epoch = 0;  // the same moment in seconds since the epoch (0: unknown)
  std::string tool_version;  // "metodmon 0.1.0"
  std::string definition_file;
  std::string registry_file;
  std::string inbox;
  // Whom a director asks about the results: "МКУ «ИМЦ», metodist@example.ru"
  // (from the configuration's mail settings); empty when not known.
  std::string contact;
  std::vector<FileOutcome> files;  // sorted by file name
  std::vector<Diagnostic> definition_notes;  // warnings from loading the definition
  // What the methodist must look at although the run went on (an accepted
  // form not archived, a form whose school is in doubt, two forms that tie).
  // Each is also on its file's rows; the methodist's letter lists them and
  // the history's run log keeps them.
  std::vector<Diagnostic> notices;
  // A yearly rubric over monitorings: each [[source]] and whether its results
  // of the year were there (empty for any other method).
  std::vector<YearSource> year_sources;
};

// How many of `files` ended with `outcome`.
int count_outcome(const std::vector<FileOutcome>& files, Outcome outcome);

// How many of the accepted `files` are questionnaire exports (no school of
// their own), not forms.
int count_accepted_exports(const std::vector<FileOutcome>& files);

// Schools of `registry` (registry order) none of whose `files` was accepted.
// For most methods the summary's missing schools; a yearly rubric over
// monitorings also scores schools without its form (analysis/year_rubric.h).
std::vector<std::string> schools_without_accepted_form(const Registry& registry,
                                                        const std::vector<FileOutcome>& files);

// Who took part in a period's monitoring, counted once for every text that
// states it (the справка, the приказ, the «Справка» sheet, the methodist's
// letter), so that «представили 16 из 18» and «приняты 12» come from here
// and nowhere else.
struct Participation {
  int asked = 0;                      // schools in the registry
  int sent = 0;                       // schools with at least one form of the period (accepted or not)
  int accepted = 0;                   // schools with an accepted form (the summary's schools)
  std::vector<std::string> not_sent;  // registry order: sent nothing of the period
  std::vector<std::string> rejected;  // registry order: sent only forms that were not accepted
};

// `accepted` and `missing`: the summary's school ids (with a result) and the
// registry schools without one. A school counts as having sent a form when
// one of `files` is its form of the period (accepted, rejected, superseded or
// a duplicate; not a form of another period or a skipped file), or when it
// has a result.
Participation participation_of(const Registry& registry, const std::vector<FileOutcome>& files,
                               const std::vector<std::string>& accepted,
                               const std::vector<std::string>& missing);

// "принят", "отклонён", "заменён более новой формой", "повтор", "пропущен",
// "форма за другой период — не учитывается".
std::string outcome_name(Outcome o);

}  // namespace model
