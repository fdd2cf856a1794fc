// OPC relationships (_rels/.rels, xl/_rels/workbook.xml.rels) and resolving
// their targets to zip entry names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/read_error.h"
#include "ingest/zip_archive.h"

namespace ingest {

struct Relationship {
  std::string id;      // "rId3"
  std::string type;    // full URI; compare with type_is()
  std::string target;  // resolved zip entry name, e.g. "xl/worksheets/sheet1.xml"
  bool external = false;
};

// True when the relationship type URI ends with "/<last>" (so transitional
// and strict URIs both match): type_is(rel, "worksheet").
bool type_is(const Relationship& rel, std::string_view last);

// Resolves `target` against the folder `base_dir` ("xl/"): absolute targets
// ("/xl/worksheets/sheet1.xml") start from the package root; "." and ".."
// segments are folded. The result has no leading "/".
std::string resolve_target(std::string_view base_dir, std::string_view target);

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string rels_part_for(std::string_view part);

// "xl/workbook.xml" -> "xl/".
std::string folder_of(std::string_view part);

// Reads relationships part `entry`; targets are resolved against the folder
// of `source_part` (empty for the package's _rels/.rels).
Status read_relationships(const ZipArchive& zip, const std::string& entry,
                          std::string_view source_part, ReadBudget& budget,
                          std::vector<Relationship>& out);

}  // namespace ingest
