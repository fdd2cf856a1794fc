#include "support/print_layout.h"

#include <gtest/gtest.h>

#include <sstream>

#include "support/openpyxl_check.h"

namespace test {

namespace {

// Prints "sheet<TAB>first<TAB>last<TAB>crosses" per chart. Page breaks:
// <rowBreaks><brk id="r"/> means a new page starts at 0-based row r.
constexpr std::string_view k_script = R"PY(
import re, sys, zipfile, posixpath
z = zipfile.ZipFile(sys.argv[1])
def rels(part):
    d, f = posixpath.split(part)
    name = posixpath.join(d, '_rels', f + '.rels')
    out = {}
    if name in z.namelist():
        for m in re.finditer(r'<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', z.read(name).decode()):
            out[m.group(1)] = posixpath.normpath(posixpath.join(d, m.group(2)))
        for m in re.finditer(r'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', z.read(name).decode()):
            out[m.group(2)] = posixpath.normpath(posixpath.join(d, m.group(1)))
    return out
wb = z.read('xl/workbook.xml').decode()
wb_rels = rels('xl/workbook.xml')
for m in re.finditer(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
    name, rid = m.group(1), m.group(2)
    part = wb_rels[rid]
    xml = z.read(part).decode()
    breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', xml.split('<rowBreaks')[1])] if '<rowBreaks' in xml else []
    d = re.search(r'<drawing r:id="([^"]+)"', xml)
    if not d:
        continue
    drawing = rels(part)[d.group(1)]
    dx = z.read(drawing).decode()
    for a in re.finditer(r'<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>', dx, re.S):
        if '<c:chart' not in a.group(0):
            continue
        rows = [int(r) for r in re.findall(r'<xdr:row>(\d+)</xdr:row>', a.group(0))]
        first, last = rows[0], rows[1]
        crosses = any(first < b <= last for b in breaks)
        print('%s\t%d\t%d\t%d' % (name, first, last, crosses))
)PY";

}  // namespace

std::vector<PrintedChart> printed_charts(const std::filesystem::path& xlsx) {
  const auto r = run_python(k_script, {xlsx.string()});
  if (r.exit_code != 0) {
    ADD_FAILURE() << "reading charts of " << xlsx << " failed:\n" << r.out;
    return {};
  }
  std::vector<PrintedChart> out;
  for (const auto& line : split_lines(r.out)) {
    std::istringstream in(line);
    PrintedChart c;
    std::string crosses;
    std::getline(in, c.sheet, '\t');
    in >> c.first_row >> c.last_row >> crosses;
    c.crosses_break = crosses == "1";
    out.push_back(c);
  }
  return out;
}

}  // namespace test
