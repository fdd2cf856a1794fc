#include "analysis/text_pool.h"

namespace analysis {

TextPool::TextPool() {
  m_texts.emplace_back();
  m_ids.emplace(std::string_view(m_texts.back()), k_empty);
}

TextPool::Id TextPool::intern(std::string_view text) {
  if (const auto it = m_ids.find(text); it != m_ids.end()) return it->second;
  const auto id = static_cast<Id>(m_texts.size());
  m_texts.emplace_back(text);
  m_ids.emplace(std::string_view(m_texts.back()), id);
  return id;
}

}  // namespace analysis
