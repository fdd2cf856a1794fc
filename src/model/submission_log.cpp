#include "model/submission_log.h"

namespace model {

std::string return_state_name(ReturnState s) {
  switch (s) {
    case ReturnState::accepted: return "принята";
    case ReturnState::accepted_late: return "прислана после срока";
    case ReturnState::rejected: return "отклонена";
    case ReturnState::missing: return "не прислана";
  }
  return "не прислана";
}

}  // namespace model
