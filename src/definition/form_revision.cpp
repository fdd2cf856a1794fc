#include "definition/form_revision.h"

#include <algorithm>
#include <vector>

#include "model/form_fields.h"
#include "util/sha256.h"

namespace definition {

std::string form_revision(const model::Definition& definition) {
  std::vector<std::string> lines;
  lines.reserve(definition.inputs.size());
  for (const auto& in : definition.inputs) {
    lines.push_back(in.id + "=" + model::form::to_text(model::form::field_spec(in)) + "\n");
  }
  std::sort(lines.begin(), lines.end());
  util::Sha256 hash;
  for (const auto& line : lines) hash.update(line);
  return util::to_hex(hash.finish()).substr(0, 8);
}

}  // namespace definition
