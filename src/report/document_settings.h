// What the documents a methodist signs need beyond the figures: the page
// (font), the organisation's letterhead, the basis of the monitoring, who
// signs, who controls, and the measures of the order with responsible persons
// and deadlines. Filled from the configuration's [documents] section
// (cli/config/config.h); every field has a sensible default, and an empty person or
// date becomes a highlighted placeholder in the document.
#pragma once

#include <string>
#include <vector>

#include "report/docx_package.h"

namespace report {

// One measure of the order: «Пацюк А.А., директору МКУ ИМЦ, обеспечить … в срок до 01.10.2025».
struct OrderMeasure {
  std::string who;       // dative, as the order addresses the person: «Пацюк А.А., директору МКУ ИМЦ»
  std::string what;      // infinitive: «обеспечить информирование педагогов о результатах мониторинга»
  std::string deadline;  // «01.10.2025» or «в течение 2025/2026 учебного года»; empty: a placeholder
};

struct DocumentSettings {
  docx::PageStyle page;                 // font, size, line spacing
  std::vector<std::string> letterhead;  // header lines of the справка; empty: the definition's organisation
  // Header lines of the приказ: the body that can order school heads (the
  // education department), not the methodical centre; empty: `letterhead`.
  std::vector<std::string> issuer;
  std::string place;                    // «г. Крымск» under the order's date; may be empty
  std::string basis;                    // the order the monitoring is held under
  std::string plan;                     // «планом работы управления образования на 2025 год»
  std::string methodical_service;       // who carries out the methodical measures; empty: the organisation
  // The person answering for the measures the program words (dative, by
  // name): «Пацюк А.А., директору МКУ ИМЦ,»; empty: a placeholder after
  // `methodical_service`.
  std::string responsible;
  std::string signatory;                // position: «Начальник управления образования»
  std::string signatory_name;           // «Н.М. Василенко»; empty: a placeholder
  std::string control;                  // accusative: «заместителя начальника УО З.А. Резник»; empty: «оставляю за собой»
  std::string prepared_by;              // who prepared the справка; empty: a placeholder
  // Deadline of the generated measures («01.10.2025»); empty, or a date
  // already past on the day the documents are made: a placeholder (the
  // methodist is told: past_deadlines()).
  std::string deadline;
  std::vector<OrderMeasure> measures;   // measures of the order from the configuration
};

}  // namespace report
