#include "report/document_parts.h"

#include <algorithm>
#include <set>

#include "analysis/group_text.h"

namespace report {

Participation participation(const ReportInput& in) {
  Participation p;
  p.asked = static_cast<int>(in.registry.schools.size());
  const auto& without = in.summary.without_form();
  p.accepted = static_cast<int>(in.registry.schools.size() - without.size());
  std::set<std::string> sent;
  for (const auto& f : in.run.files) {
    if (!f.school_id.empty() && in.registry.find(f.school_id) != nullptr) sent.insert(f.school_id);
  }
  const std::set<std::string_view> formless(without.begin(), without.end());
  for (const auto& school : in.registry.schools) {
    if (!formless.contains(school.id)) sent.insert(school.id);  // an accepted form
  }
  p.sent = static_cast<int>(sent.size());
  for (const auto& id : without) {
    (sent.contains(id) ? p.rejected : p.not_sent).push_back(id);
  }
  return p;
}

void write_letterhead(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings) {
  std::vector<std::string> lines = settings.letterhead;
  if (lines.empty() && !in.definition.organisation.empty()) lines.push_back(in.definition.organisation);
  for (const auto& line : lines) doc.paragraph(line, docx::ParagraphFormat::styled(docx::k_letterhead));
  if (!lines.empty()) doc.empty_line();
}

docx::Span placeholder(std::string text) {
  docx::Span s{std::move(text)};
  s.placeholder = true;
  return s;
}

std::string date_placeholder() { return "«___» ____________ 20__ г."; }

std::vector<docx::Span> deadline_spans(const std::string& deadline) {
  if (deadline.empty()) return {docx::Span{"в срок до "}, placeholder(date_placeholder())};
  // «в течение учебного года» reads without «в срок до».
  if (deadline.starts_with("в ") || deadline.starts_with("до ") || deadline.starts_with("еже")) {
    return {docx::Span{deadline}};
  }
  return {docx::Span{"в срок до " + deadline}};
}

std::string methodical_service(const ReportInput& in, const DocumentSettings& settings) {
  if (!settings.methodical_service.empty()) return settings.methodical_service;
  if (!in.definition.organisation.empty()) return in.definition.organisation;
  return "Методической службе";
}

std::string date_of(const std::string& run_time) {
  if (run_time.size() < 10 || run_time[4] != '-' || run_time[7] != '-') return "";
  return run_time.substr(8, 2) + "." + run_time.substr(5, 2) + "." + run_time.substr(0, 4);
}

std::string municipality_of(const model::Definition& definition) {
  const std::string& name = definition.municipality;
  if (name.empty()) return "муниципалитета";
  // «Муниципальное образование Крымский район …» already says what it is.
  for (const std::string_view lead : {"Муниципальное образование ", "муниципальное образование "}) {
    if (name.starts_with(lead)) return "муниципального образования " + name.substr(lead.size());
  }
  return "муниципального образования «" + name + "»";
}

void numbered(docx::Document& doc, const std::string& number, std::vector<docx::Span> spans) {
  spans.insert(spans.begin(), docx::Span{number + " "});
  doc.paragraph(spans);
}

void numbered(docx::Document& doc, const std::string& number, const std::string& text) {
  numbered(doc, number, std::vector<docx::Span>{docx::Span{text}});
}

std::string schools_text(const ReportInput& in, const std::vector<std::string>& ids) {
  return analysis::school_list(in.registry, ids);
}

}  // namespace report
