#include "survey/header_map.h"

#include <algorithm>
#include <array>
#include <map>

#include "definition/naming.h"
#include "model/cell_ref.h"
#include "util/text_key.h"

namespace survey {

namespace {

constexpr std::array<std::string_view, 5> k_id_titles = {"id", "id ответа", "номер ответа", "response id",
                                                         "answer id"};
constexpr std::array<std::string_view, 8> k_time_titles = {"время создания", "отметка времени", "timestamp",
                                                           "время ответа",   "дата и время",    "дата создания",
                                                           "дата ответа",    "время"};
constexpr std::array<std::string_view, 5> k_email_titles = {"адрес электронной почты", "email address",
                                                            "электронная почта", "e mail", "email"};

template <std::size_t N>
bool among(const std::string& key, const std::array<std::string_view, N>& titles) {
  return std::find(titles.begin(), titles.end(), key) != titles.end();
}

std::string in_quotes(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string columns_text(const std::vector<std::size_t>& columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == columns.size() ? " и " : ", ") + model::column_name(static_cast<std::uint32_t>(columns[i]));
  }
  return out;
}

class Matcher {
 public:
  Matcher(const std::vector<std::string>& header, const model::SurveyDef& survey) : m_header(header), m_survey(survey) {
    for (const auto& h : header) m_keys.push_back(util::text_key(h));
    m_taken.assign(header.size(), false);
  }

  HeaderMap run() {
    m_map.questions.resize(m_survey.questions.size());
    find_school();
    find_email();
    find_service_columns();
    for (std::size_t q = 0; q < m_survey.questions.size(); ++q) find_exact(q);
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (!m_taken[c]) find_option(c);
    }
    for (std::size_t q = 0; q < m_survey.questions.size(); ++q) finish_question(q);
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (!m_taken[c] && !m_keys[c].empty()) m_map.unused.push_back(c);
    }
    return std::move(m_map);
  }

 private:
  // Columns whose key is `key`, not yet taken.
  std::vector<std::size_t> columns_with(const std::string& key) const {
    std::vector<std::size_t> out;
    if (key.empty()) return out;
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (!m_taken[c] && m_keys[c] == key) out.push_back(c);
    }
    return out;
  }

  // The one column headed by the configured title, else by the text.
  std::optional<std::size_t> single(const std::string& column, const std::string& text, const std::string& what) {
    auto found = columns_with(util::text_key(column));
    if (found.empty()) found = columns_with(util::text_key(text));
    if (found.empty()) return std::nullopt;
    if (found.size() > 1) {
      m_map.errors.push_back(what + ": в выгрузке несколько столбцов с таким заголовком (" + columns_text(found) +
                             ") — какой из них читать, не ясно");
    }
    for (const auto c : found) m_taken[c] = true;
    return found.front();
  }

  void find_school() {
    m_map.school_column =
        single(m_survey.school_column, m_survey.school_question, "вопрос о школе " + in_quotes(m_survey.school_question));
    if (!m_map.school_column) {
      m_map.errors.push_back("в выгрузке нет столбца вопроса о школе " +
                             in_quotes(m_survey.school_column.empty() ? m_survey.school_question : m_survey.school_column) +
                             hint_for(m_survey.school_column.empty() ? m_survey.school_question : m_survey.school_column));
    }
  }

  void find_email() {
    if (!m_survey.email_question.empty()) {
      m_map.email_column = single({}, m_survey.email_question, "вопрос об адресе " + in_quotes(m_survey.email_question));
      return;
    }
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (m_taken[c] || !among(m_keys[c], k_email_titles)) continue;
      m_map.email_column = c;
      m_taken[c] = true;
      return;
    }
  }

  void find_service_columns() {
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (m_taken[c]) continue;
      if (!m_map.id_column && among(m_keys[c], k_id_titles)) {
        m_map.id_column = c;
        m_taken[c] = true;
      } else if (!m_map.time_column && among(m_keys[c], k_time_titles)) {
        m_map.time_column = c;
        m_taken[c] = true;
        if (m_keys[c] == "время создания" && m_map.id_column) m_map.service = Service::yandex;
        if (m_keys[c] == "отметка времени" || m_keys[c] == "timestamp") m_map.service = Service::google;
      }
    }
    if (m_map.service == Service::unknown && m_map.id_column && m_map.time_column &&
        m_keys[*m_map.time_column] == "время создания") {
      m_map.service = Service::yandex;
    }
  }

  void find_exact(std::size_t q) {
    const auto& question = m_survey.questions[q];
    m_map.questions[q].column = single(question.column, question.text, "вопрос " + in_quotes(question.text));
  }

  // "<question> <option>": a column per option of a checkbox question; the
  // longest question text that starts the header wins.
  void find_option(std::size_t c) {
    const std::string& key = m_keys[c];
    std::optional<std::size_t> best;
    std::size_t best_length = 0;
    for (std::size_t q = 0; q < m_survey.questions.size(); ++q) {
      const auto& question = m_survey.questions[q];
      if (question.kind != model::QuestionKind::checkbox) continue;
      for (const auto& title : {question.column, question.text}) {
        const auto qkey = util::text_key(title);
        if (qkey.empty() || key.size() <= qkey.size() + 1 || !key.starts_with(qkey + " ")) continue;
        if (qkey.size() > best_length) {
          best = q;
          best_length = qkey.size();
        }
      }
    }
    if (!best) return;
    m_taken[c] = true;
    const auto& question = m_survey.questions[*best];
    auto& columns = m_map.questions[*best];
    const std::string rest = key.substr(best_length + 1);
    for (std::size_t i = 0; i < question.choices.size(); ++i) {
      if (util::text_key(question.choices[i]) != rest) continue;
      const auto same = std::find_if(columns.options.begin(), columns.options.end(),
                                     [&](const auto& o) { return o.second == i; });
      if (same != columns.options.end()) {
        m_map.errors.push_back("вопрос " + in_quotes(question.text) + ": у варианта " + in_quotes(question.choices[i]) +
                               " два столбца (" + columns_text({same->first, c}) + ")");
      }
      columns.options.emplace_back(c, i);
      return;
    }
    columns.unknown_options.push_back(c);
  }

  void finish_question(std::size_t q) {
    const auto& question = m_survey.questions[q];
    auto& columns = m_map.questions[q];
    if (columns.column && (!columns.options.empty() || !columns.unknown_options.empty())) {
      m_map.errors.push_back("вопрос " + in_quotes(question.text) +
                             ": в выгрузке и столбец со всеми ответами, и столбцы по вариантам — какой читать, не ясно");
    }
    if (!columns.found()) {
      m_map.errors.push_back("в выгрузке нет столбца вопроса " +
                             in_quotes(question.column.empty() ? question.text : question.column) +
                             hint_for(question.column.empty() ? question.text : question.column));
      return;
    }
    ++m_map.found_questions;
  }

  // "; похожий столбец — «…»" when a header is close to what is looked for.
  std::string hint_for(const std::string& wanted) const {
    std::vector<std::string> free;
    std::map<std::string, std::size_t> column_of;
    for (std::size_t c = 0; c < m_keys.size(); ++c) {
      if (m_taken[c] || m_keys[c].empty()) continue;
      free.push_back(m_keys[c]);
      column_of.emplace(m_keys[c], c);
    }
    const auto close = definition::closest_match(util::text_key(wanted), free);
    if (close.empty()) return {};
    const auto c = column_of.at(close);
    return "; похожий столбец " + model::column_name(static_cast<std::uint32_t>(c)) + " — " + in_quotes(m_header[c]);
  }

  const std::vector<std::string>& m_header;
  const model::SurveyDef& m_survey;
  std::vector<std::string> m_keys;
  std::vector<bool> m_taken;
  HeaderMap m_map;
};

}  // namespace

std::string service_name(Service s) {
  switch (s) {
    case Service::yandex: return "Яндекс Формы";
    case Service::google: return "Google Формы";
    case Service::unknown: break;
  }
  return "сервис не распознан";
}

HeaderMap match_header(const std::vector<std::string>& header, const model::SurveyDef& survey) {
  return Matcher(header, survey).run();
}

int header_score(const std::vector<std::string>& header, const model::SurveyDef& survey) {
  const auto map = match_header(header, survey);
  return map.found_questions + (map.school_column ? 1 : 0);
}

}  // namespace survey
