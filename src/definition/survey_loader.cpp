#include "definition/survey_loader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "definition/definition_checks.h"
#include "definition/naming.h"
#include "util/text_key.h"

namespace definition {

namespace {

using model::Diagnostic;
using model::QuestionKind;

constexpr std::string_view k_survey_keys[] = {
    "id",           "title",          "respondents",       "school_question",
    "school_column", "email_question", "respondents_input", "registry_input",
    "min_response_rate", "direction", "question"};
constexpr std::string_view k_question_keys[] = {"id",      "label", "text",     "column",   "kind",
                                                "choices", "counts", "scale",   "at_least", "direction"};
constexpr std::string_view k_respondents[] = {"teachers", "administration"};
constexpr std::string_view k_kinds[] = {"choice", "checkbox", "scale", "yesno"};
constexpr double k_max_scale_steps = 100;

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

QuestionKind kind_of(std::string_view k) {
  return k == "checkbox" ? QuestionKind::checkbox
         : k == "scale"  ? QuestionKind::scale
         : k == "yesno"  ? QuestionKind::yesno
                         : QuestionKind::choice;
}

class SurveyReader {
 public:
  SurveyReader(const std::string& file_name, SourceMap& lines, model::Definition& def,
               std::vector<Diagnostic>& out)
      : m_file(file_name), m_lines(lines), m_def(def), m_out(out) {}

  void read(const toml::table& root) {
    const auto tables = array_of_tables(root, "survey", m_file, m_out);
    for (std::size_t i = 0; i < tables.size(); ++i) read_survey(*tables[i], i);
  }

 private:
  void read_survey(const toml::table& table, std::size_t index) {
    const std::string path = item_path("survey", index);
    TableReader r(table, path, "[[survey]]", m_file, m_lines, m_out);
    r.reject_unknown(k_survey_keys);
    model::SurveyDef s;
    s.line = r.line();
    s.id = r.text("id", true).value_or("");
    if (!s.id.empty() && !is_valid_plain_id(s.id)) {
      r.error("id", "недопустимый id анкеты", "используйте латинские буквы, цифры, «_» и «-» (не длиннее 64 символов)",
              s.id);
    } else if (!s.id.empty() && !m_survey_ids.insert(s.id).second) {
      r.error("id", "id анкеты " + q(s.id) + " повторяется", "дайте каждой анкете [[survey]] свой id");
    }
    s.title = r.text("title", true).value_or("");
    if (const auto who = r.choice("respondents", k_respondents, true)) {
      s.respondents = *who == "administration" ? model::Respondents::administration : model::Respondents::teachers;
    }
    s.school_question = r.text("school_question", true).value_or("");
    s.school_column = r.text("school_column", false).value_or("");
    s.email_question = r.text("email_question", false).value_or("");
    s.respondents_input = r.text("respondents_input", true).value_or("");
    s.registry_input = r.text("registry_input", false).value_or("");
    s.min_response_rate = r.number("min_response_rate");
    s.direction = r.text("direction", false).value_or("");
    check_denominators(r, s);
    read_questions(table, r, s);
    check_texts(r, s);
    add_inputs(r, s);
    m_def.surveys.push_back(std::move(s));
  }

  void check_denominators(TableReader& r, const model::SurveyDef& s) {
    if (!s.registry_input.empty() && s.respondents == model::Respondents::administration) {
      r.error("registry_input",
              "анкета " + q(s.id) + ": число педагогов из реестра — знаменатель только анкеты педагогов",
              "для анкеты административной команды удалите registry_input; доли считаются от числа ответивших");
    }
    if (!s.min_response_rate) return;
    if (s.registry_input.empty()) {
      r.error("min_response_rate",
              "анкета " + q(s.id) + ": порог охвата требует числа педагогов из реестра (registry_input)",
              "добавьте registry_input = \"…\" и столбец teachers в реестр школ или удалите min_response_rate");
    } else if (*s.min_response_rate <= 0 || *s.min_response_rate > 100) {
      r.error("min_response_rate", "анкета " + q(s.id) + ": порог охвата должен быть больше 0 и не больше 100 (%)",
              "укажите процент без знака «%», например min_response_rate = 50");
    }
  }

  void read_questions(const toml::table& table, TableReader& r, model::SurveyDef& s) {
    const auto* node = table.get("question");
    const auto* arr = node != nullptr ? node->as_array() : nullptr;
    if (node != nullptr && (arr == nullptr || !arr->is_array_of_tables())) {
      r.error("question", "вопросы анкеты записываются таблицами [[survey.question]]",
              "начинайте каждый вопрос строкой [[survey.question]] после его [[survey]]");
      return;
    }
    if (arr == nullptr || arr->empty()) {
      r.error("", "в анкете " + q(s.id) + " нет ни одного вопроса [[survey.question]]",
              "добавьте после [[survey]] вопросы: [[survey.question]] с ключами id, text, kind");
      return;
    }
    if (arr->size() > k_max_questions) {
      r.error("question",
              "в анкете " + q(s.id) + " " + std::to_string(arr->size()) + " вопросов, а считать можно не больше " +
                  std::to_string(k_max_questions),
              "разделите анкету на две [[survey]]");
      return;
    }
    for (std::size_t j = 0; j < arr->size(); ++j) {
      read_question(*(*arr)[j].as_table(), r.path() + "." + item_path("question", j), s);
    }
  }

  void read_question(const toml::table& table, const std::string& path, model::SurveyDef& s) {
    TableReader r(table, path, "[[survey.question]]", m_file, m_lines, m_out);
    r.reject_unknown(k_question_keys);
    model::SurveyQuestion question;
    question.line = r.line();
    question.id = r.text("id", true).value_or("");
    question.text = r.text("text", true).value_or("");
    question.label = r.text("label", false).value_or(question.text);
    question.column = r.text("column", false).value_or("");
    question.direction = r.text("direction", false).value_or("");
    const auto kind = r.choice("kind", k_kinds, true);
    if (kind) {
      question.kind = kind_of(*kind);
      const std::string why = "у вопроса вида " + *kind + " его нет";
      switch (question.kind) {
        case QuestionKind::choice:
        case QuestionKind::checkbox:
          r.reject_present("scale", why);
          r.reject_present("at_least", why);
          read_choices(r, question);
          break;
        case QuestionKind::scale:
          r.reject_present("choices", why);
          r.reject_present("counts", why);
          read_scale(r, question);
          break;
        case QuestionKind::yesno:
          r.reject_present("choices", why + ": ответы — «Да» и «Нет»");
          r.reject_present("scale", why);
          r.reject_present("at_least", why);
          read_yesno(r, question);
          break;
      }
    }
    s.questions.push_back(std::move(question));
  }

  void read_choices(TableReader& r, model::SurveyQuestion& question) {
    question.choices = r.texts("choices");
    question.counted = r.texts("counts");
    if (question.choices.empty()) {
      r.error("choices", "вопрос " + q(question.id) + ": не перечислены варианты ответа (choices)",
              "перечислите варианты так, как они записаны в форме: choices = [\"…\", \"…\"]");
      return;
    }
    std::map<std::string, std::string> seen;
    for (const auto& c : question.choices) {
      const auto key = util::text_key(c);
      if (key.empty()) {
        r.error("choices", "вопрос " + q(question.id) + ": пустой вариант ответа", "удалите его из списка", c);
      } else if (const auto [it, fresh] = seen.emplace(key, c); !fresh) {
        r.error("choices",
                "вопрос " + q(question.id) + ": варианты " + q(it->second) + " и " + q(c) +
                    " не различить (они отличаются только регистром, знаками или пробелами)",
                "оставьте один из них", c);
      }
    }
    if (question.counted.empty()) {
      r.error("counts", "вопрос " + q(question.id) + ": не указано, какие ответы засчитываются (counts)",
              "перечислите засчитываемые варианты: counts = [\"" + question.choices.front() + "\"]");
    }
    for (const auto& c : question.counted) {
      if (seen.contains(util::text_key(c))) continue;
      r.error("counts", "вопрос " + q(question.id) + ": засчитываемого ответа " + q(c) + " нет среди вариантов",
              choose_hint(c, question.choices, "варианты вопроса"), c);
    }
  }

  void read_scale(TableReader& r, model::SurveyQuestion& question) {
    const auto* node = r.node("scale");
    const auto* arr = node != nullptr ? node->as_array() : nullptr;
    const auto whole = [](const toml::node& n) { return n.as_integer() != nullptr; };
    if (node == nullptr) {
      r.error("scale", "вопрос " + q(question.id) + ": не указаны границы шкалы (scale)",
              "запишите, например, scale = [1, 5]");
    } else if (arr == nullptr || arr->size() != 2 || !whole((*arr)[0]) || !whole((*arr)[1])) {
      r.error("scale", "вопрос " + q(question.id) + ": шкала записывается двумя целыми числами",
              "запишите, например, scale = [1, 5]", render_value(*node));
    } else {
      question.scale_min = static_cast<double>((*arr)[0].as_integer()->get());
      question.scale_max = static_cast<double>((*arr)[1].as_integer()->get());
      if (question.scale_min >= question.scale_max || question.scale_max - question.scale_min > k_max_scale_steps) {
        r.error("scale",
                "вопрос " + q(question.id) + ": шкала должна идти от меньшего числа к большему (не больше 100 шагов)",
                "запишите, например, scale = [1, 5]", render_value(*node));
      }
    }
    const auto at_least = r.number("at_least");
    if (!at_least) {
      if (r.node("at_least") == nullptr) {
        r.error("at_least", "вопрос " + q(question.id) + ": не указано, с какого балла ответ засчитывается (at_least)",
                "например, at_least = 4: засчитываются ответы 4 и 5");
      }
      return;
    }
    question.at_least = *at_least;
    if (std::floor(*at_least) != *at_least || *at_least < question.scale_min || *at_least > question.scale_max) {
      r.error("at_least", "вопрос " + q(question.id) + ": at_least должен быть целым числом в пределах шкалы",
              "укажите балл шкалы, начиная с которого ответ засчитывается", render_value(*r.node("at_least")));
    }
  }

  void read_yesno(TableReader& r, model::SurveyQuestion& question) {
    question.choices = {"Да", "Нет"};
    question.counted = r.node("counts") != nullptr ? r.texts("counts") : std::vector<std::string>{"Да"};
    if (question.counted.empty()) {
      r.error("counts", "вопрос " + q(question.id) + ": список засчитываемых ответов пуст",
              "удалите counts (засчитывается «Да») или укажите counts = [\"Нет\"]");
    }
    for (auto& c : question.counted) {
      const auto key = util::text_key(c);
      if (key == "да" || key == "нет") {
        c = key == "да" ? "Да" : "Нет";
        continue;
      }
      r.error("counts", "вопрос " + q(question.id) + ": у вопроса вида yesno ответы только «Да» и «Нет»",
              "укажите counts = [\"Да\"] или counts = [\"Нет\"]", c);
    }
  }

  // Two columns whose headers read the same cannot be told apart.
  void check_texts(TableReader& r, const model::SurveyDef& s) {
    std::map<std::string, std::string> seen;  // key -> what it is
    const auto claim = [&](const std::string& text, const std::string& what, const std::string& path) {
      const auto key = util::text_key(text);
      if (key.empty()) return;
      const auto [it, fresh] = seen.emplace(key, what);
      if (fresh) return;
      m_out.push_back(Diagnostic::error(r.at(path), what + " записан так же, как " + it->second + ": столбцы выгрузки не различить",
                                        "если в форме они различаются, укажите у вопроса column = \"…\" — заголовок столбца в выгрузке"));
    };
    claim(s.school_column.empty() ? s.school_question : s.school_column, "вопрос о школе", "school_question");
    if (!s.email_question.empty()) claim(s.email_question, "вопрос об адресе", "email_question");
    for (std::size_t j = 0; j < s.questions.size(); ++j) {
      const auto& question = s.questions[j];
      const std::string sub = item_path("question", j);
      claim(question.column.empty() ? question.text : question.column, "вопрос " + q(question.id), sub + ".text");
    }
  }

  // The survey's counts as inputs of the definition, each located at the
  // line it is declared on (definition_checks reports them by these paths).
  void add_inputs(const TableReader& r, const model::SurveyDef& s) {
    const auto add = [&](const std::string& id, std::string label, const std::string& direction,
                         const std::string& not_more_than, const std::string& key, int line) {
      if (id.empty()) return;
      model::InputDef in;
      in.id = id;
      in.label = std::move(label);
      in.kind = model::InputKind::count;
      in.direction = direction;
      in.required = false;
      in.min = 0.0;
      in.not_more_than = not_more_than;
      in.survey = s.id;
      in.line = line;
      const std::string path = item_path("input", m_def.inputs.size());
      m_lines.add(path, line);
      m_lines.add(path + ".id", m_lines.line_of(key).value_or(line));
      m_lines.add(path + ".direction", m_lines.line_of(key).value_or(line));
      m_def.inputs.push_back(std::move(in));
    };
    const bool teachers = s.respondents == model::Respondents::teachers;
    const std::string who = teachers ? "Педагоги" : "Члены административной команды ОО";
    add(s.respondents_input, who + ", ответившие на анкету «" + s.title + "» (чел.)", s.direction,
        s.registry_input, r.path() + ".respondents_input", s.line);
    // Added even to an administration's survey (an error already said): what
    // names it is then not reported a second time.
    add(s.registry_input, "Педагогические работники ОО по реестру школ (чел.)", s.direction, {},
        r.path() + ".registry_input", s.line);
    for (std::size_t j = 0; j < s.questions.size(); ++j) {
      const auto& question = s.questions[j];
      add(question.id, question.label, question.direction.empty() ? s.direction : question.direction,
          s.respondents_input, r.path() + "." + item_path("question", j) + ".id", question.line);
    }
  }

  const std::string& m_file;
  SourceMap& m_lines;
  model::Definition& m_def;
  std::vector<Diagnostic>& m_out;
  std::set<std::string> m_survey_ids;
};

}  // namespace

void read_surveys(const toml::table& root, const std::string& file_name, SourceMap& lines,
                  model::Definition& def, std::vector<model::Diagnostic>& out) {
  SurveyReader(file_name, lines, def, out).read(root);
}

}  // namespace definition
