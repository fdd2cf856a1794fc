// The body of a Word document (WordprocessingML, word/document.xml) built
// paragraph by paragraph: styled paragraphs, headings that are Word heading
// styles (a methodist can restyle them), and real tables whose header rows
// repeat on every page. docx_package.h wraps the body into a .docx file.
//
// Text is taken as UTF-8 and made safe for XML here: markup characters are
// escaped, bytes that are not valid UTF-8 become U+FFFD, characters XML 1.0
// forbids (control characters, U+FFFE, U+FFFF) are dropped; '\t' becomes a
// tab and '\n' a line break inside the paragraph.
//
//   report::docx::Document doc;
//   doc.heading(1, "Выводы");
//   doc.paragraph("По итогам мониторинга …");
//   report::docx::Table t;
//   t.widths_cm = {1.2, 10, 4};
//   t.rows.push_back(report::docx::header_row({"№", "Показатель", "Значение"}));
//   doc.table(t);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/xml_escape.h"

namespace report::docx {

// Style ids defined in styles.xml (docx_package.cpp). Headings are Word's
// built-in «heading 1» / «heading 2» (shown as «Заголовок 1/2» in a Russian
// Word or LibreOffice).
inline constexpr const char* k_title = "Title";
inline constexpr const char* k_heading1 = "Heading1";
inline constexpr const char* k_heading2 = "Heading2";
inline constexpr const char* k_letterhead = "Letterhead";  // «Реквизиты бланка»
inline constexpr const char* k_table_text = "TableText";   // «Текст таблицы»

enum class Align { left, center, right, both };

// A run of text. A placeholder is something only a person can fill in (the
// number and date of an order, a signatory): it is highlighted in yellow so
// it cannot go unnoticed.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool placeholder = false;
  bool spaced = false;  // letter-spaced: «П Р И К А З»
};

struct ParagraphFormat {
  std::string style;            // style id; empty: Normal
  std::optional<Align> align;   // empty: the style's
  bool indent = true;           // first-line indent of Normal (1.25 cm); false: none
  bool keep_next = false;       // keep with the next paragraph
  bool page_break_before = false;
  int space_before_pt = 0;
  int space_after_pt = 0;
  // A right-aligned tab stop at the right margin: "от «__» … <tab> № __".
  bool right_tab = false;

  // Builders: ParagraphFormat::at(Align::center).space(6, 6).
  static ParagraphFormat styled(std::string style_id) {
    ParagraphFormat f;
    f.style = std::move(style_id);
    return f;
  }
  // Aligned, without the first-line indent.
  static ParagraphFormat at(Align a) {
    ParagraphFormat f;
    f.align = a;
    f.indent = false;
    return f;
  }
  ParagraphFormat& aligned(Align a) {
    align = a;
    return *this;
  }
  ParagraphFormat& space(int before_pt, int after_pt) {
    space_before_pt = before_pt;
    space_after_pt = after_pt;
    return *this;
  }
  ParagraphFormat& tab_right() {
    right_tab = true;
    return *this;
  }
  ParagraphFormat& keep() {
    keep_next = true;
    return *this;
  }
};

struct TableCell {
  std::vector<Span> spans;
  Align align = Align::left;
  int span = 1;  // columns merged into this cell (w:gridSpan)
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;  // repeated at the top of each page (w:tblHeader), bold, shaded
  bool group = false;   // a heading row inside the table (shaded, italic)
};

struct Table {
  std::vector<double> widths_cm;  // one per grid column
  std::vector<TableRow> rows;     // header rows first
};

// Convenience builders.
TableCell cell(std::string text, Align align = Align::left);
TableRow header_row(const std::vector<std::string>& titles);
TableRow group_row(std::string text, int columns);

class Document {
 public:
  void paragraph(std::string_view text, const ParagraphFormat& format = {});
  void paragraph(const std::vector<Span>& spans, const ParagraphFormat& format = {});
  // Level 1 or 2 (Heading1 / Heading2), kept with the next paragraph.
  void heading(int level, std::string_view text);
  void table(const Table& table);
  void empty_line();

  // The children of <w:body> written so far (without the final w:sectPr).
  const std::string& body() const { return m_body; }

 private:
  std::string m_body;
};

// Text made safe for an XML element or attribute value (util/xml_escape.h;
// '\t' and '\n' are kept as they are).
using util::xml_escape;

// The runs (<w:r>) for `spans`, with tabs and line breaks.
std::string runs_xml(const std::vector<Span>& spans);

}  // namespace report::docx
