#include "report/sheet_names.h"

#include <cstdint>

#include "report/cell_text.h"
#include "util/utf8.h"

namespace report {

namespace {

bool is_blank(std::uint32_t cp) { return cp == ' ' || cp == 0xA0; }

// Cuts `name` (valid UTF-8) to at most `max_units` UTF-16 units.
std::string cut(std::string_view name, std::size_t max_units) {
  std::string out;
  std::size_t units = 0;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t start = i;
    const auto cp = util::next_code_point(name, i);
    const std::size_t w = cp >= 0x10000 ? 2 : 1;
    if (units + w > max_units) break;
    units += w;
    out.append(name.substr(start, i - start));
  }
  return out;
}

std::string trim_blanks(std::string_view name) {
  std::string out(name);
  while (!out.empty() && (out.back() == ' ')) out.pop_back();
  while (out.ends_with("\xC2\xA0")) out.erase(out.size() - 2);
  std::size_t start = 0;
  while (start < out.size() && out[start] == ' ') ++start;
  return out.substr(start);
}

}  // namespace

std::string valid_sheet_name(std::string_view wanted) {
  const std::string clean = sanitize_utf8(wanted);
  std::string out;
  bool last_blank = true;  // drops leading blanks and collapses runs
  for (std::size_t i = 0; i < clean.size();) {
    std::uint32_t cp = util::next_code_point(clean, i);
    if (cp < 0x20 || cp == 0x7F || is_blank(cp)) {
      if (!last_blank) out += ' ';
      last_blank = true;
      continue;
    }
    switch (cp) {
      case '[': case ']': case ':': case '*': case '?': case '/': case '\\':
        cp = '_';
        break;
      case '\'':
        cp = 0x2019;  // a typographic apostrophe is allowed anywhere
        break;
      default:
        break;
    }
    util::append_utf8(out, cp);
    last_blank = false;
  }
  out = trim_blanks(cut(trim_blanks(out), k_max_sheet_name));
  if (out.empty()) out = "Лист";
  if (lower_text(out) == "history") out = "History_";
  return out;
}

std::string lower_text(std::string_view name) {
  std::string out;
  const std::string clean = sanitize_utf8(name);
  for (std::size_t i = 0; i < clean.size();) {
    std::uint32_t cp = util::next_code_point(clean, i);
    if (cp >= 'A' && cp <= 'Z') {
      cp += 0x20;
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 0x20;  // Latin-1 capitals
    } else if (cp >= 0x410 && cp <= 0x42F) {
      cp += 0x20;  // А..Я
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 0x50;  // Ё, Ђ, ... (Ё -> ё)
    }
    util::append_utf8(out, cp);
  }
  return out;
}

void SheetNamer::reserve(std::string_view name) { m_taken.insert(lower_text(name)); }

bool SheetNamer::taken(std::string_view name) const { return m_taken.contains(lower_text(name)); }

std::string SheetNamer::unique_name(std::string_view wanted) {
  const std::string base = valid_sheet_name(wanted);
  std::string name = base;
  for (int n = 2; taken(name); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = trim_blanks(cut(base, k_max_sheet_name - suffix.size())) + suffix;
  }
  reserve(name);
  return name;
}

}  // namespace report
