// The reason of a failed system call in words a methodist or an
// administrator reads: Russian for the errors a run meets in practice (no
// space, no permission, read-only disk, a file where a folder should be,
// a name too long), the C library's text otherwise.
//
//   if (::open(p, O_CREAT | O_EXCL) < 0) message += ": " + util::os_error_text(errno);
#pragma once

#include <string>
#include <system_error>

namespace util {

std::string os_error_text(int err);
std::string os_error_text(const std::error_code& ec);

}  // namespace util
