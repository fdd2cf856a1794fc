#include "util/text_key.h"

#include "util/text_case.h"
#include "util/utf8.h"

namespace util {

namespace {

// Letters and digits; the rest of Latin-1, general punctuation, «№» and the
// other symbol blocks separate words.
bool is_word_char(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x400 && cp <= 0x4FF);
}

}  // namespace

std::string text_key(std::string_view text) {
  const std::string folded = lower_text(text);
  std::string out;
  out.reserve(folded.size());
  bool gap = false;
  std::size_t i = 0;
  while (i < folded.size()) {
    const std::size_t start = i;
    const std::uint32_t cp = next_code_point(folded, i);
    if (!is_word_char(cp)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    if (cp == 0x451) {  // ё -> е
      out += "\xD0\xB5";
    } else {
      out.append(folded, start, i - start);
    }
  }
  return out;
}

}  // namespace util
