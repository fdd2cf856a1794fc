#include "ingest/package_rels.h"

#include "ingest/xml_reader.h"

namespace ingest {

bool type_is(const Relationship& rel, std::string_view last) {
  return rel.type.size() > last.size() && rel.type.ends_with(last) &&
         rel.type[rel.type.size() - last.size() - 1] == '/';
}

std::string folder_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_part_for(std::string_view part) {
  const auto slash = part.rfind('/');
  const auto name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return folder_of(part) + "_rels/" + std::string(name) + ".rels";
}

std::string resolve_target(std::string_view base_dir, std::string_view target) {
  std::string joined;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\'))
    joined = std::string(target.substr(1));
  else
    joined = std::string(base_dir) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto end = joined.find_first_of("/\\", start);
    if (end == std::string::npos) end = joined.size();
    const auto segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

namespace {

class RelsHandler final : public XmlHandler {
 public:
  RelsHandler(std::string base, std::vector<Relationship>& out)
      : m_base(std::move(base)), m_out(out) {}

  Status start(std::string_view name, const XmlAttrs& attrs) override {
    if (name != "Relationship") return std::nullopt;
    Relationship rel;
    rel.id = attrs.get("Id").value_or("");
    rel.type = attrs.get("Type").value_or("");
    rel.external = attrs.get("TargetMode").value_or("") == "External";
    const auto target = attrs.get("Target").value_or("");
    rel.target = rel.external ? std::string(target) : resolve_target(m_base, target);
    m_out.push_back(std::move(rel));
    return std::nullopt;
  }
  Status end(std::string_view) override { return std::nullopt; }
  Status text(std::string_view) override { return std::nullopt; }

 private:
  std::string m_base;
  std::vector<Relationship>& m_out;
};

}  // namespace

Status read_relationships(const ZipArchive& zip, const std::string& entry,
                          std::string_view source_part, ReadBudget& budget,
                          std::vector<Relationship>& out) {
  out.clear();
  RelsHandler handler(folder_of(source_part), out);
  return parse_xml_entry(zip, entry, budget, handler);
}

}  // namespace ingest
