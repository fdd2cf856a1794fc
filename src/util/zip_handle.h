// Owning handles of libzip: an archive that is discarded (never written back)
// unless the caller closes it with zip_close() and releases the handle, and a
// file opened inside an archive.
//
//   util::ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &error));
//   util::ZipFilePtr part(zip_fopen(zip.get(), "xl/workbook.xml", 0));
#pragma once

#include <zip.h>

#include <memory>

namespace util {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

}  // namespace util
