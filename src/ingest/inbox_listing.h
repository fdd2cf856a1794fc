// What the daily run compares to tell whether an inbox changed since the
// results were computed: a digest of the listing (relative path, size,
// modification time) of the files the inbox scan would look at — the folder
// and one level of subfolders, hidden ones left out (ingest/inbox.h).
// Only stat(): no file is opened, so an idle day stays cheap.
#pragma once

#include <filesystem>
#include <string>

namespace ingest {

// SHA-256 hex of the sorted listing; "" when the folder does not exist.
std::string inbox_listing(const std::filesystem::path& inbox);

}  // namespace ingest
