#include "ingest/inbox_listing.h"

#include <algorithm>
#include <vector>

#include "util/sha256.h"

namespace ingest {

namespace fs = std::filesystem;

namespace {

void list(const fs::path& root, const fs::path& dir, int depth, std::vector<std::string>& out) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.starts_with(".")) continue;
    if (it->is_directory(ec)) {
      if (depth == 0) list(root, it->path(), depth + 1, out);
      continue;
    }
    const auto size = it->file_size(ec);
    const auto mtime = it->last_write_time(ec).time_since_epoch().count();
    out.push_back(it->path().lexically_relative(root).string() + "\t" + std::to_string(ec ? 0 : size) + "\t" +
                  std::to_string(mtime));
  }
}

}  // namespace

std::string inbox_listing(const fs::path& inbox) {
  std::error_code ec;
  if (!fs::is_directory(inbox, ec)) return {};
  std::vector<std::string> lines;
  list(inbox, inbox, 0, lines);
  std::sort(lines.begin(), lines.end());
  util::Sha256 hash;
  for (const auto& l : lines) hash.update(l + "\n");
  return util::to_hex(hash.finish());
}

}  // namespace ingest
