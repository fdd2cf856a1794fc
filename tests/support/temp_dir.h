// A per-test temporary folder, removed when the test ends.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(std::string_view name) const { return m_path / name; }
  // Writes `bytes` to path()/name and returns the full path.
  std::filesystem::path write(std::string_view name, std::string_view bytes) const;

 private:
  std::filesystem::path m_path;
};

std::string read_file(const std::filesystem::path& p);
std::filesystem::path source_dir();  // the project's root, for templates/ and tests/data/
// SHA-256 of every file under `dir` (recursively), by path relative to `dir`:
// "nothing here changed" in one comparison.
std::map<std::string, std::string> tree_hashes(const std::filesystem::path& dir);

}  // namespace test
