#include "model/run.h"

namespace model {

int count_outcome(const std::vector<FileOutcome>& files, Outcome outcome) {
  int n = 0;
  for (const auto& f : files) n += f.outcome == outcome;
  return n;
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
