// The draft приказ (documents.h), in the shape of seed 002: the letterhead of
// the body that orders schools ([documents] issuer), «ПРИКАЗ», date and number
// left for the person who signs, the title, the preamble ending «п р и к а з
// ы в а ю:», then points generated from the findings — satisfactory
// directions, positive results noted, shortfalls, the causes to find where
// there is no progress, measures with the person responsible and a deadline
// (a deadline already past on the day the document is made is left to fill)
// — the configured measures, control and signature. Indicators are named by
// their words, never by bare codes: the приказ is read without the справка.
#include <algorithm>
#include <set>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/recommendation_groups.h"
#include "analysis/russian_words.h"
#include "report/document_parts.h"
#include "report/documents.h"
#include "util/text_case.h"

namespace report {

namespace {

using docx::Span;

// Ends a point with `mark`, once: a placeholder date «… 20__ г.» already has
// its full stop.
void end_with(std::vector<docx::Span>& spans, const std::string& mark) {
  if (mark == "." && !spans.empty() && spans.back().text.ends_with(".")) return;
  spans.push_back(docx::Span{mark});
}

std::string join(const std::vector<std::string>& items, const std::string& sep = "; ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

class Prikaz {
 public:
  Prikaz(const ReportInput& in, const DocumentSettings& settings)
      : m_in(in),
        m_s(settings),
        m_a(*in.analysis),
        m_f(analysis::find_findings(in.definition, in.summary, *in.analysis)),
        m_p(participation(in)) {}

  docx::Document build() {
    head();
    preamble();
    points();
    signature();
    return std::move(m_doc);
  }

 private:
  // «доля педагогов, имеющих ИОМ» — how the order names an indicator.
  static std::string named(const model::IndicatorDef& ind) { return "«" + analysis::indicator_words(ind) + "»"; }

  void head() {
    write_letterhead(m_doc, m_in, m_s, true);
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
    spans.push_back(Span{" проведён " + util::lower_first(analysis::monitoring_nominative(m_in.definition)) +
                         " за " + analysis::period_accusative(m_in.summary.period) + ": формы представили " +
                         std::to_string(m_p.sent) + " из " + analysis::count_of_schools(m_p.asked) + " " +
                         municipality_of(m_in.definition) + accepted_text() +
                         ". На основании анализа полученных данных (аналитическая справка прилагается) "});
    spans.push_back(Span{"п р и к а з ы в а ю:", true});
    m_doc.paragraph(spans);
  }

  // The справка's figures: schools that sent a form, and of them those whose
  // form was accepted, said only when they differ.
  std::string accepted_text() const {
    if (m_p.accepted == m_p.sent) return "";
    return ", приняты к обработке формы " + std::to_string(m_p.accepted) + " ОО";
  }

  std::vector<Span> deadline() const { return deadline_spans(m_s.deadline, m_in.run.run_time); }

  // "N. text <deadline>." as one point.
  void point(std::vector<Span> spans, bool with_deadline) {
    if (with_deadline) {
      spans.push_back(Span{" "});
      for (auto& s : deadline()) spans.push_back(std::move(s));
    }
    end_with(spans, ".");
    numbered(m_doc, std::to_string(++m_n) + ".", std::move(spans));
  }
  void point(const std::string& text, bool with_deadline = false) { point({Span{text}}, with_deadline); }

  // "«доля педагогов, имеющих ИОМ» (52,0 % при цели 50 %)" for each target of
  // the year the municipality reached (met) or did not.
  std::vector<std::string> targets(bool met) const {
    std::vector<std::string> out;
    for (const auto& row : m_a.roadmap) {
      if (!row.target) continue;
      const bool reached = row.status == aggregate::TargetStatus::met;
      if (reached != met || (!met && row.status != aggregate::TargetStatus::not_met)) continue;
      const auto* ind = m_in.definition.find_indicator(row.indicator_id);
      const auto* st = m_in.summary.stats(row.indicator_id);
      if (ind == nullptr || st == nullptr || !st->municipal) continue;
      const std::string target = analysis::format_target(*ind, *row.target) +
                                 (ind->kind == model::IndicatorKind::yesno ? " ОО" : "");
      out.push_back(named(*ind) + " (" + analysis::municipal_value_text(*ind, *st) + " при цели " +
                    (ind->better == model::Better::lower ? "не более " : "") + target + ")");
    }
    return out;
  }

  std::vector<std::string> direction_names(const std::vector<std::string>& ids) const {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(analysis::direction_title(m_in.definition, id));
    return names;
  }

  // Directions with a target of the year missed, definition order.
  std::vector<std::string> directions_behind() const {
    std::vector<std::string> out;
    for (const auto& dir : analysis::direction_ids(m_in.definition)) {
      for (const auto* row : m_f.behind_target) {
        const auto* ind = m_in.definition.find_indicator(row->indicator_id);
        if (ind != nullptr && ind->direction == dir) {
          out.push_back(dir);
          break;
        }
      }
    }
    return out;
  }

  void points() {
    const std::string year = std::to_string(m_in.summary.period.year);
    if (!m_f.satisfactory.empty()) {
      point("Считать удовлетворительными результаты методического сопровождения " +
            analysis::by_directions(direction_names(m_f.satisfactory)));
    }
    // Positive results: targets reached, progress.
    std::vector<std::string> positive;
    if (const auto met = targets(true); !met.empty()) {
      positive.push_back("достижение целевых значений " + year + " года по " +
                         (met.size() == 1 ? "показателю " : "показателям ") + join(met));
    }
    if (!m_f.improved.empty()) {
      std::vector<std::string> items;
      for (const auto& c : m_f.improved) {
        items.push_back(named(*c.indicator) + " (" + analysis::change_amount_text(*c.indicator, *c.change) + ")");
      }
      positive.push_back("положительную динамику " + analysis::comparison_text(*m_f.improved.front().change) + " по " +
                         (items.size() == 1 ? "показателю " : "показателям ") + join(items));
    }
    if (!positive.empty()) point("Отметить " + join(positive));
    // Shortfalls.
    std::vector<std::string> shortfalls;
    if (const auto missed = targets(false); !missed.empty()) {
      shortfalls.push_back("не достигнуты целевые значения " + year + " года по " +
                           (missed.size() == 1 ? "показателю " : "показателям ") + join(missed));
    }
    if (m_f.satisfactory.empty() && m_f.judged > 0) {
      shortfalls.push_back("ни по одному направлению результаты мониторинга не являются удовлетворительными в "
                           "полном объёме");
    }
    if (!shortfalls.empty()) point("Принять к сведению, что " + join(shortfalls));
    service_measures();
    if (!m_p.not_sent.empty()) {
      point("Руководителям ОО, не представившим формы мониторинга (" + schools_text(m_in, m_p.not_sent) +
                "), представить формы мониторинга",
            true);
    }
    if (!m_p.rejected.empty()) {
      point("Руководителям ОО, формы которых не приняты из-за ошибок заполнения (" +
                schools_text(m_in, m_p.rejected) + "), исправить ошибки и представить формы повторно",
            true);
    }
    directors();
    for (const auto& m : m_s.measures) {
      std::vector<Span> spans = {Span{m.who + (m.who.empty() ? "" : " ") + m.what + " "}};
      for (auto& s : deadline_spans(m.deadline, m_in.run.run_time)) spans.push_back(std::move(s));
      point(std::move(spans), false);
    }
    const std::string control = m_s.control.empty()
                                    ? "Контроль за исполнением приказа оставляю за собой."
                                    : "Контроль за исполнением приказа возложить на " + m_s.control + ".";
    // The last point stays on the page of the signature.
    m_doc.paragraph({Span{std::to_string(++m_n) + ". " + control}}, docx::ParagraphFormat{}.keep());
  }

  // The methodical service's measures, under its responsible person, each with a deadline.
  void service_measures() {
    std::vector<std::string> items;
    const auto behind = directions_behind();
    std::vector<std::string> causes;
    if (!behind.empty()) {
      causes.push_back("недостижения целевых значений " + analysis::by_directions(direction_names(behind)));
    }
    if (!m_f.stalled.empty()) {
      causes.push_back("отсутствия положительной динамики " + analysis::by_directions(direction_names(m_f.stalled)));
    }
    if (!causes.empty()) {
      items.push_back("выявить причины " + analysis::join_and(causes) +
                      ", актуализировать организационно-методическое сопровождение и представить предложения "
                      "по устранению причин");
    }
    if (const auto help = analysis::schools_needing_help(m_a); !help.empty()) {
      items.push_back("оказать адресную методическую помощь ОО с наибольшим числом отставаний (" +
                      schools_text(m_in, help) + ")");
    }
    std::vector<std::string> experience;
    const auto groups = analysis::group_recommendations(m_in.definition, m_in.summary, m_a);
    for (const auto* g : analysis::exemplar_groups(groups)) {
      if (const auto* ind = m_in.definition.find_indicator(g->indicator_id)) {
        experience.push_back("по показателю " + named(*ind) + " — " + schools_text(m_in, g->exemplars));
      }
    }
    if (!experience.empty()) {
      items.push_back("обобщить и распространить опыт ОО с лучшими значениями: " + join(experience));
    }
    if (!m_in.summary.school_ids.empty()) {
      items.push_back("направить руководителям ОО адресные рекомендации по итогам мониторинга");
    }
    if (items.empty()) return;
    std::vector<Span> head = responsible_spans(m_in, m_s);
    // «Пацюк А.А., директору МКУ ИМЦ,» before a verb; before the list, «…ИМЦ:».
    if (!head.empty() && head.back().text.ends_with(",")) head.back().text.pop_back();
    head.push_back(Span{":"});
    const std::string n = std::to_string(++m_n);
    numbered(m_doc, n + ".", std::move(head));
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<Span> spans = {Span{items[i] + " "}};
      for (auto& s : deadline()) spans.push_back(std::move(s));
      end_with(spans, i + 1 == items.size() ? "." : ";");
      numbered(m_doc, n + "." + std::to_string(i + 1) + ".", std::move(spans));
    }
  }

  void directors() {
    if (m_in.summary.school_ids.empty()) return;
    m_doc.paragraph({Span{std::to_string(++m_n) + ". Руководителям ОО:"}}, docx::ParagraphFormat{}.keep());
    const std::string n = std::to_string(m_n);
    std::vector<Span> first = {Span{"рассмотреть результаты мониторинга и адресные рекомендации ОО на "
                                    "заседаниях педагогических (методических) советов "}};
    for (auto& s : deadline()) first.push_back(std::move(s));
    first.push_back(Span{";"});
    numbered(m_doc, n + ".1.", std::move(first));
    std::string second = "включить в планы методической работы ОО меры по устранению выявленных недостатков";
    if (!m_f.behind_target.empty()) {
      std::vector<std::string> names;
      for (const auto* row : m_f.behind_target) {
        if (const auto* ind = m_in.definition.find_indicator(row->indicator_id)) names.push_back(named(*ind));
      }
      second += " и по достижению целевых значений " + std::to_string(m_in.summary.period.year) + " года " +
                (names.size() == 1 ? "показателя " : "показателей ") + analysis::join_and(names);
    }
    std::vector<Span> second_spans = {Span{second + " "}};
    for (auto& s : deadline()) second_spans.push_back(std::move(s));
    end_with(second_spans, ".");
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
  const model::Participation m_p;
  docx::Document m_doc;
  int m_n = 0;
};

}  // namespace

docx::Document prikaz_document(const ReportInput& input, const DocumentSettings& settings) {
  return Prikaz(input, settings).build();
}

}  // namespace report
