// The two documents a monitoring ends with, as Word files a methodist can
// edit and sign (docx_package.h):
//   «Справка_<monitoring>_<period>.docx» — the аналитическая справка (seed 000):
//     основание, цель, сроки и участники, a table of indicators (municipal
//     value, median, target, schools reaching it, dynamics), one section per
//     direction with a short conclusion, groups of schools in plain words,
//     rubric results, выводы, рекомендации to the methodical service, to the
//     directors and to named schools;
//   «Приказ_<monitoring>_<period>.docx» — the draft приказ (seed 002): numbered
//     points generated from the figures, measures with responsible persons and
//     deadlines from the settings, and highlighted placeholders where only a
//     person decides (number and date, signatory).
// Both need an analysis (ReportInput::analysis); they are published atomically
// and fail with a Diagnostic naming the file, never throw on bad input.
//
//   const report::ReportInput input{def, registry, summary, run, &analysis};
//   if (auto w = report::write_documents(input, settings, spravka, prikaz); !w) return w;
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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

// Writes both files. Fails when the input has no analysis.
model::Expected<void> write_documents(const ReportInput& input, const DocumentSettings& settings,
                                      const std::filesystem::path& spravka_file,
                                      const std::filesystem::path& prikaz_file);

}  // namespace report
