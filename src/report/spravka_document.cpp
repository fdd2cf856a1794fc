// The аналитическая справка (documents.h): sections in the order of seed 000
// and of the issue — основание и цель, сроки и участники, значения
// показателей, результаты по направлениям, группы ОО, оценка по рубрике,
// выводы, рекомендации.
#include <algorithm>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/russian_words.h"
#include "report/document_parts.h"
#include "report/documents.h"
#include "report/indicator_texts.h"
#include "report/spravka_recommendations.h"
#include "util/plural.h"
#include "util/text_case.h"

namespace report {

namespace {

using docx::Span;

class Spravka {
 public:
  Spravka(const ReportInput& in, const DocumentSettings& settings)
      : m_in(in),
        m_s(settings),
        m_a(*in.analysis),
        m_where(analysis::municipality_words(in.definition)),
        m_parts(analysis::summary_parts(in.definition, in.registry, in.summary, *in.analysis)) {}

  docx::Document build() {
    title();
    basis_and_goal();
    participants();
    if (!m_in.summary.school_ids.empty()) {
      indicators();
      directions();
      groups();
      rubric();
    }
    conclusions();
    if (!m_in.summary.school_ids.empty()) write_recommendations(m_doc, m_in, m_s);
    signature();
    return std::move(m_doc);
  }

 private:
  void title() {
    write_letterhead(m_doc, m_in, m_s);
    m_doc.paragraph("Аналитическая справка", docx::ParagraphFormat::styled(docx::k_title));
    m_doc.paragraph("по итогам " + analysis::monitoring_genitive(m_in.definition) + " за " +
                        analysis::period_accusative(m_in.summary.period),
                    docx::ParagraphFormat::at(docx::Align::center).space(0, 12));
    const bool forms = m_in.definition.has_form();
    const bool teachers = std::any_of(m_in.definition.surveys.begin(), m_in.definition.surveys.end(),
                                      [](const model::SurveyDef& s) { return s.respondents == model::Respondents::teachers; });
    const std::string answers = teachers ? "ответах педагогов на анкету" : "ответах на анкету";
    const std::string sources = m_in.definition.surveys.empty() ? " в формах мониторинга"
                                : forms                         ? " в формах мониторинга и " + answers
                                                                : " в " + answers;
    m_doc.paragraph("Проведён анализ данных, представленных образовательными организациями (ОО) " +
                    analysis_place() + sources + ". Ниже приведены значения показателей, "
                    "результаты по направлениям, группы ОО" +
                    (m_a.rubric ? ", оценка по рубрике" : "") +
                    ", выводы и рекомендации, на основании которых можно принять управленческие "
                    "решения.");
  }

  std::string analysis_place() const { return municipality_of(m_in.definition); }

  void basis_and_goal() {
    m_doc.heading(1, "Основание и цель");
    std::vector<std::string> basis = m_in.definition.basis;
    if (!m_s.basis.empty()) basis.push_back(m_s.basis);
    if (basis.empty()) {
      m_doc.paragraph({Span{"Мониторинг проведён на основании "},
                       placeholder("[приказ о проведении мониторинга: дата, номер, название]"), Span{"."}});
    } else if (basis.size() == 1) {
      m_doc.paragraph("Мониторинг проведён на основании документа: " + basis.front() + ".");
    } else {
      m_doc.paragraph("Мониторинг проведён на основании документов:");
      for (std::size_t i = 0; i < basis.size(); ++i) {
        m_doc.paragraph("— " + basis[i] + (i + 1 == basis.size() ? "." : ";"));
      }
    }
    const std::string goal = m_in.definition.goal.empty()
                                 ? "получение объективной информации о состоянии методической работы в "
                                   "ОО, выявление проблемных зон и подготовка управленческих решений"
                                 : m_in.definition.goal;
    m_doc.paragraph("Цель мониторинга — " + util::lower_first(goal) + ".");
  }

  void participants() {
    m_doc.heading(1, "Сроки и участники");
    const auto p = participation(m_in);
    std::string when = "Мониторинг проведён за " + analysis::period_accusative(m_in.summary.period);
    const std::string date = date_of(m_in.run.run_time);
    if (!date.empty()) when += "; данные обработаны " + date;
    m_doc.paragraph(when + ".");
    for (const auto& survey : m_in.definition.surveys) survey_participants(survey);
    if (!m_in.definition.has_form()) return;
    if (p.not_sent.empty() && p.rejected.empty()) {
      m_doc.paragraph("Формы мониторинга направлены в " + analysis::count_of_schools(p.asked) +
                      "; все ОО представили формы, все формы приняты к обработке.");
      return;
    }
    m_doc.paragraph("Формы мониторинга направлены в " + analysis::count_of_schools(p.asked) +
                    "; представили формы " + std::to_string(p.sent) + " из " +
                    analysis::count_of_schools(p.asked) + ", приняты к обработке формы " +
                    std::to_string(p.accepted) + " ОО.");
    if (!p.not_sent.empty()) {
      m_doc.paragraph("Не представили форму (" + analysis::count_of_schools(static_cast<int>(p.not_sent.size())) +
                      "): " + schools_text(m_in, p.not_sent) + ".");
    }
    if (!p.rejected.empty()) {
      m_doc.paragraph("Формы не приняты из-за ошибок заполнения (" +
                      analysis::count_of_schools(static_cast<int>(p.rejected.size())) + "): " +
                      schools_text(m_in, p.rejected) + ".");
    }
  }

  // «В анкетировании … принял участие 151 педагог из 200 по реестру школ
  // (75,5 %)», and the schools whose few answers were left out.
  void survey_participants(const model::SurveyDef& survey) {
    static constexpr util::NounForms k_teachers = {"педагог", "педагога", "педагогов"};
    static constexpr util::NounForms k_admin = {"член административной команды", "члена административной команды",
                                                "членов административных команд"};
    const bool teachers = survey.respondents == model::Respondents::teachers;
    const aggregate::IndicatorStats* coverage = nullptr;
    std::vector<const model::IndicatorDef*> answers;  // indicators a question of the survey counts for
    for (const auto& ind : m_in.definition.indicators) {
      if (ind.kind != model::IndicatorKind::share) continue;
      if (ind.numerator == survey.respondents_input && ind.denominator == survey.registry_input) {
        coverage = m_in.summary.stats(ind.id);
      } else if (survey.find_question(ind.numerator) != nullptr) {
        answers.push_back(&ind);
      }
    }
    std::string text = "В анкетировании «" + survey.title + "» ";
    if (coverage != nullptr && coverage->numerator_sum) {
      int teachers_total = 0;
      for (const auto& school : m_in.registry.schools) teachers_total += school.teachers.value_or(0);
      const int answered = static_cast<int>(*coverage->numerator_sum);
      text += std::string(answered % 10 == 1 && answered % 100 != 11 ? "принял" : "приняли") + " участие " +
              util::count_text(answered, teachers ? k_teachers : k_admin) + " из " + std::to_string(teachers_total) +
              " по реестру школ" +
              (teachers_total > 0 ? " (" + analysis::format_percent(100.0 * answered / teachers_total) + ")" : "") + ".";
    } else {
      text += "участвовали " + std::string(teachers ? "педагоги" : "члены административных команд") + " ОО.";
    }
    m_doc.paragraph(text);
    if (answers.empty() || !survey.min_response_rate) return;
    std::vector<std::string> low;
    for (const auto& id : m_in.summary.school_ids) {
      const auto* v = m_in.summary.value(id, answers.front()->id);
      if (v != nullptr && v->missing == aggregate::Missing::low_response) low.push_back(id);
    }
    if (low.empty()) return;
    m_doc.paragraph("Ответили меньше " + analysis::format_compact(*survey.min_response_rate) + " % педагогов (" +
                    analysis::count_of_schools(static_cast<int>(low.size())) + "): " + schools_text(m_in, low) +
                    "; показатели анкеты по этим ОО не вычислены и в значения по " + m_where.dative +
                    " не включены.");
  }

  void indicators() {
    m_doc.heading(1, "Значения показателей");
    const auto t = indicator_table(m_in);
    for (std::size_t i = 0; i < t.tables.size(); ++i) {
      if (i == 1) m_doc.paragraph("Динамика показателей:", docx::ParagraphFormat{}.keep());
      m_doc.table(t.tables[i]);
    }
    for (const auto& note : t.notes) {
      m_doc.paragraph({Span{note, false, true}}, docx::ParagraphFormat::styled(docx::k_table_text).aligned(docx::Align::both));
    }
  }

  void directions() {
    m_doc.heading(1, "Результаты по направлениям");
    if (const auto note = set_change_note(m_in); !note.empty()) m_doc.paragraph(note);
    for (const auto& dir : analysis::direction_ids(m_in.definition)) {
      std::vector<const model::IndicatorDef*> members;
      for (const auto& ind : m_in.definition.indicators) {
        if (ind.direction == dir) members.push_back(&ind);
      }
      if (members.empty()) continue;
      if (m_in.definition.directions.size() > 1) {
        const auto* d = m_in.definition.find_direction(dir);
        m_doc.heading(2, d ? d->name : dir);
      }
      for (const auto* ind : members) m_doc.paragraph(indicator_sentence(m_in, *ind));
      // «Вывод:» in bold, as a methodist marks the conclusion of a section.
      const std::string conclusion = direction_conclusion(m_in, dir);
      const std::string label = "Вывод:";
      m_doc.paragraph({Span{label, true}, Span{conclusion.substr(label.size())}});
    }
  }

  void groups() {
    const auto& c = m_a.clusters;
    m_doc.heading(1, "Группы образовательных организаций");
    if (c.clusters.empty()) {
      m_doc.paragraph(c.warnings.empty() ? "Группировка ОО не проводилась."
                                         : util::sentence("Группировка ОО не проведена: " + c.warnings.back()));
      return;
    }
    m_doc.paragraph(analysis::groups_lead(m_in.definition, c) +
                    " Группы упорядочены от лучших результатов к худшим" +
                    (m_a.rubric ? "; названия групп говорят о показателях и не совпадают с уровнями "
                                  "оценки по рубрике."
                                : "."));
    for (const auto& g : c.clusters) m_doc.paragraph(analysis::group_text(m_in.definition, m_in.registry, g));
    if (!c.insufficient_data.empty()) {
      m_doc.paragraph("Недостаточно данных для группировки: " + schools_text(m_in, c.insufficient_data) + ".");
    }
  }

  void rubric() {
    if (!m_a.rubric) return;
    const auto& r = *m_a.rubric;
    m_doc.heading(1, "Оценка по рубрике «" + r.title + "»");
    // The heading names the rubric: the paragraph need not say it again.
    const std::string prefix = "Оценка по рубрике «" + r.title + "»: ";
    for (const auto& p : m_parts.rubric) {
      m_doc.paragraph(p.starts_with(prefix) ? util::upper_first(p.substr(prefix.size())) : p);
    }
    docx::Table t;
    t.widths_cm = {8.5, 2.6, 2.6, 2.8};
    t.rows.push_back(docx::header_row({"Блок", "Баллы " + m_where.genitive, "Максимум", "Медиана баллов ОО"}));
    const auto blocks = r.municipal.blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const auto& b = blocks[i];
      std::vector<double> points;
      for (const auto& s : r.schools) {
        if (i < s.block_count()) points.push_back(s.block_points(i));
      }
      std::sort(points.begin(), points.end());
      std::string median = "—";
      if (!points.empty()) {
        const std::size_t n = points.size();
        median = analysis::format_points(n % 2 ? points[n / 2] : (points[n / 2 - 1] + points[n / 2]) / 2);
      }
      t.rows.push_back({{docx::cell(std::string(b.title)), docx::cell(analysis::format_points(b.points), docx::Align::center),
                         docx::cell(analysis::format_points(b.max), docx::Align::center),
                         docx::cell(median, docx::Align::center)}});
    }
    m_doc.table(t);
    for (const auto level : {analysis::Level::high, analysis::Level::medium, analysis::Level::low}) {
      std::vector<std::string> ids;
      for (const auto& s : r.schools) {
        if (s.level == level) ids.push_back(s.school_id);
      }
      if (ids.empty()) continue;
      m_doc.paragraph(util::upper_first(analysis::level_name(level)) + " уровень по рубрике (" +
                      analysis::count_of_schools(static_cast<int>(ids.size())) + "): " +
                      schools_text(m_in, ids) + ".");
    }
  }

  void conclusions() {
    m_doc.heading(1, "Выводы");
    int n = 0;
    const auto item = [&](const std::string& text) {
      if (!text.empty()) numbered(m_doc, std::to_string(++n) + ".", text);
    };
    item(m_parts.participation);
    item(m_parts.satisfactory);
    for (const auto& p : m_parts.dynamics) item(p);
    for (const auto& p : m_parts.targets) item(p);
    if (!m_a.clusters.clusters.empty()) {
      std::vector<std::string> groups;
      for (const auto& g : m_a.clusters.clusters) {
        groups.push_back("«" + g.name + "» — " +
                         analysis::count_of_schools(static_cast<int>(g.school_ids.size())));
      }
      item("По сходству результатов выделены группы ОО: " + analysis::join_and(groups) + ".");
    }
    if (m_a.rubric) {
      const auto& m = m_a.rubric->municipal;
      item("По рубрике " + m_where.nominative + " набрал " + analysis::points_out_of(m.total, m.max) +
           " (уровень «" + analysis::level_name(m.level) + "»).");
    }
  }

  void signature() {
    m_doc.empty_line();
    const auto plain = docx::ParagraphFormat::at(docx::Align::left);
    if (m_s.prepared_by.empty()) {
      m_doc.paragraph({Span{"Исполнитель: "}, placeholder("должность, Ф.И.О.")}, plain);
    } else {
      m_doc.paragraph("Исполнитель: " + m_s.prepared_by, plain);
    }
    const std::string date = date_of(m_in.run.run_time);
    if (!date.empty()) m_doc.paragraph("Дата: " + date, plain);
  }

  const ReportInput& m_in;
  const DocumentSettings& m_s;
  const analysis::Analysis& m_a;
  const analysis::MunicipalityWords m_where;
  const analysis::SummaryParts m_parts;
  docx::Document m_doc;
};

}  // namespace

docx::Document spravka_document(const ReportInput& input, const DocumentSettings& settings) {
  return Spravka(input, settings).build();
}

}  // namespace report
