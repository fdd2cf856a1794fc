#include "analysis/method_notes.h"

#include "analysis/number_text.h"
#include "analysis/russian_words.h"

namespace analysis {

std::vector<std::string> write_method_notes(const model::Definition& definition,
                                            const Analysis& analysis) {
  std::vector<std::string> notes;
  const auto where = municipality_words(definition);
  if (definition.rubric && !definition.rubric->blocks.empty()) {
    const auto& r = *definition.rubric;
    std::string blocks;
    for (const auto& b : r.blocks) {
      if (!blocks.empty()) blocks += "; ";
      blocks += "«" + b.title + "» — " + format_points(b.computed_max);
      if (b.declared_max && *b.declared_max != b.computed_max) {
        blocks += " (в методике заявлено " + format_points(*b.declared_max) + ")";
      }
    }
    std::string total = "Рубрика «" + r.title + "»: максимум " + format_points(r.computed_total) +
                        " баллов — сумма баллов по строкам блоков (" + blocks + ")";
    if (r.declared_total && *r.declared_total != r.computed_total) {
      total += "; заявленный в методике итог " + format_points(*r.declared_total) +
               " не совпадает с суммой и не используется";
    }
    notes.push_back(total + ".");
    notes.push_back(
        "Баллы ОО считаются по её форме: ответы «Да»/«Нет» подтверждают параметры, условия на "
        "показатели проверяются по значениям ОО; блок «Показатели» (логика «2/1/−1») учитывает "
        "показатели позиции, по которым у ОО есть значение. Параметры, для которых нет данных, "
        "получают 0 баллов с пометкой «нет данных».");
    notes.push_back(
        "Баллы " + where.genitive + " считаются по муниципальным значениям: параметр с ответом «Да»/«Нет» "
        "засчитывается, если «Да» ответили не менее " +
        format_compact(r.municipal_yes_share, 1) +
        " % ОО, сдавших форму (незаполненный ответ считается «Нет»); условия на показатели "
        "проверяются по значению " + where.genitive + " (сумма числителей / сумма знаменателей) и медиане по ОО. "
        "Рядом приводится медиана баллов ОО.");
    notes.push_back("Уровни: высокий — не менее " + format_compact(r.levels.high, 1) +
                    " % максимума, средний — не менее " + format_compact(r.levels.medium, 1) +
                    " %, низкий — ниже.");
  }
  const auto& c = analysis.clusters;
  notes.push_back(
      "Группировка ОО: по долевым показателям и показателям «да/нет», значения которых "
      "различаются (количества зависят от размера ОО и не учитываются), каждое значение "
      "выражается отклонением от среднего по ОО в стандартных отклонениях (для "
      "показателей «меньше — лучше» знак меняется). ОО, у которой есть не менее " +
      format_compact(definition.rubric ? definition.rubric->clusters.min_values : 60, 1) +
      " % этих показателей, получает для недостающих среднее значение; остальные ОО указываются "
      "как «недостаточно данных для группировки». Группы (k-средних, задано " +
      std::to_string(c.k_requested) +
      ") строятся детерминированно: первый центр — ОО с наибольшим средним таким отклонением, "
      "следующие — "
      "наиболее удалённые ОО; группы упорядочены по среднему отклонению их ОО и названы «опережающая», "
      "«основная», «группа поддержки» (это не уровни рубрики). Факторы группы — показатели, по "
      "которым медиана группы (для показателей «да/нет» — доля ОО с ответом «Да») сильнее всего "
      "отличается от значения по " + where.dative + ".");
  notes.push_back(
      definition.rubric && !definition.rubric->recommendations.empty()
          ? "Адресные рекомендации выбираются по правилам рекомендаций, заданным в методике."
          : "В методике нет правил рекомендаций; применены правила по умолчанию: отставание от "
            "целевого значения (для долей с целевыми значениями), значение хуже медианы по " +
                where.dative + " (для долей без целевых значений), ответ «Нет» о наличии документа.");
  notes.push_back("Рекомендация выдаётся, когда разрыв с целевым значением или медианой (или "
                  "ухудшение к предыдущему периоду) не меньше " +
                  format_compact(recommendation_settings(definition).min_gap, 1) +
                  " (п.п. для долей); в тексте справки по каждой ОО названы не более " +
                  std::to_string(recommendation_settings(definition).per_school) +
                  " важнейших, полный список — на листе «Рекомендации».");
  notes.push_back(
      "Динамика: изменение к предыдущему периоду и к тому же периоду прошлых лет, в процентных "
      "пунктах для долей; «положительная» — в сторону улучшения показателя.");
  return notes;
}

}  // namespace analysis
