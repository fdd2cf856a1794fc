// Internal to src/definition/: the definition read from an already parsed
// TOML document. A TOML file is parsed into one by parse_definition(); a
// method workbook is turned into one by the method book reader
// (method_book_reader.h), so both spellings of a method go through the same
// checks. Contract as parse_definition()'s (definition_loader.h); locations
// name `file_name` and the document's keys ("indicator[3].numerator").
#pragma once

#include <string>
#include <toml++/toml.h>

#include "definition/definition_loader.h"

namespace definition {

model::ExpectedAll<LoadedDefinition> read_definition_table(const toml::table& root,
                                                           const std::string& file_name,
                                                           const SourceResolver& resolve_source);

}  // namespace definition
