// Pieces the справка and the приказ share: the letterhead, placeholders a
// person fills in, who took part in the monitoring, the methodical service's
// name, dates and deadlines. Internal to src/report.
#pragma once

#include <string>
#include <vector>

#include "report/docx_document.h"
#include "report/document_settings.h"
#include "report/results_workbook.h"

namespace report {

// Who was asked, who sent a form, whose form was accepted.
struct Participation {
  int asked = 0;                      // schools in the registry
  int sent = 0;                       // schools that sent at least one file
  int accepted = 0;                   // schools with an accepted form
  std::vector<std::string> not_sent;  // school ids (registry order) that sent nothing
  std::vector<std::string> rejected;  // school ids that sent only forms with errors
};

Participation participation(const ReportInput& in);

// The organisation's header lines, centred and bold (settings, else the
// definition's organisation).
void write_letterhead(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings);

// A highlighted gap for a person to fill in: «___» ____________ 20__ г.
docx::Span placeholder(std::string text);
// "«___» ____________ 20__ г."
std::string date_placeholder();

// "до 01.06.2025" from the settings, else a placeholder date: the spans of a deadline.
std::vector<docx::Span> deadline_spans(const std::string& deadline);

// The organisation that carries out the methodical measures.
std::string methodical_service(const ReportInput& in, const DocumentSettings& settings);

// "23.11.2026" from "2026-11-23 09:00:00"; "" when not a date.
std::string date_of(const std::string& run_time);

// «Ленинск-Кузнецкий городской округ» in a sentence without declining it:
// "муниципального образования «Ленинск-Кузнецкий городской округ»".
std::string municipality_of(const model::Definition& definition);

// A numbered paragraph: "1. …", justified, with the usual first-line indent.
void numbered(docx::Document& doc, const std::string& number, std::vector<docx::Span> spans);
void numbered(docx::Document& doc, const std::string& number, const std::string& text);

// School short names (ids when not in the registry), comma separated.
std::string schools_text(const ReportInput& in, const std::vector<std::string>& ids);

}  // namespace report
