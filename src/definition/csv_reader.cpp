#include "definition/csv_reader.h"

#include <algorithm>
#include <array>

namespace definition {

char detect_delimiter(std::string_view text) {
  constexpr std::array<char, 3> k_candidates = {';', ',', '\t'};
  std::array<int, 3> counts{};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t k = 0; k < k_candidates.size(); ++k) {
      if (c == k_candidates[k]) ++counts[k];
    }
  }
  const auto best = std::max_element(counts.begin(), counts.end());  // first on a tie: ';'
  return *best == 0 ? ';' : k_candidates[static_cast<std::size_t>(best - counts.begin())];
}

namespace {

bool is_blank(const CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) {
    return f.find_first_not_of(" \t") == std::string::npos;
  });
}

}  // namespace

CsvResult read_csv(std::string_view text) {
  CsvResult result;
  const char delim = detect_delimiter(text);
  result.table.delimiter = delim;

  int line = 1;
  CsvRecord record{line, {}};
  std::string field;
  bool in_quotes = false;
  int quote_line = 0;

  const auto end_record = [&]() {
    record.fields.push_back(std::move(field));
    field.clear();
    if (!is_blank(record)) result.table.records.push_back(std::move(record));
    record = CsvRecord{line, {}};
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        // CRLF inside a quoted field: keep one "\n"; the LF is taken next.
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
      // An opening quote (spaces before it, as some tools write, are dropped).
      field.clear();
      in_quotes = true;
      quote_line = line;
    } else if (c == delim) {
      record.fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      field += c;
    }
  }
  if (in_quotes) {
    result.error = CsvError{quote_line, "кавычка, открытая в этой строке, не закрыта до конца файла"};
    return result;
  }
  if (!field.empty() || !record.fields.empty()) end_record();
  return result;
}

}  // namespace definition
