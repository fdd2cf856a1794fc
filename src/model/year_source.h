// One monitoring of the year as a yearly rubric over monitorings ([[source]],
// analysis/year_rubric.h) found it: which configured monitorings run that
// definition, whose results of the year were taken, and which schools have
// values in them. Filled by the run (cli/phases/year_sources.h) from the
// configuration and the history; shown on the sheet «Мониторинги года».
#pragma once

#include <string>
#include <vector>

namespace model {

struct YearSource {
  std::string definition_id;  // the [[source]] id: "krymsk-m6-mentoring"
  std::string title;          // the monitoring definition's title
  std::vector<int> months;    // months it is collected in (configured, else its [schedule]); empty: none known
  // Configured monitorings ([[monitoring]] ids) whose definition has this id;
  // empty: the configuration does not run it.
  std::vector<std::string> monitoring_ids;
  std::string monitoring_name;          // the first one's configured name ("ИОМ"); may be empty
  std::string used_monitoring;          // whose results of the year were taken; empty: none
  std::vector<std::string> school_ids;  // schools with at least one value that year, registry order

  bool available() const { return !used_monitoring.empty(); }
};

}  // namespace model
