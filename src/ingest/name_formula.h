// Parsing what a defined name refers to, for names that point at one cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/cell_ref.h"

namespace ingest {

struct CellTarget {
  std::string sheet;  // empty when the formula names no sheet ("$C$7")
  model::CellRef cell;
};

// "'Форма'!$C$7", "Форма!$C$7", "Form!C7", "='It''s'!B2", "Form!$C$7:$C$7",
// and LibreOffice's "$'Форма'.$C$7" -> sheet and cell. nullopt for ranges,
// several areas ("A1,B2"), "#REF!", external references ("[1]Sheet!A1"),
// constants and anything else.
std::optional<CellTarget> parse_cell_formula(std::string_view formula);

}  // namespace ingest
