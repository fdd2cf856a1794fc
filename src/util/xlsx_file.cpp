#include "util/xlsx_file.h"

#include <dlfcn.h>
#include <minizip/zip.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "util/atomic_file.h"
#include "util/os_error.h"

// How hard libxlsxwriter deflates the parts of a workbook. It always asks
// minizip for zlib's default, level 6, and has no option for another, and
// deflate is the largest single cost of writing many small workbooks (the
// measurements are in the README, «Measured»). Level 1 (Z_BEST_SPEED) is much
// faster for files a little larger; every reader inflates any level alike.
//
// So this file defines minizip's zipOpenNewFileInZip4_64, declared by the
// installed <minizip/zip.h> so that the compiler checks the signature.
// libxlsxwriter calls it through the dynamic linker once per part: the
// executable's definition is found first, turns the default level into
// k_part_level and hands the call on to libminizip's own (dlsym RTLD_NEXT).
// Any other level a caller asks for is passed on unchanged.
//
// This relies on Debian's shared libxlsxwriter and libminizip. With a static
// libxlsxwriter the call does not go through the dynamic linker: built with
// its own minizip, it never reaches this definition (parts stay at the
// default level, which costs only speed); linked with a static libminizip,
// the link fails with a duplicate symbol. xlsx_file_test reads the level
// flags of the parts we write, so either case is noticed.
namespace {
constexpr int k_part_level = Z_BEST_SPEED;
}  // namespace

extern "C" __attribute__((visibility("default"))) int zipOpenNewFileInZip4_64(
    zipFile file, const char* filename, const zip_fileinfo* zipfi, const void* extrafield_local,
    uInt size_extrafield_local, const void* extrafield_global, uInt size_extrafield_global, const char* comment,
    int method, int level, int raw, int window_bits, int mem_level, int strategy, const char* password,
    uLong crc_for_crypting, uLong version_made_by, uLong flag_base, int zip64) {
  static const auto minizip_open =
      reinterpret_cast<decltype(&zipOpenNewFileInZip4_64)>(::dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (minizip_open == nullptr) return ZIP_INTERNALERROR;  // libxlsxwriter reports it
  if (level == Z_DEFAULT_COMPRESSION) level = k_part_level;
  return minizip_open(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                      size_extrafield_global, comment, method, level, raw, window_bits, mem_level, strategy,
                      password, crc_for_crypting, version_made_by, flag_base, zip64);
}

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
