// Texts that repeat across schools, stored once per run: a rubric note such
// as «не засчитано: нет «Наличие показателей мониторинга»» is the same for
// thousands of schools, so each score keeps a small number instead of its own
// copy (ten thousand schools' scores stay small).
//
//   analysis::TextPool pool;
//   const auto id = pool.intern("«Да»");   // the same id for the same text
//   pool.at(id)                            // -> "«Да»"
//
// Ids are dense from 0; id 0 is the empty text. A view from at() lives as
// long as the pool (moving the pool keeps the views valid). Not thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace analysis {

class TextPool {
 public:
  using Id = std::uint32_t;
  static constexpr Id k_empty = 0;

  TextPool();
  TextPool(TextPool&&) = default;
  TextPool& operator=(TextPool&&) = default;
  // A copy's index would view the original's texts.
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;

  Id intern(std::string_view text);
  // The text of `id` (from this pool's intern()).
  std::string_view at(Id id) const { return m_texts[id]; }
  std::size_t size() const { return m_texts.size(); }

 private:
  std::deque<std::string> m_texts;                 // by id; a deque never moves its strings
  std::unordered_map<std::string_view, Id> m_ids;  // views of m_texts
};

}  // namespace analysis
