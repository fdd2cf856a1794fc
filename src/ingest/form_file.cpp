#include "ingest/form_file.h"

#include "ingest/form_reader.h"
#include "ingest/workbook.h"

namespace ingest {

CheckedFile check_form_file(const model::SourceFile& file, const ReadLimits& limits,
                            const model::Definition& definition, const model::Registry& registry,
                            const model::Period& period) {
  CheckedFile out;
  out.outcome.file = file;
  out.outcome.outcome = model::Outcome::rejected;
  // A refused form whose school the registry does not know (unreadable, no
  // _meta, another method's ids) belongs to the school its file is named
  // for, if any: that school is told what to fix.
  const auto school_by_name = [&] {
    if (registry.find(out.outcome.school_id) != nullptr) return;
    if (const auto* named = registry.named_in_file(file.name)) out.outcome.school_id = named->id;
  };
  auto workbook = read_workbook(file.path, limits);
  if (!workbook) {
    auto d = workbook.error();
    d.where.file = file.name;
    out.outcome.diagnostics.push_back(std::move(d));
    school_by_name();
    return out;
  }
  auto form = read_form(*workbook, definition, registry, period, file);
  out.outcome.school_id = form.school_id;
  out.outcome.diagnostics = std::move(form.diagnostics);
  school_by_name();
  if (form.submission) out.outcome.outcome = model::Outcome::accepted;
  if (form.other_period) out.outcome.outcome = model::Outcome::other_period;
  out.submission = std::move(form.submission);
  return out;
}

}  // namespace ingest
