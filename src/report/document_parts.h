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

// Who was asked, who sent a form, whose form was accepted: the run's one
// count (model::participation_of), for every text of the report.
model::Participation participation(const ReportInput& in);

// The organisation's header lines, centred and bold (settings, else the
// definition's organisation); `issuer`: the приказ's (settings.issuer, else
// the same lines).
void write_letterhead(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings,
                      bool issuer = false);

// A highlighted gap for a person to fill in: «___» ____________ 20__ г.
docx::Span placeholder(std::string text);
// "«___» ____________ 20__ г."
std::string date_placeholder();

// Whether a deadline is already past on the day of `run_time` ("2026-11-22
// 09:00:00"): «01.03.2023» (also inside «до 01.03.2023») before that day, or a
// text naming only years before its year («в течение 2025 года»). A text with
// no date or year, or an unreadable run time: not past.
bool deadline_passed(std::string_view deadline, std::string_view run_time);

// "в срок до 01.06.2025" from the settings; a placeholder date when there is
// none or it has passed on the day the documents are made (`run_time`).
std::vector<docx::Span> deadline_spans(const std::string& deadline, const std::string& run_time);

// The organisation that carries out the methodical measures.
std::string methodical_service(const ReportInput& in, const DocumentSettings& settings);

// Who answers for the generated measures, by name: [documents] responsible
// («Пацюк А.А., директору МКУ ИМЦ,»), else the service and a placeholder for
// the person ("МКУ ИМЦ ([Ф.И.О., должность])").
std::vector<docx::Span> responsible_spans(const ReportInput& in, const DocumentSettings& settings);

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
