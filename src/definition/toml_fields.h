// Typed, located access to one TOML table of a definition file. Every problem
// (missing key, wrong type, unknown key) becomes a located Russian Diagnostic
// appended to a shared list; reading goes on so that one run reports them all.
// Internal to src/definition/: the public API is definition_loader.h.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "model/diagnostic.h"

namespace definition {

// Line of every key read: "indicator[3].numerator" -> 57, and of every table:
// "indicator[3]" -> the line of its [[indicator]] header.
class SourceMap {
 public:
  void add(std::string key, int line) { m_lines[std::move(key)] = line; }
  // The key's own line, else its enclosing table's ("a[1].b.c" -> "a[1].b" ->
  // "a[1]"), else nullopt.
  std::optional<int> line_of(std::string key) const;

 private:
  std::map<std::string, int> m_lines;
};

// Renders a value as found in the file: strings verbatim, others as TOML.
std::string render_value(const toml::node& node);

// The elements of the array of tables [[name]] at the top of `root`. Missing
// is not an error here (the caller decides); anything other than an array of
// tables is, appended to `out` at the key's line.
std::vector<const toml::table*> array_of_tables(const toml::table& root, std::string_view name,
                                                const std::string& file_name,
                                                std::vector<model::Diagnostic>& out);

class TableReader {
 public:
  // `path` names the table in locations ("indicator[3]", "definition");
  // `section` names it in messages ("[[indicator]]", "[definition]").
  // `table`, `file_name`, `lines` and `out` must outlive the reader.
  TableReader(const toml::table& table, std::string path, std::string section,
              const std::string& file_name, SourceMap& lines, std::vector<model::Diagnostic>& out);

  // Each getter returns nullopt when the key is absent (an error if
  // `required`) or has the wrong type (always an error).
  std::optional<std::string> text(std::string_view key, bool required);
  std::optional<bool> flag(std::string_view key);
  std::optional<double> number(std::string_view key);
  std::vector<std::string> texts(std::string_view key);  // array of strings
  // A string that must be one of `allowed`.
  std::optional<std::string> choice(std::string_view key, std::span<const std::string_view> allowed,
                                    bool required);
  const toml::node* node(std::string_view key) const { return m_table.get(key); }

  // One error per key not in `allowed` (typo protection), with a suggestion.
  void reject_unknown(std::span<const std::string_view> allowed);
  // An error for a key that is present but does not apply ("min" on a yes/no field).
  void reject_present(std::string_view key, std::string_view why);

  model::Location at(std::string_view key) const;
  void error(std::string_view key, std::string message, std::string hint = {},
             std::string found = {});
  const std::string& path() const { return m_path; }
  int line() const { return m_line; }

 private:
  const toml::table& m_table;
  std::string m_path;
  std::string m_section;
  const std::string& m_file_name;
  SourceMap& m_lines;
  std::vector<model::Diagnostic>& m_out;
  int m_line = 0;
};

}  // namespace definition
