#include "ingest/workbook_model.h"

#include <algorithm>

#include "ingest/name_formula.h"
#include "ingest/xml_text.h"
#include "util/text_case.h"

namespace ingest {

namespace {

// Excel's names ignore case; workbook scope wins over sheet scope.
const DefinedName* find_folded(const std::vector<DefinedName>& names, std::string_view name) {
  const auto folded = util::lower_text(name);
  const DefinedName* found = nullptr;
  for (const auto& n : names) {
    if (util::lower_text(n.name) != folded) continue;
    if (!n.local_sheet) return &n;
    if (found == nullptr) found = &n;
  }
  return found;
}

}  // namespace

const Cell* Sheet::find(model::CellRef ref) const {
  const auto it = std::lower_bound(cells.begin(), cells.end(), ref,
                                   [](const Cell& c, model::CellRef r) { return c.ref < r; });
  return it != cells.end() && it->ref == ref ? &*it : nullptr;
}

bool Sheet::has_unsaved_formula(model::CellRef ref) const {
  return std::binary_search(unsaved_formulas.begin(), unsaved_formulas.end(), ref);
}

const Sheet* Workbook::sheet(std::string_view sheet_name) const {
  for (const auto& s : sheets)
    if (s.name == sheet_name) return &s;
  const auto folded = util::lower_text(sheet_name);
  for (const auto& s : sheets)
    if (util::lower_text(s.name) == folded) return &s;
  return nullptr;
}

std::optional<std::pair<const Sheet*, model::CellRef>> Workbook::resolve_name(
    std::string_view name) const {
  // Our own forms name their cells exactly as asked, workbook-wide: that
  // match is tried first, without case-folding every name for every look-up.
  const auto exact = std::find_if(names.begin(), names.end(), [&](const DefinedName& n) {
    return !n.local_sheet && n.name == name;
  });
  const DefinedName* found = exact != names.end() ? &*exact : find_folded(names, name);
  if (found == nullptr) return std::nullopt;
  const auto target = parse_cell_formula(found->formula);
  if (!target) return std::nullopt;
  const Sheet* on = nullptr;
  if (!target->sheet.empty()) {
    on = sheet(target->sheet);
  } else if (found->local_sheet && *found->local_sheet < sheets.size()) {
    on = &sheets[*found->local_sheet];
  }
  if (on == nullptr) return std::nullopt;
  return std::make_pair(on, target->cell);
}

}  // namespace ingest
