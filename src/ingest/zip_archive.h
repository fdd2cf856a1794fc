// Read-only access to a zip archive (an .xlsx package) held in memory or
// read from its file as needed, with entries streamed in chunks under the
// limits of a ReadBudget. Never reads a whole entry into one buffer: callers
// get it chunk by chunk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/read_error.h"
#include "util/zip_handle.h"

namespace ingest {

// Largest chunk handed to a ZipArchive::read_entry sink.
inline constexpr std::size_t k_zip_chunk_bytes = 64 * 1024;

class ZipArchive {
 public:
  ZipArchive();
  ~ZipArchive();
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Opens the archive in `bytes`, which must outlive this object. Fails on a
  // corrupt or truncated archive and on two entries whose names differ only
  // by case (a package Excel would not write).
  Status open(std::span<const unsigned char> bytes);
  // Opens the archive in the file at `path`, reading only what entries need
  // (a large export is never held whole). The file must not change while open.
  Status open_file(const std::string& path);

  // The stored name of an entry, looked up case-insensitively, with "\" read
  // as "/" and a leading "/" ignored; nullopt when absent.
  std::optional<std::string> find(std::string_view name) const;
  std::vector<std::string> names() const;

  using Sink = std::function<Status(std::string_view chunk)>;
  // Streams the entry `name` (as returned by find()) to `sink` in chunks of at
  // most k_zip_chunk_bytes. Enforces the compression-ratio limit on declared
  // and actual sizes, the budget's uncompressed total and time, and stops at
  // the first error the sink returns.
  Status read_entry(const std::string& name, ReadBudget& budget, const Sink& sink) const;

 private:
  Status index(zip_t* archive);  // takes ownership; lists the entries
  util::ZipPtr m_zip;
  std::unordered_map<std::string, std::uint64_t> m_index;  // normalised name -> entry
  std::vector<std::string> m_names;
};

}  // namespace ingest
