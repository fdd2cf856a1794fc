// A flat binary encoding of a Workbook or a ReadError, used to hand the
// result of a reader run in a child process (see child_process.h) back to
// the parent. Not a file format: both ends are the same binary.
#pragma once

#include <string>
#include <string_view>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"

namespace ingest {

// Appends the encoding of `status` (and of `book` when status is empty).
void encode_result(const Status& status, const Workbook& book, std::string& out);

// Decodes what encode_result() wrote into `status` and `book`. Returns false
// for truncated or malformed input, leaving both unspecified.
bool decode_result(std::string_view in, Status& status, Workbook& book);

}  // namespace ingest
