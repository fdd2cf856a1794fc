// The draft приказ (documents.h), in the shape of seed 002: letterhead,
// «ПРИКАЗ», date and number left for the person who signs, the title, the
// preamble ending «п р и к а з ы в а ю:», numbered points generated from the
// findings and the configured measures, control, signature.
#include <algorithm>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/russian_words.h"
#include "report/document_parts.h"
#include "report/documents.h"
#include "util/text_case.h"

namespace report {

namespace {

using docx::Span;

class Prikaz {
 public:
  Prikaz(const ReportInput& in, const DocumentSettings& settings)
      : m_in(in), m_s(settings), m_a(*in.analysis), m_f(analysis::find_findings(in.definition, in.summary, *in.analysis)) {}

  docx::Document build() {
    head();
    preamble();
    points();
    signature();
    return std::move(m_doc);
  }

 private:
  void head() {
    write_letterhead(m_doc, m_in, m_s);
    m_doc.paragraph({Span{"ПРИКАЗ", true, false, false, true}},
                    docx::ParagraphFormat::at(docx::Align::center).space(6, 6));
    m_doc.paragraph({Span{"от "}, placeholder(date_placeholder()), Span{"\t№ "}, placeholder("________")},
                    docx::ParagraphFormat::at(docx::Align::left).tab_right());
    if (!m_s.place.empty()) {
      m_doc.paragraph(m_s.place, docx::ParagraphFormat::at(docx::Align::center));
    }
    m_doc.empty_line();
    m_doc.paragraph({Span{"О результатах " + analysis::monitoring_genitive(m_in.definition) + " за " +
                              analysis::period_accusative(m_in.summary.period),
                          true}},
                    docx::ParagraphFormat::at(docx::Align::left).space(0, 12));
  }

  void preamble() {
    std::vector<Span> spans = {Span{"В соответствии с "}};
    if (m_s.plan.empty()) {
      spans.push_back(placeholder("[планом работы управления образования на … год]"));
    } else {
      spans.push_back(Span{m_s.plan});
    }
    const auto p = participation(m_in);
    spans.push_back(Span{" проведён " + util::lower_first(analysis::monitoring_nominative(m_in.definition)) +
                         " за " + analysis::period_accusative(m_in.summary.period) + ": формы представили " +
                         std::to_string(p.sent) + " из " + analysis::count_of_schools(p.asked) + " " +
                         municipality_of(m_in.definition) + accepted_text(p) +
                         ". На основании анализа полученных данных (аналитическая справка прилагается) "});
    spans.push_back(Span{"п р и к а з ы в а ю:", true});
    m_doc.paragraph(spans);
  }

  // The справка's figures: schools that sent a form, and of them those whose
  // form was accepted, said only when they differ.
  static std::string accepted_text(const Participation& p) {
    if (p.accepted == p.sent) return "";
    return ", приняты к обработке формы " + std::to_string(p.accepted) + " ОО";
  }

  std::string service() const { return methodical_service(m_in, m_s); }

  // "N. text <deadline>." as one point.
  void point(const std::string& text, const std::string* deadline = nullptr) {
    std::vector<Span> spans = {Span{text}};
    if (deadline != nullptr) {
      spans.push_back(Span{" "});
      for (auto& s : deadline_spans(*deadline)) spans.push_back(std::move(s));
    }
    spans.push_back(Span{"."});
    numbered(m_doc, std::to_string(++m_n) + ".", std::move(spans));
  }

  void points() {
    const auto& def = m_in.definition;
    if (!m_f.satisfactory.empty()) {
      std::vector<std::string> names;
      for (const auto& id : m_f.satisfactory) names.push_back(analysis::direction_title(def, id));
      point("Считать удовлетворительными результаты методического сопровождения " +
            analysis::by_directions(names));
    } else if (!m_in.summary.school_ids.empty()) {
      point("Принять к сведению, что ни по одному направлению результаты мониторинга не являются "
            "удовлетворительными в полном объёме");
    }
    if (!m_f.improved.empty()) {
      std::vector<std::string> items;
      for (const auto& c : m_f.improved) items.push_back(analysis::change_item(*c.indicator, *c.change));
      std::string text = "Отметить положительную динамику " + analysis::comparison_text(*m_f.improved.front().change) +
                         " по " + (items.size() == 1 ? "показателю " : "показателям ");
      for (std::size_t i = 0; i < items.size(); ++i) text += (i ? "; " : "") + items[i];
      point(text);
    }
    if (!m_f.stalled.empty()) {
      std::vector<std::string> names;
      for (const auto& id : m_f.stalled) names.push_back(analysis::direction_title(def, id));
      point(service() + " выявить причины отсутствия положительной динамики и актуализировать "
                        "организационно-методическое сопровождение " + analysis::by_directions(names),
            &m_s.deadline);
    }
    const auto& groups = m_a.clusters.clusters;
    if (groups.size() > 1) {
      point(service() + " оказать адресную методическую помощь ОО " +
                analysis::group_genitive(groups.back().name) + " (" +
                schools_text(m_in, groups.back().school_ids) + ")",
            &m_s.deadline);
    }
    const auto p = participation(m_in);
    if (!p.not_sent.empty()) {
      point("Руководителям ОО, не представившим формы мониторинга (" + schools_text(m_in, p.not_sent) +
                "), представить формы мониторинга",
            &m_s.deadline);
    }
    if (!p.rejected.empty()) {
      point("Руководителям ОО, формы которых не приняты из-за ошибок заполнения (" +
                schools_text(m_in, p.rejected) + "), исправить ошибки и представить формы повторно",
            &m_s.deadline);
    }
    directors();
    for (const auto& m : m_s.measures) {
      point(m.who + (m.who.empty() ? "" : " ") + m.what, &m.deadline);
    }
    const std::string control = m_s.control.empty()
                                    ? "Контроль за исполнением приказа оставляю за собой."
                                    : "Контроль за исполнением приказа возложить на " + m_s.control + ".";
    // The last point stays on the page of the signature.
    m_doc.paragraph({Span{std::to_string(++m_n) + ". " + control}}, docx::ParagraphFormat{}.keep());
  }

  void directors() {
    if (m_in.summary.school_ids.empty()) return;
    m_doc.paragraph({Span{std::to_string(++m_n) + ". Руководителям ОО:"}}, docx::ParagraphFormat{}.keep());
    const std::string n = std::to_string(m_n);
    std::vector<Span> first = {Span{"рассмотреть результаты мониторинга и адресные рекомендации ОО на "
                                    "заседаниях педагогических (методических) советов "}};
    for (auto& s : deadline_spans(m_s.deadline)) first.push_back(std::move(s));
    first.push_back(Span{";"});
    numbered(m_doc, n + ".1.", std::move(first));
    std::string second = "включить в планы методической работы ОО меры по устранению выявленных дефицитов";
    if (!m_f.behind_target.empty()) {
      std::vector<std::string> codes;
      for (const auto* row : m_f.behind_target) {
        if (const auto* ind = m_in.definition.find_indicator(row->indicator_id)) {
          codes.push_back(analysis::short_label(*ind));
        }
      }
      second += " и по достижению целевых значений " + std::to_string(m_in.summary.period.year) + " года " +
                (codes.size() == 1 ? "показателя " : "показателей ") + analysis::join_and(codes);
    }
    std::vector<Span> second_spans = {Span{second + " "}};
    for (auto& s : deadline_spans(m_s.deadline)) second_spans.push_back(std::move(s));
    second_spans.push_back(Span{"."});
    numbered(m_doc, n + ".2.", std::move(second_spans));
  }

  void signature() {
    m_doc.paragraph("", docx::ParagraphFormat{}.keep());
    m_doc.paragraph("", docx::ParagraphFormat{}.keep());
    std::vector<Span> spans;
    if (m_s.signatory.empty()) {
      spans.push_back(placeholder("[должность руководителя]"));
    } else {
      spans.push_back(Span{m_s.signatory});
    }
    spans.push_back(Span{"\t"});
    if (m_s.signatory_name.empty()) {
      spans.push_back(placeholder("[И.О. Фамилия]"));
    } else {
      spans.push_back(Span{m_s.signatory_name});
    }
    m_doc.paragraph(spans, docx::ParagraphFormat::at(docx::Align::left).tab_right());
  }

  const ReportInput& m_in;
  const DocumentSettings& m_s;
  const analysis::Analysis& m_a;
  const analysis::Findings m_f;
  docx::Document m_doc;
  int m_n = 0;
};

}  // namespace

docx::Document prikaz_document(const ReportInput& input, const DocumentSettings& settings) {
  return Prikaz(input, settings).build();
}

}  // namespace report
