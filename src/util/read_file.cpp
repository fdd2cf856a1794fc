#include "util/read_file.h"

#include <fstream>
#include <sstream>

namespace util {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  // An ifstream "opens" a folder on Linux and reads nothing: say no instead.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace util
