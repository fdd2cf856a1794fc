#include "ingest/shared_strings.h"

#include "ingest/xml_reader.h"
#include "ingest/xml_text.h"

namespace ingest {

namespace {

class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(std::vector<std::string>& out, std::uintmax_t max_string_bytes,
                       std::size_t max_strings)
      : m_out(out), m_max(max_string_bytes), m_max_strings(max_strings) {}

  Status start(std::string_view name, const XmlAttrs&) override {
    if (name == "si" || name == "sstItem") {  // sstItem: Excel 2007 beta
      // More strings than cells may hold is a memory bomb, not a form: each
      // entry costs a std::string even when its text is empty.
      if (m_out.size() >= m_max_strings)
        return make_error("в таблице строк книги больше " + std::to_string(m_max_strings) +
                              " строк — это не похоже на школьную форму",
                          "Удалите из книги лишние листы и данные, оставьте только форму и "
                          "отправьте снова");
      m_in_si = true;
      m_current.clear();
    } else if (name == "rPh") {
      ++m_phonetic;
    } else if (name == "t" && m_in_si && m_phonetic == 0) {
      m_in_t = true;
    }
    return std::nullopt;
  }

  Status end(std::string_view name) override {
    if ((name == "si" || name == "sstItem") && m_in_si) {
      decode_ooxml_escapes(m_current);
      m_out.push_back(std::move(m_current));
      m_current = {};
      m_in_si = false;
    } else if (name == "rPh" && m_phonetic > 0) {
      --m_phonetic;
    } else if (name == "t") {
      m_in_t = false;
    }
    return std::nullopt;
  }

  Status text(std::string_view chunk) override {
    if (!m_in_t) return std::nullopt;
    if (m_current.size() + chunk.size() > m_max)
      return make_error("в таблице строк книги есть строка длиннее " +
                            std::to_string(m_max >> 20) + " МБ",
                        "Удалите из книги длинные тексты, оставьте только форму и отправьте снова");
    m_current.append(chunk);
    return std::nullopt;
  }

 private:
  std::vector<std::string>& m_out;
  std::uintmax_t m_max;
  std::size_t m_max_strings;
  std::string m_current;
  bool m_in_si = false;
  bool m_in_t = false;
  int m_phonetic = 0;
};

}  // namespace

Status read_shared_strings(const ZipArchive& zip, const std::string& entry, ReadBudget& budget,
                           std::vector<std::string>& out) {
  out.clear();
  SharedStringsHandler handler(out, budget.limits().max_text_bytes, budget.limits().max_cells);
  return parse_xml_entry(zip, entry, budget, handler);
}

}  // namespace ingest
