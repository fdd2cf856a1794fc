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

CsvParser::CsvParser(char delimiter, std::size_t max_record_bytes)
    : m_delim(delimiter), m_max_bytes(max_record_bytes) {}

bool CsvParser::grew() {
  if (++m_bytes <= m_max_bytes) return true;
  m_error = CsvError{m_in_quotes ? m_quote_line : m_record.line,
                     "запись, которая начинается в этой строке, длиннее " + std::to_string(m_max_bytes >> 20) +
                         " МБ" + (m_in_quotes ? ": вероятно, в ней не закрыта кавычка" : "")};
  return false;
}

bool CsvParser::end_record(const Sink& sink) {
  m_record.fields.push_back(std::move(m_field));
  m_field.clear();
  bool go_on = true;
  if (!is_blank(m_record)) go_on = sink(std::move(m_record));
  m_record = CsvRecord{m_line, ++m_number, {}};
  m_bytes = 0;
  return go_on;
}

bool CsvParser::take(char c, const Sink& sink) {
  if (m_skip_lf) {
    m_skip_lf = false;
    if (c == '\n') return true;
  }
  if (m_cr_pending) {
    m_cr_pending = false;
    if (c != '\n') {  // a lone CR inside quotes is kept; of a CRLF only the LF
      m_field += '\r';
      if (!grew()) return false;
    }
  }
  if (m_quote_pending) {
    m_quote_pending = false;
    if (c == '"') {
      m_field += '"';
      return grew();
    }
    m_in_quotes = false;  // the quote closed the field; c is read outside quotes
  }
  if (m_in_quotes) {
    if (c == '"') {
      m_quote_pending = true;
    } else if (c == '\r') {
      m_cr_pending = true;
    } else {
      if (c == '\n') ++m_line;
      m_field += c;
      return grew();
    }
    return true;
  }
  if (c == '"' && m_field.find_first_not_of(" \t") == std::string::npos) {
    // An opening quote (spaces before it, as some tools write, are dropped).
    m_field.clear();
    m_in_quotes = true;
    m_quote_line = m_line;
  } else if (c == m_delim) {
    m_record.fields.push_back(std::move(m_field));
    m_field.clear();
  } else if (c == '\n' || c == '\r') {
    m_skip_lf = c == '\r';
    ++m_line;
    return end_record(sink);
  } else {
    m_field += c;
  }
  return grew();
}

bool CsvParser::feed(std::string_view chunk, const Sink& sink) {
  if (m_stopped || m_error) return false;
  for (const char c : chunk) {
    if (!take(c, sink)) {
      m_stopped = true;
      return false;
    }
  }
  return true;
}

bool CsvParser::finish(const Sink& sink) {
  if (m_stopped || m_error) return false;
  if (m_cr_pending) {
    m_cr_pending = false;
    m_field += '\r';
  }
  if (m_quote_pending) {
    m_quote_pending = false;
    m_in_quotes = false;
  }
  if (m_in_quotes) {
    m_error = CsvError{m_quote_line, "кавычка, открытая в этой строке, не закрыта до конца файла"};
    return false;
  }
  if (!m_field.empty() || !m_record.fields.empty()) return end_record(sink);
  return true;
}

CsvResult read_csv(std::string_view text) {
  CsvResult result;
  result.table.delimiter = detect_delimiter(text);
  CsvParser parser(result.table.delimiter, text.size() + 1);
  const auto keep = [&](CsvRecord&& r) {
    result.table.records.push_back(std::move(r));
    return true;
  };
  if (parser.feed(text, keep)) parser.finish(keep);
  result.error = parser.error();
  return result;
}

}  // namespace definition
