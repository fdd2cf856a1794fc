#include "report/document_parts.h"

#include <algorithm>
#include <set>

#include "analysis/group_text.h"
#include "calendar/date.h"

namespace report {

model::Participation participation(const ReportInput& in) {
  return aggregate::participation_of(in.registry, in.run.files, in.summary);
}

void write_letterhead(docx::Document& doc, const ReportInput& in, const DocumentSettings& settings,
                      bool issuer) {
  std::vector<std::string> lines = issuer && !settings.issuer.empty() ? settings.issuer : settings.letterhead;
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

bool deadline_passed(std::string_view deadline, std::string_view run_time) {
  if (run_time.size() < 10) return false;
  const auto today = calendar::parse_date(run_time.substr(0, 10));
  if (!today) return false;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // «ДД.ММ.ГГГГ» anywhere in the text.
  for (std::size_t i = 0; i + 10 <= deadline.size(); ++i) {
    const auto d = deadline.substr(i, 10);
    if (!(digit(d[0]) && digit(d[1]) && d[2] == '.' && digit(d[3]) && digit(d[4]) && d[5] == '.' &&
          digit(d[6]) && digit(d[7]) && digit(d[8]) && digit(d[9]))) {
      continue;
    }
    const std::string iso = std::string(d.substr(6, 4)) + "-" + std::string(d.substr(3, 2)) + "-" +
                            std::string(d.substr(0, 2));
    if (const auto day = calendar::parse_date(iso)) return *day < *today;
  }
  // Only years: past when every year named is before the run's.
  bool any = false;
  for (std::size_t i = 0; i + 4 <= deadline.size(); ++i) {
    const auto y = deadline.substr(i, 4);
    const bool alone = (i == 0 || !digit(deadline[i - 1])) && (i + 4 == deadline.size() || !digit(deadline[i + 4]));
    if (!alone || !(digit(y[0]) && digit(y[1]) && digit(y[2]) && digit(y[3])) || y[0] != '2') continue;
    if (std::stoi(std::string(y)) >= calendar::year_of(*today)) return false;
    any = true;
  }
  return any;
}

std::vector<docx::Span> deadline_spans(const std::string& deadline, const std::string& run_time) {
  if (deadline.empty() || deadline_passed(deadline, run_time)) {
    return {docx::Span{"в срок до "}, placeholder(date_placeholder())};
  }
  // «в течение учебного года» reads without «в срок до».
  if (deadline.starts_with("в ") || deadline.starts_with("до ") || deadline.starts_with("еже")) {
    return {docx::Span{deadline}};
  }
  return {docx::Span{"в срок до " + deadline}};
}

std::vector<docx::Span> responsible_spans(const ReportInput& in, const DocumentSettings& settings) {
  if (!settings.responsible.empty()) return {docx::Span{settings.responsible}};
  return {docx::Span{methodical_service(in, settings) + " ("}, placeholder("[Ф.И.О., должность ответственного]"),
          docx::Span{")"}};
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
