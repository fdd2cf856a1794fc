// Text for XML: the content of an element or a double-quoted attribute value,
// as the documents (.docx) and the patched parts of a workbook need it.
//   & < > " are escaped; '\t' and '\n' are kept; other control characters
//   ('\r' included), U+FFFE and U+FFFF, which XML 1.0 does not allow, are
//   dropped; a byte that is not UTF-8 becomes U+FFFD.
//
//   util::xml_escape("a & \"b\"")  -> "a &amp; &quot;b&quot;"
#pragma once

#include <string>
#include <string_view>

namespace util {

std::string xml_escape(std::string_view text);

}  // namespace util
