// The tab-separated text of the outbox's files (journal.tsv, the figures of
// a letter): one record per line, fields separated by TAB, and inside a field
// backslash, TAB, LF and CR written as \\ \t \n \r.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mail {

std::string escape_tsv(std::string_view field);
std::string unescape_tsv(std::string_view field);
// The fields of one line (still escaped).
std::vector<std::string_view> split_tsv_line(std::string_view line);
// The lines of `text` ('\n' ends; the last line may lack it; no trailing empty line).
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace mail
