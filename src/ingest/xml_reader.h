// Streaming, hardened XML parsing (expat SAX) of one zip entry. Elements and
// attributes are matched on local names ("x:row" and "row" are both "row"),
// so transitional and strict OOXML namespaces read alike. Documents with a
// DOCTYPE or entity declarations are refused before anything is expanded.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/read_error.h"
#include "ingest/zip_archive.h"

namespace ingest {

// Attributes of one start tag, as expat hands them (name, value, ..., null).
class XmlAttrs {
 public:
  explicit XmlAttrs(const char** raw) : m_raw(raw) {}
  // Value of the attribute whose local name is `local`; nullopt when absent.
  std::optional<std::string_view> get(std::string_view local) const;

 private:
  const char** m_raw;
};

// Callbacks; any error returned stops the parse and becomes its result.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual Status start(std::string_view local_name, const XmlAttrs& attrs) = 0;
  virtual Status end(std::string_view local_name) = 0;
  // Character data, possibly split across several calls.
  virtual Status text(std::string_view chunk) = 0;
  // True once the handler has all it needs from the document (checked after
  // each end tag): the parser then stops and the rest of the document is
  // neither parsed nor checked for well-formedness; parse_xml_entry still
  // inflates it to the end, so the zip's checksum and the budget hold.
  virtual bool finished() const { return false; }
};

// "x:row" -> "row".
std::string_view local_name(std::string_view qualified);

class XmlParser {
 public:
  // `part` names the document in messages ("xl/worksheets/sheet1.xml").
  XmlParser(XmlHandler& handler, std::string part);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Feeds the next chunk; `last` marks the end of the document.
  Status feed(std::string_view chunk, bool last);

  struct State;  // defined in the .cpp (expat callbacks use it)

 private:
  std::unique_ptr<State> m_state;
};

// Parses zip entry `entry` chunk by chunk into `handler`.
Status parse_xml_entry(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                       XmlHandler& handler);

}  // namespace ingest
