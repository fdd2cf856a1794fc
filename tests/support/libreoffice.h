// LibreOffice headless as an independent reader of the workbooks we write:
// convert to PDF (which also proves the file opens) and read the PDF's text.
#pragma once

#include <filesystem>
#include <string>

#include "support/temp_dir.h"

namespace test {

bool have_libreoffice();

// Converts `xlsx` to PDF inside `dir` (with a private LibreOffice profile
// there, so parallel tests do not share a lock) and returns `pdftotext
// -layout` of it; "" and a test failure when the conversion fails.
std::string pdf_text(const std::filesystem::path& xlsx, const TempDir& dir);

}  // namespace test
