#include "report/docx_document.h"

#include <cmath>
#include <cstdint>

#include "util/utf8.h"

namespace report::docx {

namespace {

constexpr double k_twips_per_cm = 566.93;
constexpr int k_text_width_twips = 9355;  // A4 minus 3 cm + 1.5 cm margins (docx_package.cpp)

const char* align_value(Align a) {
  switch (a) {
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::right: return "right";
    case Align::both: return "both";
  }
  return "left";
}

constexpr const char* k_nbsp = "\xC2\xA0";

bool ends_with_digit(const std::string& s) { return !s.empty() && s.back() >= '0' && s.back() <= '9'; }

// Russian typography: a unit stays on the line of its number («10 %», «35,0 п.п.»,
// «12 ОО», «2022 г.», «№ 5»), and a dash never starts a line.
std::string typeset(std::string_view text) {
  static constexpr std::string_view k_after_number[] = {"%", "п.п.", "ОО", "г.", "год", "балл"};
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ') {
      out += text[i];
      continue;
    }
    const auto rest = text.substr(i + 1);
    bool glue = out.ends_with("№") || rest.starts_with("—") || rest.starts_with("\u2212");
    if (!glue && ends_with_digit(out)) {
      for (const auto unit : k_after_number) glue = glue || rest.starts_with(unit);
    }
    out += glue ? k_nbsp : " ";
  }
  return out;
}

std::string run_properties(const Span& s) {
  std::string p;
  if (s.bold) p += "<w:b/><w:bCs/>";
  if (s.italic) p += "<w:i/><w:iCs/>";
  if (s.spaced) p += "<w:spacing w:val=\"60\"/>";
  if (s.placeholder) p += "<w:highlight w:val=\"yellow\"/>";
  return p.empty() ? p : "<w:rPr>" + p + "</w:rPr>";
}

std::string paragraph_properties(const ParagraphFormat& f) {
  std::string p;
  if (!f.style.empty()) p += "<w:pStyle w:val=\"" + xml_escape(f.style) + "\"/>";
  if (f.keep_next) p += "<w:keepNext/>";
  if (f.page_break_before) p += "<w:pageBreakBefore/>";
  if (f.right_tab) {
    p += "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + std::to_string(k_text_width_twips) +
         "\"/></w:tabs>";
  }
  if (f.space_before_pt != 0 || f.space_after_pt != 0) {
    p += "<w:spacing w:before=\"" + std::to_string(f.space_before_pt * 20) + "\" w:after=\"" +
         std::to_string(f.space_after_pt * 20) + "\"/>";
  }
  if (!f.indent) p += "<w:ind w:firstLine=\"0\"/>";
  if (f.align) p += "<w:jc w:val=\"" + std::string(align_value(*f.align)) + "\"/>";
  return p.empty() ? p : "<w:pPr>" + p + "</w:pPr>";
}

int twips(double cm) { return static_cast<int>(std::lround(cm * k_twips_per_cm)); }

}  // namespace

std::string runs_xml(const std::vector<Span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    const std::string props = run_properties(s);
    const std::string text = xml_escape(typeset(s.text));
    std::string content;
    std::string pending;
    const auto flush = [&] {
      if (!pending.empty()) content += "<w:t xml:space=\"preserve\">" + pending + "</w:t>";
      pending.clear();
    };
    for (const char c : text) {
      if (c == '\t' || c == '\n') {
        flush();
        content += c == '\t' ? "<w:tab/>" : "<w:br/>";
      } else {
        pending += c;
      }
    }
    flush();
    if (!content.empty()) out += "<w:r>" + props + content + "</w:r>";
  }
  return out;
}

TableCell cell(std::string text, Align align) { return TableCell{{Span{std::move(text)}}, align, 1}; }

TableRow header_row(const std::vector<std::string>& titles) {
  TableRow row;
  row.header = true;
  for (const auto& t : titles) row.cells.push_back(TableCell{{Span{t, true}}, Align::center, 1});
  return row;
}

TableRow group_row(std::string text, int columns) {
  TableRow row;
  row.group = true;
  row.cells.push_back(TableCell{{Span{std::move(text), false, true}}, Align::left, columns});
  return row;
}

void Document::paragraph(std::string_view text, const ParagraphFormat& format) {
  paragraph(std::vector<Span>{Span{std::string(text)}}, format);
}

void Document::paragraph(const std::vector<Span>& spans, const ParagraphFormat& format) {
  m_body += "<w:p>" + paragraph_properties(format) + runs_xml(spans) + "</w:p>";
}

void Document::heading(int level, std::string_view text) {
  ParagraphFormat f;
  f.style = level <= 1 ? k_heading1 : k_heading2;
  paragraph(text, f);
}

void Document::empty_line() { m_body += "<w:p/>"; }

void Document::table(const Table& table) {
  int total = 0;
  for (const double w : table.widths_cm) total += twips(w);
  std::string x = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" +
                  std::to_string(total) +
                  "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                  "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
                  "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (const double w : table.widths_cm) x += "<w:gridCol w:w=\"" + std::to_string(twips(w)) + "\"/>";
  x += "</w:tblGrid>";
  for (const auto& row : table.rows) {
    x += "<w:tr><w:trPr><w:cantSplit/>";
    if (row.header) x += "<w:tblHeader/>";
    x += "</w:trPr>";
    std::size_t col = 0;
    for (const auto& c : row.cells) {
      int width = 0;
      for (int k = 0; k < c.span && col < table.widths_cm.size(); ++k) width += twips(table.widths_cm[col++]);
      x += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (c.span > 1) x += "<w:gridSpan w:val=\"" + std::to_string(c.span) + "\"/>";
      if (row.header || row.group) x += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>";
      x += "<w:vAlign w:val=\"" + std::string(row.header ? "center" : "top") + "\"/></w:tcPr>";
      ParagraphFormat f;
      f.style = k_table_text;
      f.align = c.align;
      f.keep_next = row.header || row.group;  // a heading row never ends a page
      x += "<w:p>" + paragraph_properties(f) + runs_xml(c.spans) + "</w:p></w:tc>";
    }
    x += "</w:tr>";
  }
  x += "</w:tbl>";
  m_body += x;
  // Word needs a paragraph between two tables (and after the last one).
  m_body += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(k_table_text) + "\"/></w:pPr></w:p>";
}

}  // namespace report::docx
