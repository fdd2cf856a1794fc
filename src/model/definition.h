// A monitoring definition: what a school fills in (inputs), what is computed
// from it (indicators, with roadmap targets per year). One TOML file per
// municipality's method, loaded by definition/definition_loader.h.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/rubric.h"
#include "model/schedule.h"
#include "model/survey.h"

namespace model {

enum class InputKind { count, yesno, text };

struct InputDef {
  std::string id;       // [a-z][a-z0-9_]*; the form cell is the defined name "in_<id>"
  std::string label;    // Russian label shown on the form
  InputKind kind = InputKind::count;
  std::string direction;  // direction id the input is shown under; may be empty
  bool required = true;
  std::optional<double> min;        // counts: default 0
  std::optional<double> max;        // counts: optional absolute ceiling
  std::string not_more_than;        // counts: id of another count input (part <= whole)
  std::string hint;                 // prompt shown on the form cell
  // Id of the [[survey]] whose answers fill it (model/survey.h); empty for a
  // field of the school's form. A survey's inputs are counts the loader makes
  // from the [[survey]] section: they are on no form.
  std::string survey;
  int line = 0;                     // line in the TOML file, for messages
};

enum class IndicatorKind { share, count, yesno };
enum class Better { higher, lower };

struct IndicatorDef {
  std::string id;
  std::string code;       // number as the source document prints it: "1.3"
  std::string direction;  // direction id
  std::string name;       // Russian name
  // A few words a text names it by where the full name would be repeated
  // (a group's profile, the справка's summary): «закрепление молодых педагогов
  // за наставниками»; empty: the full name is used.
  std::string short_name;
  IndicatorKind kind = IndicatorKind::share;
  std::string numerator;    // share: input id
  std::string denominator;  // share: input id
  std::string input;        // count / yesno: input id
  Better better = Better::higher;
  // Roadmap target per calendar year. Shares: percent 0..100. Counts: the
  // municipal total. Yes/no: percent of schools answering "Да".
  std::map<int, double> targets;
  // Rubric hooks (used by analysis): scoring position, whether the indicator
  // matches its justified goal, and whether it is ineffective or harmful.
  std::string position;
  bool matches_goal = true;
  bool bad = false;
  int line = 0;

  std::optional<double> target_for(int year) const {
    const auto it = targets.find(year);
    if (it == targets.end()) return std::nullopt;
    return it->second;
  }
};

struct DirectionDef {
  std::string id;
  std::string name;
};

struct Definition;

// [[source]] of a yearly rubric definition: another (yearly) monitoring whose
// results of the year the rubric reads (analysis/year_rubric.h). `id` is the
// source definition's own id, the one evidence references name
// (`{ monitoring = "<id>", indicator = "…" }`) and results are keyed by.
struct SourceDef {
  std::string id;
  std::string file;  // as written: relative to the rubric definition's folder
  std::shared_ptr<const Definition> definition;  // loaded and validated; never null after loading
  int line = 0;
};

struct Definition {
  std::string id;            // "lk-roadmap"
  std::string version;       // form version; forms carry it in _meta
  // The edition of the form's fields (model/form_fields.h): 8 hex digits of
  // SHA-256 over their specs, set by the loader (definition/form_revision.h).
  // Forms carry it in _meta; a form of another revision is refused with what
  // changed. Empty for a definition built in code: not checked then.
  std::string form_revision;
  std::string title;         // Russian title of the monitoring
  std::string municipality;  // "Ленинск-Кузнецкий городской округ"
  std::string organisation;  // who runs it: "МБОУ ДПО «НМЦ»"
  std::string source;        // source document the method is taken from
  Periodicity periodicity = Periodicity::year;
  std::vector<std::string> notes;  // gaps and inconsistencies of the source, shown on the method sheet
  // The documents the monitoring is based on, as the аналитическая справка
  // names them («Положение о мониторинге …, утверждённое приказом … от … № …»).
  std::vector<std::string> basis;
  // The aim of the monitoring, completing «Цель мониторинга — …»; may be empty.
  std::string goal;
  std::vector<DirectionDef> directions;
  std::vector<InputDef> inputs;
  std::vector<IndicatorDef> indicators;
  // Scoring rubric, clustering and recommendation rules (definition/rubric_loader.h);
  // nullopt when the file has none of those sections (analysis then uses defaults).
  std::optional<Rubric> rubric;
  // [schedule]: the months it is collected in; nullopt = every month (model/schedule.h).
  std::optional<Schedule> schedule;
  // [[source]]: monitorings whose results of the year the rubric is computed
  // over. A definition with sources has no [[indicator]] of its own: its
  // rubric's indicators are the sources' (analysis/year_rubric.h).
  std::vector<SourceDef> sources;
  // [[survey]]: questionnaires whose exports fill some of `inputs` (model/survey.h).
  std::vector<SurveyDef> surveys;
  std::filesystem::path file;  // where it was loaded from

  const InputDef* find_input(std::string_view input_id) const;
  const IndicatorDef* find_indicator(std::string_view indicator_id) const;
  const DirectionDef* find_direction(std::string_view direction_id) const;
  const SourceDef* find_source(std::string_view source_id) const;
  const SurveyDef* find_survey(std::string_view survey_id) const;
  // Whether some input is a field of the school's form (not filled by a survey).
  bool has_form() const;
};

std::string to_string(InputKind k);
std::string to_string(IndicatorKind k);

}  // namespace model
