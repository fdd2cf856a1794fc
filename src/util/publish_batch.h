// Publishing many files at once (a run's directors' workbooks, its archive
// copies) with the promise of util::publish() for each, but one sync for all
// of them instead of one per file: an fsync costs a journal commit each,
// which made writing a region's workbooks wait on the disk.
//
//   util::PublishBatch batch;
//   for (...) {  // each file written in full to temp_path_for(target) first
//     batch.add(temp, target);
//   }
//   if (auto done = batch.commit(); !done) return done;
//
// commit() makes every temporary file durable with one syncfs() per file
// system involved, then renames each over its target (in the order added)
// and syncs each target folder once. Killed before the renames, a run leaves
// only temporary files (util::remove_stale_temp_files removes them); after
// that, each target is the old file or the new one, never a part of one. The
// set as a whole is not atomic: a failure part-way leaves the files renamed
// before it published.
#pragma once

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <utility>
#include <vector>

#include "model/diagnostic.h"

namespace util {

class PublishBatch {
 public:
  PublishBatch() = default;
  PublishBatch(const PublishBatch&) = delete;
  PublishBatch& operator=(const PublishBatch&) = delete;
  // Removes the temporary files of a batch that was never committed.
  ~PublishBatch();

  // A written temporary file and where it goes. Thread-safe.
  void add(std::filesystem::path temp, std::filesystem::path final_path);
  // Moves `other`'s files, in their order, to the end of this batch.
  void take(PublishBatch& other);
  // Files added and not yet committed.
  std::size_t size() const;

  // Syncs, renames, syncs the folders; the first failure is returned (as
  // publish() names it), the temporary files not renamed are removed.
  // The batch is empty afterwards and may be reused.
  model::Expected<void> commit();
  // How many files the last commit() published (renamed), in the order they
  // were added: after a failure, the ones from this index on were not.
  std::size_t published() const;

 private:
  mutable std::mutex m_mutex;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> m_files;  // temp, final
  std::size_t m_published = 0;
};

}  // namespace util
