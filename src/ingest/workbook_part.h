// xl/workbook.xml: the sheet list (names, visibility, relationship ids), the
// date system and the defined names.
#pragma once

#include <string>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"
#include "ingest/zip_archive.h"

namespace ingest {

struct SheetEntry {
  std::string name;
  SheetState state = SheetState::visible;
  std::string rel_id;  // r:id, resolved through the workbook's relationships
};

struct WorkbookPart {
  bool date1904 = false;
  std::vector<SheetEntry> sheets;   // in workbook order
  std::vector<DefinedName> names;   // "_xlnm." built-ins left out
};

// Refuses more than budget.limits().max_sheets sheets.
Status read_workbook_part(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                          WorkbookPart& out);

}  // namespace ingest
