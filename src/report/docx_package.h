// A .docx file (Office Open XML, WordprocessingML) written by us through
// libzip: [Content_Types].xml, the package and document relationships, core
// and application properties, styles (Normal, Title, Heading 1/2, the
// letterhead, table text, a grid table style), settings, and a footer with
// the page number (a PAGE field). A4 portrait, margins 3 / 1.5 / 2 / 2 cm,
// the configured font and size, line spacing as configured (1.5 by default),
// Russian language and «,» as the decimal symbol.
//
// The file is published atomically (util/atomic_file.h): written to a
// temporary file beside `out_file`, then renamed; on failure the target is
// untouched and the Diagnostic names it. Parts are stored in a fixed order
// with a fixed timestamp (`properties.zip_time`), so the same document gives
// the same bytes.
//
//   report::docx::Document doc;
//   doc.paragraph("Аналитическая справка", {.style = report::docx::k_title});
//   const report::docx::Properties props{"Аналитическая справка", "МКУ ИМЦ", "2026-11-23T09:00:00Z", 0};
//   if (auto w = report::docx::write_docx(doc, {}, props, out / "Справка.docx"); !w) return w;
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "report/docx_document.h"

namespace report::docx {

struct PageStyle {
  std::string font = "Times New Roman";
  double font_size_pt = 14;     // body text; tables use font_size_pt - 2 (at least 9)
  double line_spacing = 1.5;    // body text; tables and the letterhead are single-spaced
};

struct Properties {
  std::string title;
  std::string creator;        // the organisation
  std::string created;        // W3C date-time in UTC, "2026-11-23T09:00:00Z"; empty: omitted
  std::int64_t zip_time = 0;  // seconds since the epoch for the zip entries; 0: 1980-01-01
};

// word/styles.xml for `style` (docx_styles.cpp).
std::string styles_xml(const PageStyle& style);

// The parts of the package, name -> XML, in the order they are stored.
std::vector<std::pair<std::string, std::string>> docx_parts(const Document& document,
                                                           const PageStyle& style,
                                                           const Properties& properties);

model::Expected<void> write_docx(const Document& document, const PageStyle& style,
                                 const Properties& properties,
                                 const std::filesystem::path& out_file);

}  // namespace report::docx
