#include "model/run.h"

#include <algorithm>

#include <set>
#include <string_view>

namespace model {

int count_outcome(const std::vector<FileOutcome>& files, Outcome outcome) {
  int n = 0;
  for (const auto& f : files) n += f.outcome == outcome;
  return n;
}

int count_accepted_exports(const std::vector<FileOutcome>& files) {
  return static_cast<int>(std::count_if(files.begin(), files.end(), [](const FileOutcome& f) {
    return f.outcome == Outcome::accepted && f.school_id.empty();
  }));
}

std::vector<std::string> schools_without_accepted_form(const Registry& registry,
                                                        const std::vector<FileOutcome>& files) {
  std::set<std::string_view> accepted;  // gathered once, not per school
  for (const auto& f : files) {
    if (f.outcome == Outcome::accepted) accepted.insert(f.school_id);
  }
  std::vector<std::string> out;
  for (const auto& school : registry.schools) {
    if (!accepted.contains(school.id)) out.push_back(school.id);
  }
  return out;
}

Participation participation_of(const Registry& registry, const std::vector<FileOutcome>& files,
                               const std::vector<std::string>& accepted,
                               const std::vector<std::string>& missing) {
  Participation p;
  p.asked = static_cast<int>(registry.schools.size());
  p.accepted = static_cast<int>(accepted.size());
  std::set<std::string_view> sent(accepted.begin(), accepted.end());
  for (const auto& f : files) {
    if (f.school_id.empty() || f.outcome == Outcome::other_period || f.outcome == Outcome::skipped) continue;
    if (registry.find(f.school_id) != nullptr) sent.insert(f.school_id);
  }
  p.sent = static_cast<int>(sent.size());
  for (const auto& id : missing) (sent.contains(id) ? p.rejected : p.not_sent).push_back(id);
  return p;
}

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::accepted: return "принят";
    case Outcome::rejected: return "отклонён";
    case Outcome::superseded: return "заменён более новой формой";
    case Outcome::duplicate: return "повтор (тот же файл)";
    case Outcome::skipped: return "пропущен";
    case Outcome::other_period: return "форма за другой период — не учитывается";
  }
  return "отклонён";
}

}  // namespace model
