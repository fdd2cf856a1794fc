// A small CSV reader for the schools registry: RFC 4180 quoting ("" inside
// quotes, delimiters and line breaks inside quoted fields), CRLF or LF, the
// delimiter detected from the header line. Expects UTF-8 without BOM (see
// text_encoding.h). Internal to src/definition/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace definition {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  char delimiter = ';';
  std::vector<CsvRecord> records;  // header first; blank lines skipped
};

struct CsvError {
  int line = 0;  // where the unterminated quoted field starts
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

}  // namespace definition
