// Compares two loaded definitions by their content: what the method says,
// not where it was written. Two spellings of one method (a TOML file and a
// method workbook, definition/method_book_reader.h) load to definitions
// without differences.
//
// Left out: the places things were read from (Definition::file, every
// `line`, SourceDef::file as written) and nothing else. A source's
// definition is compared by its content, recursively.
//
//   const auto diff = model::definition_differences(from_toml, from_workbook);
//   EXPECT_TRUE(diff.empty()) << diff.front();   // "indicators[3].targets[2025]: 70 ≠ 75"
//
// A field added to the definition's structs must be added here too, or the
// comparison silently ignores it.
#pragma once

#include <string>
#include <vector>

#include "model/definition.h"

namespace model {

// One line per difference, "<path>: <a> ≠ <b>", in the order of the
// structs' fields; empty when the definitions are equal.
std::vector<std::string> definition_differences(const Definition& a, const Definition& b);

}  // namespace model
