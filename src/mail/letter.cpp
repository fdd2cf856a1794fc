#include "mail/letter.h"

#include <map>

#include "mail/tsv_text.h"
#include "util/sha256.h"

namespace mail {

std::vector<FigureChange> compare_figures(const std::vector<Figure>& before, const std::vector<Figure>& after) {
  std::map<std::string, const Figure*> old;
  for (const auto& f : before) old[f.label] = &f;
  std::vector<FigureChange> out;
  for (const auto& f : after) {
    const auto it = old.find(f.label);
    if (it == old.end()) {
      out.push_back({f.label, {}, f.value});
      continue;
    }
    if (it->second->value != f.value) out.push_back({f.label, it->second->value, f.value});
    old.erase(it);
  }
  for (const auto& f : before) {
    if (old.contains(f.label)) out.push_back({f.label, f.value, {}});
  }
  return out;
}

std::string format_figures(const std::vector<Figure>& figures) {
  std::string out;
  for (const auto& f : figures) out += escape_tsv(f.label) + "\t" + escape_tsv(f.value) + "\n";
  return out;
}

model::Expected<std::vector<Figure>> parse_figures(std::string_view text, const std::string& file_name) {
  std::vector<Figure> out;
  int line_no = 0;
  for (const auto line : split_lines(text)) {
    ++line_no;
    if (line.empty()) continue;
    const auto fields = split_tsv_line(line);
    if (fields.size() != 2) {
      return std::unexpected(model::Diagnostic::error(
          {file_name, {}, {}, line_no, {}}, "файл с показателями письма повреждён: ожидалось 2 столбца",
          "удалите файл: письмо будет считаться новым", std::string(line)));
    }
    out.push_back({unescape_tsv(fields[0]), unescape_tsv(fields[1])});
  }
  return out;
}

std::string figures_digest(const std::vector<Figure>& figures) {
  if (figures.empty()) return {};
  return util::sha256_hex(format_figures(figures));
}

}  // namespace mail
