#include "util/publish_batch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "util/atomic_file.h"
#include "util/os_error.h"

namespace util {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }

// Flushes the file system holding `dir`; falls back to fsync of `files`
// where syncfs() is not available. Returns errno, 0 on success.
int sync_file_system(const fs::path& dir, const std::vector<const fs::path*>& files) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return errno;
  int err = ::syncfs(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (err != ENOSYS) return err;
  for (const auto* f : files) {
    const int ffd = ::open(f->c_str(), O_RDONLY);
    if (ffd < 0) return errno;
    err = ::fsync(ffd) == 0 ? 0 : errno;
    ::close(ffd);
    if (err != 0) return err;
  }
  return 0;
}

}  // namespace

PublishBatch::~PublishBatch() {
  std::error_code ec;
  for (const auto& [temp, final_path] : m_files) fs::remove(temp, ec);
}

void PublishBatch::add(fs::path temp, fs::path final_path) {
  const std::lock_guard lock(m_mutex);
  m_files.emplace_back(std::move(temp), std::move(final_path));
}

void PublishBatch::take(PublishBatch& other) {
  if (&other == this) return;
  const std::scoped_lock lock(m_mutex, other.m_mutex);
  for (auto& f : other.m_files) m_files.push_back(std::move(f));
  other.m_files.clear();
}

std::size_t PublishBatch::size() const {
  const std::lock_guard lock(m_mutex);
  return m_files.size();
}

std::size_t PublishBatch::published() const {
  const std::lock_guard lock(m_mutex);
  return m_published;
}

model::Expected<void> PublishBatch::commit() {
  const std::lock_guard lock(m_mutex);
  auto files = std::move(m_files);
  m_files.clear();
  m_published = 0;
  std::error_code ec;
  const auto drop_from = [&](std::size_t first) {
    for (std::size_t i = first; i < files.size(); ++i) fs::remove(files[i].first, ec);
  };
  // One sync per file system: the temporary files grouped by their folder's device.
  std::map<fs::path, dev_t> device_of;
  std::map<dev_t, std::pair<fs::path, std::vector<const fs::path*>>> by_device;  // a folder, files
  for (const auto& [temp, final_path] : files) {
    const auto folder = folder_of(temp);
    auto known = device_of.find(folder);
    if (known == device_of.end()) {
      struct stat st{};
      if (::stat(folder.c_str(), &st) != 0) continue;  // the rename below reports it
      known = device_of.emplace(folder, st.st_dev).first;
    }
    auto& group = by_device[known->second];
    if (group.first.empty()) group.first = folder;
    group.second.push_back(&temp);
  }
  for (const auto& [device, group] : by_device) {
    if (const int err = sync_file_system(group.first, group.second); err != 0) {
      drop_from(0);
      return std::unexpected(file_write_error(files.front().second, os_error_text(err)));
    }
  }
  std::set<fs::path> folders;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& [temp, final_path] = files[i];
    if (::rename(temp.c_str(), final_path.c_str()) != 0) {
      const std::string why = os_error_text(errno);
      drop_from(i);
      return std::unexpected(file_write_error(final_path, why));
    }
    m_published = i + 1;
    folders.insert(folder_of(final_path));
  }
  // Make the renames durable; failure here does not undo the publishing.
  for (const auto& dir : folders) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) continue;
    ::fsync(fd);
    ::close(fd);
  }
  return {};
}

}  // namespace util
