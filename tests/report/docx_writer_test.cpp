// The WordprocessingML writer (docx_document.h, docx_package.h): a real
// package that python-docx (an independent reader) opens, with heading
// styles, a table whose header row repeats, A4 pages, the configured font and
// a page-number field; text made safe for XML; written atomically and
// reproducibly.
#include "report/docx_package.h"

#include <gtest/gtest.h>

#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace docx = report::docx;

docx::Document sample() {
  docx::Document d;
  d.paragraph("ООО «Рога & копыта»", docx::ParagraphFormat::styled(docx::k_letterhead));
  d.paragraph("Аналитическая справка", docx::ParagraphFormat::styled(docx::k_title));
  d.heading(1, "Значения показателей");
  d.paragraph("Первый абзац < второго > третьего.");
  docx::Table t;
  t.widths_cm = {1.5, 10, 5};
  t.rows.push_back(docx::header_row({"№", "Показатель", "Значение"}));
  t.rows.push_back(docx::group_row("1. Направление", 3));
  for (int i = 1; i <= 60; ++i) {
    t.rows.push_back({{docx::cell("1." + std::to_string(i)), docx::cell("Доля педагогов"),
                       docx::cell(std::to_string(i) + ",0 %", docx::Align::center)}});
  }
  d.table(t);
  d.heading(2, "Подраздел");
  d.paragraph({docx::Span{"от "}, docx::Span{"«___» ______ 20__ г.", false, false, true},
               docx::Span{"\t№ __"}},
              docx::ParagraphFormat{}.tab_right());
  return d;
}

TEST(DocxWriterTest, EscapesMarkupAndDropsWhatXmlForbids) {
  EXPECT_EQ(docx::xml_escape("a & b < c > \"d\""), "a &amp; b &lt; c &gt; &quot;d&quot;");
  EXPECT_EQ(docx::xml_escape(std::string("x\x01y\x1Fz\rw", 8)), "xyzw");
  EXPECT_EQ(docx::xml_escape("\xEF\xBF\xBE"), "");                  // U+FFFE
  EXPECT_EQ(docx::xml_escape("a\xFF" "b"), "a\xEF\xBF\xBD" "b");   // invalid byte -> U+FFFD
  EXPECT_EQ(docx::xml_escape("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong NUL
  EXPECT_EQ(docx::xml_escape("Ёлка №1"), "Ёлка №1");
  EXPECT_EQ(docx::runs_xml({docx::Span{"a\tb\nc"}}),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t>"
            "<w:br/><w:t xml:space=\"preserve\">c</w:t></w:r>");
}

// A unit stays with its number and a dash never starts a line (no-break spaces).
TEST(DocxWriterTest, UnitsStayWithTheirNumbers) {
  const auto xml = docx::runs_xml({docx::Span{"10 % и 3,5 п.п. у 12 ОО в 2022 г., № 5 — итог; 10 рекомендаций"}});
  EXPECT_NE(xml.find("10\u00a0% и 3,5\u00a0п.п. у 12\u00a0ОО в 2022\u00a0г., №\u00a05\u00a0— итог; 10 рекомендаций"),
            std::string::npos)
      << xml;
}

TEST(DocxWriterTest, PythonDocxReadsParagraphsStylesTablesAndPage) {
  test::TempDir dir;
  const auto file = dir / "Справка.docx";
  docx::PageStyle style;
  style.font = "PT Serif";
  ASSERT_TRUE(docx::write_docx(sample(), style, {"Справка", "МКУ ИМЦ", "2026-11-23T09:00:00Z", 0}, file));
  const auto out = test::docx_eval(file, R"(
from docx.shared import Mm
for p in doc.paragraphs[:4]:
    print(p.style.name, '|', p.text)
heads = [p.text for p in doc.paragraphs if p.style.name.startswith('Heading')]
print(heads)
t = doc.tables[0]
print(len(t.rows), len(t.columns), t.rows[0].cells[1].text, t.rows[61].cells[2].text)
print('header repeats:', t.rows[0]._tr.trPr.xpath('./w:tblHeader') != [])
print('group spans:', t.rows[1].cells[0].text == t.rows[1].cells[2].text)
s = doc.sections[0]
print(round(s.page_width.mm), round(s.page_height.mm), round(s.left_margin.mm))
normal = doc.styles['Normal']
print(normal.font.name or doc.styles.element.xpath('//w:rPrDefault//w:rFonts/@w:ascii')[0],
      doc.styles.element.xpath('//w:rPrDefault//w:sz/@w:val')[0],
      normal.paragraph_format.line_spacing)
print(doc.styles['Heading 1'].element.xpath('./w:aliases/@w:val'))
footer = s.footer.paragraphs[0]._p.xml
print('PAGE' in footer, 'fldChar' in footer)
print(doc.core_properties.title, '|', doc.core_properties.author)
highlight = [r.text for p in doc.paragraphs for r in p.runs if r.font.highlight_color is not None]
print(highlight)
names = zipfile.ZipFile(path).namelist()
print(names[0], len(names))
)");
  EXPECT_EQ(out,
            "Реквизиты бланка | ООО «Рога & копыта»\n"
            "Title | Аналитическая справка\n"
            "Heading 1 | Значения показателей\n"
            "Normal | Первый абзац < второго > третьего.\n"
            "['Значения показателей', 'Подраздел']\n"
            "62 3 Показатель 60,0\u00a0%\n"  // a no-break space keeps the unit with its number
            "header repeats: True\n"
            "group spans: True\n"
            "210 297 30\n"
            "PT Serif 28 1.5\n"
            "['Заголовок 1']\n"
            "True True\n"
            "Справка | МКУ ИМЦ\n"
            "['«___» ______ 20__ г.']\n"
            "[Content_Types].xml 9\n");
}

TEST(DocxWriterTest, SameDocumentSameBytes) {
  test::TempDir dir;
  const docx::Properties props{"Справка", "МКУ ИМЦ", "2026-11-23T09:00:00Z", 1795424400};
  ASSERT_TRUE(docx::write_docx(sample(), {}, props, dir / "a.docx"));
  ASSERT_TRUE(docx::write_docx(sample(), {}, props, dir / "b.docx"));
  EXPECT_EQ(test::read_file(dir / "a.docx"), test::read_file(dir / "b.docx"));
}

// An unwritable target is a located error; nothing is left behind.
TEST(DocxWriterTest, UnwritableFolderIsAnErrorAndLeavesNoTemporaryFile) {
  test::TempDir dir;
  dir.write("blocker", "x");
  const auto r = docx::write_docx(sample(), {}, {}, dir / "blocker" / "Справка.docx");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("не удалось записать документ"), std::string::npos) << r.error().message;
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u);  // only the blocker
}

}  // namespace
