// One indicator as the documents speak of it: the row of the справка's table
// of indicators and the sentence of its direction's section. Yes/no
// indicators are spoken of as schools («10 из 12 ОО», «+2 ОО»); a change of a
// municipal value says when the set of schools changed. Internal to src/report.
#pragma once

#include <string>
#include <vector>

#include "report/docx_document.h"
#include "report/results_workbook.h"

namespace report {

// The tables of indicators: code, name, municipal value, median, target of the
// year, schools reaching it (columns without any figure are left out); with
// earlier periods a second table of changes against the previous period and
// the same period of an earlier year; a heading row per direction; and the
// notes to print under them (a changed set of schools, how values are made).
struct IndicatorTable {
  std::vector<docx::Table> tables;  // values; then changes, when there are earlier periods
  std::vector<std::string> notes;
};
IndicatorTable indicator_table(const ReportInput& in);

// «1.1 «Доля …»: по району — 10,0 % при цели 2022 года 10 % (достигнута); медиана
// по ОО — 9,5 %; цели достигли 6 из 12 ОО; +2,0 п.п. к 2021 году.»
std::string indicator_sentence(const ReportInput& in, const model::IndicatorDef& indicator);

// When the municipal changes compare different sets of schools, the sentence
// that says so once for the whole section; "" otherwise.
std::string set_change_note(const ReportInput& in);

// The short conclusion for one direction: «Вывод: …».
std::string direction_conclusion(const ReportInput& in, const std::string& direction_id);

}  // namespace report
