#include "model/submission.h"

namespace model {

std::string sender_text(const SourceFile& file) {
  if (file.sender.empty()) return {};
  return file.sender_accepted ? file.sender + " (принята методистом)" : file.sender;
}

std::optional<double> Submission::number(const std::string& input_id) const {
  const auto it = values.find(input_id);
  if (it == values.end()) return std::nullopt;
  if (const auto* d = std::get_if<double>(&it->second.value)) return *d;
  return std::nullopt;
}

std::optional<bool> Submission::yes(const std::string& input_id) const {
  const auto it = values.find(input_id);
  if (it == values.end()) return std::nullopt;
  if (const auto* b = std::get_if<bool>(&it->second.value)) return *b;
  return std::nullopt;
}

}  // namespace model
