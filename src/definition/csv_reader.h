// A small CSV reader for the schools registry and questionnaire exports:
// RFC 4180 quoting ("" inside quotes, delimiters and line breaks inside quoted
// fields), CRLF or LF, the delimiter detected from the header line. Expects
// UTF-8 without BOM (see text_encoding.h). read_csv() takes the whole text;
// CsvParser takes it in chunks and hands over each record as it ends, so an
// export of any size is read with one record in memory.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace definition {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  // 1-based number among all records, blank ones included: the row a
  // spreadsheet shows it on (a quoted field's line breaks do not add rows).
  int number = 0;
  std::vector<std::string> fields;
};

struct CsvTable {
  char delimiter = ';';
  std::vector<CsvRecord> records;  // header first; blank lines skipped
};

struct CsvError {
  int line = 0;  // where the unterminated quoted field (or the over-long record) starts
  std::string message;
};

// The delimiter of the header (first line): whichever of ';', ',' and TAB
// occurs most often outside quotes; ';' on a tie or when none occurs.
char detect_delimiter(std::string_view text);

// Splits `text` into records. Fields are returned verbatim (not trimmed);
// line breaks inside quoted fields become "\n". The one error is a quoted
// field that never closes.
struct CsvResult {
  CsvTable table;
  std::optional<CsvError> error;
};
CsvResult read_csv(std::string_view text);

// The same, incrementally: feed() the text in chunks split anywhere (inside
// a quoted field, between CR and LF), then finish(). Each record that is not
// blank goes to the sink as soon as its line ends; a sink returning false
// stops the parse. A record longer than `max_record_bytes` is an error (a
// quote left open in a large file would otherwise swallow the rest of it).
class CsvParser {
 public:
  using Sink = std::function<bool(CsvRecord&& record)>;

  explicit CsvParser(char delimiter, std::size_t max_record_bytes = 16u << 20);

  // false when the sink stopped the parse or an error occurred (see error()).
  bool feed(std::string_view chunk, const Sink& sink);
  // The last record, if the text does not end with a line break; false as feed().
  bool finish(const Sink& sink);
  const std::optional<CsvError>& error() const { return m_error; }

 private:
  bool take(char c, const Sink& sink);
  bool end_record(const Sink& sink);
  bool grew();

  char m_delim;
  std::size_t m_max_bytes;
  int m_line = 1;
  int m_number = 1;
  CsvRecord m_record{1, 1, {}};
  std::string m_field;
  std::size_t m_bytes = 0;  // of the record so far
  bool m_in_quotes = false;
  bool m_quote_pending = false;  // inside quotes, a '"' whose meaning the next character decides
  bool m_cr_pending = false;     // inside quotes, a CR that may start a CRLF
  bool m_skip_lf = false;        // a record just ended on CR: an LF right after belongs to it
  bool m_stopped = false;
  int m_quote_line = 0;
  std::optional<CsvError> m_error;
};

}  // namespace definition
