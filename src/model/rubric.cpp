#include "model/rubric.h"

namespace model {

const Evidence* RubricBlock::find_evidence(const std::string& position_id,
                                           const std::string& param_id) const {
  const auto pos = evidence.find(position_id);
  if (pos == evidence.end()) return nullptr;
  const auto it = pos->second.find(param_id);
  return it == pos->second.end() ? nullptr : &it->second;
}

const RubricBlock* Rubric::find_block(const std::string& block_id) const {
  for (const auto& b : blocks) {
    if (b.id == block_id) return &b;
  }
  return nullptr;
}

std::string to_string(RubricKind k) {
  switch (k) {
    case RubricKind::indicator_set: return "indicator_set";
    case RubricKind::checklist: return "checklist";
    case RubricKind::binary: return "binary";
  }
  return "checklist";
}

std::string to_string(EvidenceTest t) {
  switch (t) {
    case EvidenceTest::meets_target: return "meets_target";
    case EvidenceTest::at_least_median: return "at_least_median";
    case EvidenceTest::positive_dynamics: return "positive_dynamics";
  }
  return "meets_target";
}

std::string to_string(RecommendationWhen w) {
  switch (w) {
    case RecommendationWhen::below_target: return "below_target";
    case RecommendationWhen::below_median: return "below_median";
    case RecommendationWhen::document_missing: return "document_missing";
    case RecommendationWhen::no_positive_dynamics: return "no_positive_dynamics";
    case RecommendationWhen::bottom_quartile: return "bottom_quartile";
  }
  return "below_target";
}

}  // namespace model
