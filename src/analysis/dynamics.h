// Dynamics: each indicator against the previous period and the same period of
// earlier years, per school and for the municipality. Pure.
//
//   const auto dyn = analysis::compute_dynamics(definition, summary, history);
//   if (const auto* row = dyn.find("", "diag_share"))   // "" = municipality
//     if (const auto* prev = row->previous()) use(prev->change);  // p.p. for shares
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/summary.h"
#include "analysis/period_values.h"
#include "model/definition.h"

namespace analysis {

enum class Comparison {
  previous_period,           // the nearest earlier period given
  same_period_earlier_year,  // same month / half-year of an earlier year
  earlier,                   // any other earlier period given
};

// Which schools a municipal value stands for, now and then: a municipal
// change is only a like-for-like comparison when the set is the same.
struct SchoolSet {
  int now = 0;     // schools with a value in the current period
  int then = 0;    // schools with a value in the earlier period
  int common = 0;  // schools with a value in both
  bool same() const { return now == then && common == now; }
};

struct Change {
  std::string period;                // the earlier period's id
  Comparison kind = Comparison::earlier;
  std::optional<double> earlier;     // value then
  std::optional<double> change;      // now - then, in the indicator's units (p.p. for shares)
  // change in the indicator's good direction (> 0 for better = higher, < 0
  // for lower); false for no change; nullopt when either value is missing.
  std::optional<bool> improved;
  // Municipal rows, when the history has the schools' values of that period:
  // the schools behind both values, and for yes/no indicators how many
  // schools answered «Да» now and then (a yes/no is spoken of as schools).
  std::optional<SchoolSet> schools;
  std::optional<int> yes_now;
  std::optional<int> yes_then;
};

// One indicator of one subject; Dynamics keys it by subject (the school id is
// not repeated here: ten thousand schools' rows stay small).
struct DynamicsRow {
  std::string_view indicator_id;     // a view of the definition's indicator id
  std::optional<double> current;
  std::vector<Change> changes;       // one per compared period, nearest first

  const Change* previous() const;    // the previous_period entry, if any
};

struct Dynamics {
  // Earlier periods compared with, nearest first (ids < the current period's,
  // sorted descending; the history's own order does not matter; later or
  // equal periods are ignored).
  std::vector<std::string> periods;
  std::vector<DynamicsRow> municipal;  // definition order
  // school id -> rows in definition order (schools with an accepted form);
  // empty when there is no earlier period (find() then gives null)
  std::map<std::string, std::vector<DynamicsRow>> schools;

  const DynamicsRow* find(const std::string& school_id, const std::string& indicator_id) const;
};

// The rows view `definition`'s indicator ids: it must outlive them.
Dynamics compute_dynamics(const model::Definition& definition, const aggregate::Summary& summary,
                          const std::vector<PeriodValues>& history);

// The period compared with, in words: "к октябрю 2026 г.", "к 1-му полугодию
// 2025 г.", "к 2021 году" (never the period's code).
std::string comparison_text(const Change& c);

// The size of a change: "+2,5 п.п.", counts "+3", a municipal yes/no "+2 ОО"
// (schools answering «Да»); "" when not known.
std::string change_amount_text(const model::IndicatorDef& indicator, const Change& c);

// A municipal change in a methodist's words: "+2,5 п.п. к октябрю 2026 г.",
// for a yes/no "+2 ОО к 2021 году" (schools answering «Да»); when the set of
// schools differs, it says so: "… (состав ОО изменился: 11 ОО в 2021 году,
// 12 ОО сейчас)". "" when the change is not known.
std::string municipal_change_text(const model::IndicatorDef& indicator, const Change& c);

}  // namespace analysis
