// word/styles.xml of the documents we write. Element order inside each
// style follows the schema (name, aliases, basedOn, next, uiPriority, qFormat,
// pPr, rPr, tblPr): Word rejects a file whose children are out of order.
#include <cmath>
#include <string>

#include "report/docx_package.h"

namespace report::docx {

namespace {

std::string half_points(double pt) { return std::to_string(static_cast<int>(std::lround(pt * 2))); }

std::string line_twips(double spacing) {
  return std::to_string(static_cast<int>(std::lround(spacing * 240)));
}

struct StyleDef {
  const char* id;
  const char* name;     // Word's built-in name where there is one (localised by Word)
  const char* aliases;  // Russian display name
  const char* ppr;
  std::string rpr;
  bool quick = true;
};

std::string paragraph_style(const StyleDef& s) {
  std::string x = "<w:style w:type=\"paragraph\" w:styleId=\"" + std::string(s.id) + "\">";
  x += "<w:name w:val=\"" + std::string(s.name) + "\"/>";
  if (s.aliases[0] != '\0') x += "<w:aliases w:val=\"" + std::string(s.aliases) + "\"/>";
  x += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>";
  if (s.quick) x += "<w:qFormat/>";
  x += "<w:pPr>" + std::string(s.ppr) + "</w:pPr>";
  if (!s.rpr.empty()) x += "<w:rPr>" + s.rpr + "</w:rPr>";
  return x + "</w:style>";
}

}  // namespace

std::string styles_xml(const PageStyle& style) {
  const std::string font = xml_escape(style.font);
  const std::string size = half_points(style.font_size_pt);
  const double table_pt = std::max(9.0, style.font_size_pt - 2);
  const std::string table_size = half_points(table_pt);
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:eastAsia=\"" + font +
      "\" w:hAnsi=\"" + font + "\" w:cs=\"" + font + "\"/><w:sz w:val=\"" + size +
      "\"/><w:szCs w:val=\"" + size +
      "\"/><w:lang w:val=\"ru-RU\" w:eastAsia=\"ru-RU\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
      "</w:pPrDefault></w:docDefaults>";
  // Normal: justified, first-line indent 1.25 cm, the configured spacing.
  x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
       "<w:aliases w:val=\"Обычный\"/><w:qFormat/><w:pPr><w:widowControl/><w:spacing w:after=\"0\" "
       "w:line=\"" + line_twips(style.line_spacing) +
       "\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"709\"/><w:jc w:val=\"both\"/></w:pPr></w:style>";
  x += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
       "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
       "<w:unhideWhenUsed/></w:style>";
  x += paragraph_style({"Title", "Title", "Название",
                        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/>"
                        "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                        "<w:b/><w:bCs/>"});
  x += paragraph_style({"Heading1", "heading 1", "Заголовок 1",
                        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/>"
                        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                        "<w:b/><w:bCs/>"});
  x += paragraph_style({"Heading2", "heading 2", "Заголовок 2",
                        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/>"
                        "<w:jc w:val=\"both\"/><w:outlineLvl w:val=\"1\"/>",
                        "<w:b/><w:bCs/><w:i/><w:iCs/>"});
  x += paragraph_style({"Letterhead", "Реквизиты бланка", "",
                        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                        "<w:b/><w:bCs/>"});
  x += paragraph_style({"TableText", "Текст таблицы", "",
                        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                        "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
                        "<w:sz w:val=\"" + table_size + "\"/><w:szCs w:val=\"" + table_size + "\"/>",
                        false});
  x += paragraph_style({"Footer", "footer", "Нижний колонтитул",
                        "<w:tabs><w:tab w:val=\"center\" w:pos=\"4677\"/><w:tab w:val=\"right\" "
                        "w:pos=\"9355\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" "
                        "w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                        "<w:sz w:val=\"" + table_size + "\"/><w:szCs w:val=\"" + table_size + "\"/>",
                        false});
  x += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
       "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" "
       "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
       "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
       "</w:tblCellMar></w:tblPr></w:style>";
  x += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
       "<w:aliases w:val=\"Сетка таблицы\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
       "<w:tblPr><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    x += "<w:" + std::string(side) + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>";
  }
  x += "</w:tblBorders><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
       "<w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
       "</w:tblPr></w:style>";
  return x + "</w:styles>";
}

}  // namespace report::docx
