// Helpers shared by the reader's tests (header only; tests/ingest/ globs
// *_test.cpp only).
#pragma once

#include <span>
#include <string>

#include "ingest/read_error.h"
#include "ingest/workbook_model.h"
#include "ingest/xlsx_reader.h"

namespace test {

inline std::span<const unsigned char> as_bytes(const std::string& s) {
  return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

// Runs the core .xlsx reader over `bytes`.
inline ingest::Status read_xlsx_bytes(const std::string& bytes, ingest::Workbook& out,
                                      const ingest::ReadLimits& limits = {}) {
  ingest::ReadBudget budget(limits);
  return ingest::read_xlsx(as_bytes(bytes), budget, out);
}

// The error's message or "" on success, for EXPECT_THAT(..., HasSubstr(...)).
inline std::string error_text(const ingest::Status& s) { return s ? s->message : std::string(); }

}  // namespace test
