// Values of an earlier period, as the history store (src/store/history_store.h)
// keeps them. The caller reads them (HistoryStore::values_for, periods from
// store::dynamics_periods) and hands them to analysis::analyze(); analysis
// itself does no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace analysis {

struct PeriodValues {
  std::string period;  // period id: "2026-10", "2025-H2", "2025"
  // school id -> indicator id -> value (nullopt: the school had no value)
  std::map<std::string, std::map<std::string, std::optional<double>>> values;
  // indicator id -> municipal value of that period (Σnum/Σden for shares);
  // absent or nullopt when not known
  std::map<std::string, std::optional<double>> municipal;
};

}  // namespace analysis
