#include "support/docx_dump.h"

#include <gtest/gtest.h>

#include "support/openpyxl_check.h"

namespace test {

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto end = line.find(sep, start);
    out.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> DocxDump::headings(int level) const {
  std::vector<std::string> out;
  const std::string style = "Heading " + std::to_string(level);
  for (const auto& p : paragraphs) {
    if (p.style == style) out.push_back(p.text);
  }
  return out;
}

std::string DocxDump::all_text() const {
  std::string out;
  for (const auto& p : paragraphs) out += p.text + "\n";
  for (const auto& t : tables) {
    for (const auto& r : t) {
      for (const auto& c : r) out += c + "\n";
    }
  }
  return out;
}

std::string DocxDump::paragraph_starting(const std::string& prefix) const {
  for (const auto& p : paragraphs) {
    if (p.text.starts_with(prefix)) return p.text;
  }
  return "";
}

std::vector<std::string> DocxDump::row(std::size_t table, const std::string& first) const {
  if (table >= tables.size()) return {};
  for (const auto& r : tables[table]) {
    if (!r.empty() && r.front() == first) return r;
  }
  return {};
}

DocxDump dump_docx(const std::filesystem::path& file) {
  // One record a line, fields separated by \x1f; newlines inside texts become spaces.
  const auto out = docx_eval(file, R"(
from docx.oxml.ns import qn
S = '\x1f'
def clean(t): return t.replace('\n', ' ').replace(S, ' ').replace('\xa0', ' ')  # no-break spaces read as spaces
for p in doc.paragraphs:
    print('P' + S + p.style.name + S + clean(p.text))
    for r in p.runs:
        if r.font.highlight_color is not None:
            print('Y' + S + clean(r.text))
for i, t in enumerate(doc.tables):
    heads = 0
    for r in t.rows:
        trPr = r._tr.trPr
        if trPr is not None and trPr.xpath('./w:tblHeader'):
            heads += 1
        cells = []
        for tc in r._tr.tc_lst:  # a merged cell once, not once per grid column
            paras = tc.findall(qn('w:p'))
            cells.append(clean(' '.join(''.join(t.text or '' for t in p.iter(qn('w:t'))) for p in paras)))
        print('T' + S + str(i) + S + S.join(cells))
    print('H' + S + str(i) + S + str(heads))
s = doc.sections[0]
font = doc.styles.element.xpath('//w:rPrDefault//w:rFonts/@w:ascii')[0]
size = doc.styles.element.xpath('//w:rPrDefault//w:sz/@w:val')[0]
print('G' + S + '%dx%d %s %s' % (round(s.page_width.mm), round(s.page_height.mm), font, size))
)");
  DocxDump d;
  for (const auto& line : split_lines(out)) {
    const auto f = split(line, '\x1f');
    if (f.empty()) continue;
    if (f[0] == "P" && f.size() >= 3) {
      d.paragraphs.push_back({f[1], f[2]});
    } else if (f[0] == "Y" && f.size() >= 2) {
      d.highlighted.push_back(f[1]);
    } else if (f[0] == "T" && f.size() >= 2) {
      const auto index = static_cast<std::size_t>(std::stoul(f[1]));
      if (d.tables.size() <= index) d.tables.resize(index + 1);
      d.tables[index].emplace_back(f.begin() + 2, f.end());
    } else if (f[0] == "H" && f.size() >= 3) {
      d.header_rows.push_back(std::stoi(f[2]));
    } else if (f[0] == "G" && f.size() >= 2) {
      d.page = f[1];
    }
  }
  return d;
}

}  // namespace test
