// The revision of a definition's form (model::Definition::form_revision):
// the first 8 hex digits of SHA-256 over "<input id>=<field spec>" lines
// (model/form_fields.h), sorted by id. The order of the fields on the form is
// left out: forms are read by their fields' names, so a reordered form still
// reads the same. Set by the loader for TOML files and method workbooks alike.
#pragma once

#include <string>

#include "model/definition.h"

namespace definition {

std::string form_revision(const model::Definition& definition);

}  // namespace definition
