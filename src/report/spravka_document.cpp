// The аналитическая справка (documents.h), in the genre of seed 000: a
// one-page summary first — what was studied, the main results, the main
// problems, the decisions proposed (analytical_summary.h) — signed, then the
// detail in appendix tables: the indicators (the only place their full names
// are written: the legend of the codes used everywhere else), the addressed
// recommendations (one row naming all the schools each concerns), the groups
// of schools and the rubric.
#include <algorithm>

#include "analysis/analytical_summary.h"
#include "analysis/findings.h"
#include "analysis/group_text.h"
#include "analysis/number_text.h"
#include "analysis/period_text.h"
#include "analysis/recommendation_groups.h"
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
        m_p(participation(in)),
        m_parts(analysis::summary_parts(in.definition, in.registry, in.summary, *in.analysis, m_p)) {}

  docx::Document build() {
    title();
    summary();
    signature();
    if (!m_in.summary.school_ids.empty()) appendices();
    return std::move(m_doc);
  }

 private:
  void title() {
    write_letterhead(m_doc, m_in, m_s);
    m_doc.paragraph("Аналитическая справка", docx::ParagraphFormat::styled(docx::k_title));
    // Whose schools: «… муниципального образования «Энский муниципальный округ» за …».
    const std::string whose =
        m_in.definition.municipality.empty() ? "" : " " + municipality_of(m_in.definition);
    m_doc.paragraph("по итогам " + analysis::monitoring_genitive(m_in.definition) + whose + " за " +
                        analysis::period_accusative(m_in.summary.period),
                    docx::ParagraphFormat::at(docx::Align::center).space(0, 6));
  }

  // Basis and goal in one sentence, before what was studied. The documents
  // are named as they are titled (nominative): after a dash, not after «на
  // основании», which would need each title declined («Положения …, утверждённого …»).
  std::vector<Span> basis_and_goal() const {
    std::vector<std::string> basis = m_in.definition.basis;
    if (!m_s.basis.empty()) basis.push_back(m_s.basis);
    std::vector<Span> spans;
    if (basis.empty()) {
      spans = {Span{"Основание проведения мониторинга — "},
               placeholder("[приказ о проведении мониторинга: дата, номер, название]")};
    } else {
      std::string text = basis.size() == 1 ? "Основание проведения мониторинга — " : "Основания проведения мониторинга — ";
      for (std::size_t i = 0; i < basis.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == basis.size() ? " и " : ", ") + basis[i];
      }
      spans = {Span{text}};
    }
    if (!m_in.definition.goal.empty()) {
      spans.push_back(Span{"; цель — " + util::lower_first(m_in.definition.goal)});
    }
    spans.push_back(Span{"."});
    return spans;
  }

  void section(const std::string& name) {
    m_doc.paragraph({Span{name, true}}, docx::ParagraphFormat{}.keep().space(6, 0));
  }

  void summary() {
    // The details go to the appendices (appendices()): the summary keeps its pages.
    const auto sections = analysis::summary_sections(m_parts, analysis::SummaryDetail::in_appendices);
    bool decisions = false;
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const auto& [name, paragraphs] = sections[i];
      section(name);
      if (i == 0) m_doc.paragraph(basis_and_goal());
      for (const auto& p : paragraphs) m_doc.paragraph(p);
      if (i == 0) {
        for (const auto& survey : m_in.definition.surveys) survey_participants(survey);
      }
      if (name == "Предлагаемые решения") decisions = true;
    }
    // One closing line: the summary is meant to fit its page or two.
    std::string closing = decisions ? "Проект приказа прилагается." : "";
    if (!m_in.summary.school_ids.empty()) {
      closing += std::string(closing.empty() ? "" : " ") +
                 "Подробно — в приложениях: значения показателей, адресные рекомендации ОО, группы ОО" +
                 (m_a.rubric ? ", оценка по рубрике." : ".");
    }
    if (!closing.empty()) m_doc.paragraph(closing);
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
    if (date.empty()) {
      m_doc.paragraph({Span{"Дата: "}, placeholder(date_placeholder())}, plain);
    } else {
      m_doc.paragraph("Дата: " + date, plain);
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

  // «Приложение N» on a new page, right-aligned, then its title.
  void appendix(const std::string& title) {
    ++m_appendix;
    auto head = docx::ParagraphFormat::at(docx::Align::right);
    if (m_appendix == 1) head.page_break_before = true;
    m_doc.paragraph("Приложение " + std::to_string(m_appendix), head.keep());
    m_doc.heading(1, title);
  }

  void appendices() {
    appendix("Значения показателей");
    const auto t = indicator_table(m_in);
    for (std::size_t i = 0; i < t.tables.size(); ++i) {
      if (i == 1) m_doc.paragraph("Динамика показателей:", docx::ParagraphFormat{}.keep());
      m_doc.table(t.tables[i]);
    }
    for (const auto& note : t.notes) {
      m_doc.paragraph({Span{note, false, true}},
                      docx::ParagraphFormat::styled(docx::k_table_text).aligned(docx::Align::both));
    }
    for (const auto& p : m_parts.indicator_details) m_doc.paragraph(p);
    appendix("Адресные рекомендации ОО");
    write_recommendations(m_doc, m_in, m_s);
    appendix("Группы образовательных организаций");
    groups();
    if (m_a.rubric) {
      appendix("Оценка по рубрике «" + m_a.rubric->title + "»");
      for (const auto& p : m_parts.rubric_details) m_doc.paragraph(p);
      rubric();
    }
  }

  void groups() {
    const auto& c = m_a.clusters;
    if (c.clusters.empty() && c.singles.empty()) {
      m_doc.paragraph(c.warnings.empty() ? "Группировка ОО не проводилась."
                                         : util::sentence("Группировка ОО не проведена: " + c.warnings.back()));
      return;
    }
    // How many groups there are is said on the first page; here what a group is.
    m_doc.paragraph("Группа — это профиль (чем ОО группы отличаются от " + m_where.genitive +
                    " в целом), а не уровень: группы обозначены буквами, начиная с самой многочисленной.");
    docx::Table t;
    t.widths_cm = {2.6, 6.0, 7.9};
    t.rows.push_back(docx::header_row({"Группа", "ОО", "Чем отличается от " + m_where.genitive}));
    const auto row = [&](const std::string& name, const analysis::Cluster& g) {
      std::string profile = analysis::group_text(m_in.definition, m_in.registry, g);
      // The table names the schools: keep what follows them.
      if (const auto dot = profile.find(". "); dot != std::string::npos) profile = profile.substr(dot + 2);
      t.rows.push_back({{docx::cell(name), docx::cell(schools_text(m_in, g.school_ids)), docx::cell(profile)}});
    };
    for (const auto& g : c.clusters) {
      row(util::upper_first(g.name) + " (" + analysis::count_of_schools(static_cast<int>(g.school_ids.size())) + ")", g);
    }
    for (const auto& g : c.singles) row("Особый профиль", g);
    m_doc.table(t);
    if (!c.insufficient_data.empty()) {
      m_doc.paragraph("Недостаточно данных для группировки: " + schools_text(m_in, c.insufficient_data) + ".");
    }
  }

  void rubric() {
    const auto& r = *m_a.rubric;
    docx::Table t;
    t.widths_cm = {7.0, 2.3, 2.3, 2.4, 2.5};
    t.rows.push_back(docx::header_row(
        {"Блок", "Баллы " + m_where.genitive, "Максимум", "Медиана баллов ОО", "Примечание"}));
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
      std::string note;
      if (i < r.uniform_blocks.size() && r.uniform_blocks[i]) note = "одинаково у всех ОО: оценивает методику";
      if (b.max < b.full_max) {
        note += std::string(note.empty() ? "" : "; ") + "часть параметров не оценивается";
      }
      t.rows.push_back({{docx::cell(std::string(b.title)),
                         docx::cell(analysis::format_points(b.points), docx::Align::center),
                         docx::cell(analysis::format_points(b.max), docx::Align::center),
                         docx::cell(median, docx::Align::center), docx::cell(note)}});
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

  const ReportInput& m_in;
  const DocumentSettings& m_s;
  const analysis::Analysis& m_a;
  const analysis::MunicipalityWords m_where;
  const model::Participation m_p;
  const analysis::SummaryParts m_parts;
  docx::Document m_doc;
  int m_appendix = 0;
};

}  // namespace

docx::Document spravka_document(const ReportInput& input, const DocumentSettings& settings) {
  return Spravka(input, settings).build();
}

}  // namespace report
