// Recognises a file's format by its first bytes (never by its name) and
// explains, in Russian, why a format that is not a workbook is refused.
#pragma once

#include <span>

#include "ingest/read_error.h"

namespace ingest {

enum class FileKind {
  zip,               // .xlsx/.xlsm, or another zip (Word, OpenDocument): the reader tells
  cfb,               // OLE2 compound file: legacy .xls (or some other Office document)
  encrypted_ooxml,   // OLE2 holding EncryptionInfo/EncryptedPackage: password-protected .xlsx
  raw_biff,          // Excel 2.x-4.0 worksheet: a bare BIFF2-4 stream, no OLE2 container
  empty,
  pdf,
  rtf,
  html,
  spreadsheet_xml,   // Excel 2003 "XML Spreadsheet"
  text,              // CSV or other plain text
  unknown,
};

FileKind sniff_file(std::span<const unsigned char> bytes);

// True when an OLE2 file's workbook stream starts with a BOF record followed
// (within its first records) by FILEPASS: the .xls is encrypted or
// XOR-obfuscated. A heuristic without a CFB parser: a stream starts on a
// 64-byte boundary (mini sectors, sectors, or offset 0 of a bare BIFF2-4
// file), so BOF records are looked for there only.
bool biff_has_filepass(std::span<const unsigned char> bytes);

// Message and hint for kinds that are never read (all but zip and cfb).
ReadError refusal_for(FileKind kind);

}  // namespace ingest
