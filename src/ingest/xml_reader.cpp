#include "ingest/xml_reader.h"

#include <expat.h>

#include <climits>
#include <cstring>

namespace ingest {

namespace {

struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

ReadError entity_error(const std::string& part) {
  return make_error("часть книги «" + part +
                        "» содержит объявление DOCTYPE или сущностей XML — так Excel не "
                        "сохраняет, это похоже на атаку «billion laughs»",
                    k_hint_resave);
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::optional<std::string_view> XmlAttrs::get(std::string_view local) const {
  for (const char** a = m_raw; a != nullptr && a[0] != nullptr && a[1] != nullptr; a += 2)
    if (local_name(a[0]) == local) return std::string_view(a[1]);
  return std::nullopt;
}

struct XmlParser::State {
  XmlHandler& handler;
  std::string part;
  std::unique_ptr<XML_ParserStruct, ParserFree> parser;
  Status error;  // first error raised by a callback
  bool finished = false;  // the handler needs no more of the document

  void stop(ReadError e) {
    if (!error) error = std::move(e);
    XML_StopParser(parser.get(), XML_FALSE);
  }
};

namespace {

void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* s = static_cast<XmlParser::State*>(data);
  if (s->error) return;
  if (auto err = s->handler.start(local_name(name), XmlAttrs(attrs))) s->stop(std::move(*err));
}

void on_end(void* data, const XML_Char* name) {
  auto* s = static_cast<XmlParser::State*>(data);
  if (s->error) return;
  if (auto err = s->handler.end(local_name(name))) {
    s->stop(std::move(*err));
  } else if (s->handler.finished()) {
    s->finished = true;
    XML_StopParser(s->parser.get(), XML_FALSE);
  }
}

void on_text(void* data, const XML_Char* text, int len) {
  auto* s = static_cast<XmlParser::State*>(data);
  if (s->error || len <= 0) return;
  if (auto err = s->handler.text(std::string_view(text, static_cast<std::size_t>(len))))
    s->stop(std::move(*err));
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* s = static_cast<XmlParser::State*>(data);
  s->stop(entity_error(s->part));
}

void on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
               const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* s = static_cast<XmlParser::State*>(data);
  s->stop(entity_error(s->part));
}

}  // namespace

XmlParser::XmlParser(XmlHandler& handler, std::string part)
    : m_state(new State{handler, std::move(part), nullptr, std::nullopt}) {
  m_state->parser.reset(XML_ParserCreate(nullptr));
  XML_Parser p = m_state->parser.get();
  if (p == nullptr) return;
  XML_SetUserData(p, m_state.get());
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  XML_SetEntityDeclHandler(p, on_entity);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() = default;

Status XmlParser::feed(std::string_view chunk, bool last) {
  XML_Parser p = m_state->parser.get();
  if (p == nullptr) return make_error("не хватает памяти для чтения XML", k_hint_resave);
  if (m_state->error) return m_state->error;
  if (m_state->finished) return std::nullopt;
  while (chunk.size() > static_cast<std::size_t>(INT_MAX / 2) ) {  // expat takes int lengths
    if (auto err = feed(chunk.substr(0, INT_MAX / 2), false)) return err;
    chunk.remove_prefix(INT_MAX / 2);
  }
  const auto status = XML_Parse(p, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0);
  if (m_state->error) return m_state->error;
  if (m_state->finished) return std::nullopt;
  if (status == XML_STATUS_ERROR) {
    return make_error("часть книги «" + m_state->part + "» содержит испорченный XML (строка " +
                          std::to_string(XML_GetCurrentLineNumber(p)) + ": " +
                          XML_ErrorString(XML_GetErrorCode(p)) + ")",
                      k_hint_resave);
  }
  return std::nullopt;
}

Status parse_xml_entry(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                       XmlHandler& handler) {
  XmlParser parser(handler, entry);
  if (auto err = zip.read_entry(entry, budget,
                                [&](std::string_view chunk) { return parser.feed(chunk, false); }))
    return err;
  return parser.feed({}, true);
}

}  // namespace ingest
