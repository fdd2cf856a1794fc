// Whole-file reads for small text inputs (definitions, registries, mail
// attachments). Large inputs (workbooks) are streamed by their readers.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace util {

// The file's bytes; nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace util
