#include "util/xlsx_file.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "util/atomic_file.h"
#include "util/os_error.h"

namespace util {

namespace fs = std::filesystem;

namespace {
model::Diagnostic write_error(const fs::path& p, const std::string& what) {
  return model::Diagnostic::error({p.filename().string(), {}, {}, {}, {}},
                                  "не удалось записать книгу " + p.string() + ": " + what,
                                  "проверьте, что папка доступна для записи и на диске есть место");
}
}  // namespace

std::string lxw_error_text(lxw_error err) { return std::string("lxw: ") + lxw_strerror(err); }

namespace {

// libxlsxwriter assembles every part of a workbook in a temporary file before
// zipping it: a dozen files created and deleted per workbook. On a disk file
// system that is journal work for every one of them (half the wall time of a
// run writing 2,000 small workbooks); in memory it is nearly free. So: the
// memory file system when there is one with room to spare, unless the
// administrator chose TMPDIR; else libxlsxwriter's default (TMPDIR, /tmp).
// The files are unlinked as soon as they are opened, so nothing is left
// behind by a killed run.
const char* temporary_folder() {
  static const std::string folder = [] {
    constexpr unsigned long long k_room = 256ull << 20;
    if (std::getenv("TMPDIR") != nullptr) return std::string();
    struct statvfs st {};
    if (::statvfs("/dev/shm", &st) != 0 || ::access("/dev/shm", W_OK) != 0) return std::string();
    const auto free_bytes = static_cast<unsigned long long>(st.f_bavail) * st.f_frsize;
    return free_bytes >= k_room ? std::string("/dev/shm") : std::string();
  }();
  return folder.empty() ? nullptr : folder.c_str();
}

}  // namespace

model::Expected<XlsxFile> XlsxFile::create(const fs::path& final_path, bool constant_memory) {
  std::error_code ec;
  if (!final_path.parent_path().empty()) fs::create_directories(final_path.parent_path(), ec);
  if (ec) return std::unexpected(write_error(final_path, ec.message()));
  auto temp = temp_path_for(final_path);
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = const_cast<char*>(temporary_folder());  // copied by libxlsxwriter
  lxw_workbook* book = workbook_new_opt(temp.c_str(), &options);
  if (book == nullptr) return std::unexpected(write_error(final_path, "libxlsxwriter не создал книгу"));
  return XlsxFile(book, std::move(temp), final_path);
}

XlsxFile::XlsxFile(lxw_workbook* book, fs::path temp, fs::path final_path)
    : m_book(book), m_temp(std::move(temp)), m_final(std::move(final_path)) {}

XlsxFile::XlsxFile(XlsxFile&& other) noexcept
    : m_book(other.m_book), m_temp(std::move(other.m_temp)), m_final(std::move(other.m_final)) {
  other.m_book = nullptr;
}

XlsxFile::~XlsxFile() {
  if (m_book == nullptr) return;
  lxw_workbook_free(m_book);
  std::error_code ec;
  fs::remove(m_temp, ec);
}

model::Expected<void> XlsxFile::commit(const Finish& finish, PublishBatch* batch) {
  if (m_book == nullptr) return std::unexpected(write_error(m_final, "книга уже закрыта"));
  errno = 0;
  const lxw_error err = workbook_close(m_book);  // writes and frees
  const int os_err = errno;  // why a file operation failed (full disk, …); libxlsxwriter only says that it did
  m_book = nullptr;
  if (err != LXW_NO_ERROR) {
    std::error_code ec;
    fs::remove(m_temp, ec);
    const std::string why = os_err != 0 ? os_error_text(os_err) + " (" + lxw_error_text(err) + ")" : lxw_error_text(err);
    return std::unexpected(write_error(m_final, why));
  }
  if (finish) {
    if (auto done = finish(m_temp); !done) {
      std::error_code ec;
      fs::remove(m_temp, ec);
      return done;
    }
  }
  if (batch != nullptr) {
    batch->add(m_temp, m_final);
    return {};
  }
  return publish(m_temp, m_final);
}

}  // namespace util
