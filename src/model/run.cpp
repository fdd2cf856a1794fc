#include "model/run.h"

namespace model {

std::string outcome_name(Outcome o) {
  switch (o) {
    case Outcome::accepted: return "принят";
    case Outcome::rejected: return "отклонён";
    case Outcome::superseded: return "заменён более новой формой";
    case Outcome::duplicate: return "повтор (тот же файл)";
    case Outcome::skipped: return "пропущен";
  }
  return "отклонён";
}

}  // namespace model
