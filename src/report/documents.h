// The two documents a monitoring ends with, as Word files a methodist can
// edit and sign (docx_package.h); page numbers from page 2:
//   «Справка_<monitoring>_<period>.docx» — the аналитическая справка (seed 000):
//     a one-page summary first (what was studied, main results, main
//     problems, decisions proposed), signed, then appendix tables: the
//     indicators (the legend of the codes the text uses), the addressed
//     recommendations (each naming all the schools it concerns), the groups
//     of schools as profiles and the rubric;
//   «Приказ_<monitoring>_<period>.docx» — the draft приказ (seed 002) issued by
//     the body that orders schools ([documents] issuer): satisfactory
//     directions, positive results, shortfalls, the causes to find where there
//     is no progress, measures with the person responsible and deadlines by
//     name, indicators named in words; highlighted placeholders where only a
//     person decides (number and date, signatory, a deadline not given or
//     already past on the day the document is made).
// Both need an analysis (ReportInput::analysis); they are published atomically
// and fail with a Diagnostic naming the file, never throw on bad input.
//
//   const report::ReportInput input{def, registry, summary, run, &analysis};
//   run.notices += report::deadline_notices(settings, run.run_time, "metodmon.toml");  // the methodist is told
//   if (auto w = report::write_documents(input, settings, spravka, prikaz); !w) return w;
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "report/docx_document.h"
#include "report/document_settings.h"
#include "report/results_workbook.h"

namespace report {

// "Справка_krymsk_2025.docx" / "Приказ_krymsk_2025.docx": `monitoring` is the
// name the results workbook uses (definition::id_without_years).
std::string spravka_file_name(std::string_view monitoring, const model::Period& period);
std::string prikaz_file_name(std::string_view monitoring, const model::Period& period);

// The documents' bodies (for tests and for write_documents()).
docx::Document spravka_document(const ReportInput& input, const DocumentSettings& settings);
docx::Document prikaz_document(const ReportInput& input, const DocumentSettings& settings);

// A warning for each configured deadline ([documents] deadline and each
// measure's) already past on the day of `run_time`: the приказ leaves the
// field to fill instead of printing it, and the methodist is told so.
// `config_file`: the configuration's file name, for the warning's location.
std::vector<model::Diagnostic> deadline_notices(const DocumentSettings& settings, const std::string& run_time,
                                                const std::string& config_file);

// Writes both files. Fails when the input has no analysis.
model::Expected<void> write_documents(const ReportInput& input, const DocumentSettings& settings,
                                      const std::filesystem::path& spravka_file,
                                      const std::filesystem::path& prikaz_file);

}  // namespace report
