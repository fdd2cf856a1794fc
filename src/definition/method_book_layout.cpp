#include "definition/method_book_layout.h"

#include <array>

#include "ingest/value_parse.h"
#include "model/period.h"
#include "util/text_case.h"

namespace definition::book {

namespace {

constexpr std::array<Choice, 2> k_yes_no = {{{"true", "Да"}, {"false", "Нет"}}};
constexpr std::array<Choice, 4> k_periodicity = {{{"month", "ежемесячно"},
                                                  {"half_year", "раз в полугодие"},
                                                  {"year", "раз в год"},
                                                  {"school_year", "раз в учебный год (сентябрь — август)"}}};
constexpr std::array<Choice, 2> k_school_years = {
    {{"current", "идущий учебный год"}, {"previous", "прошедший учебный год"}}};
constexpr std::array<Choice, 3> k_input_kinds = {
    {{"count", "количество"}, {"yesno", "да/нет"}, {"text", "текст"}}};
constexpr std::array<Choice, 3> k_indicator_kinds = {
    {{"share", "доля"}, {"count", "количество"}, {"yesno", "да/нет"}}};
constexpr std::array<Choice, 2> k_better = {{{"higher", "выше"}, {"lower", "ниже"}}};
constexpr std::array<Choice, 3> k_block_kinds = {
    {{"indicator_set", "по показателям"}, {"checklist", "по параметрам"}, {"binary", "одно условие"}}};
constexpr std::array<Choice, 3> k_tests = {{{"meets_target", "цель года достигнута"},
                                            {"at_least_median", "не ниже медианы"},
                                            {"positive_dynamics", "положительная динамика"}}};
constexpr std::array<Choice, 5> k_whens = {{{"below_target", "ниже цели года"},
                                            {"below_median", "ниже медианы"},
                                            {"document_missing", "нет документа"},
                                            {"no_positive_dynamics", "нет положительной динамики"},
                                            {"bottom_quartile", "в худшей четверти"}}};
using K = CellKind;

constexpr std::array<Setting, 22> k_general = {{
    {"Идентификатор методики", "definition.id", K::plain_id, true, false, {},
     "Латинские буквы, цифры, «-» и «_», например ensk-2026. По нему формы школ узнают свою методику: "
     "не меняйте его посреди года."},
    {"Версия", "definition.version", K::text, true, false, {},
     "Версия методики, например 2026.1. Поменяйте её, когда меняете методику: формы прежней версии "
     "программа не примет и скажет школе, что изменилось."},
    {"Название мониторинга", "definition.title", K::text, true, false, {},
     "Как мониторинг называется в документах: «Мониторинг методической работы в ОО»."},
    {"Муниципалитет", "definition.municipality", K::text, false, false, {},
     "Муниципальный район или округ: «Энский муниципальный округ»."},
    {"Организация", "definition.organisation", K::text, false, false, {},
     "Кто проводит мониторинг: «МКУ «Информационно-методический центр»»."},
    {"Документ-источник", "definition.source", K::text, false, false, {},
     "Документ, из которого взята методика (приказ, положение, дорожная карта)."},
    {"Периодичность", "definition.periodicity", K::choice, true, false, k_periodicity,
     "Как часто школы сдают форму: ежемесячно, раз в полугодие или раз в год (выберите из списка)."},
    {"Цель мониторинга", "definition.goal", K::text, false, false, {},
     "Продолжение фразы «Цель мониторинга — …» в аналитической справке."},
    {"Основание", "definition.basis", K::text, false, true, {},
     "Документ, на котором основан мониторинг, как его называет справка: «Положение о мониторинге …, "
     "утверждённое приказом … от … № …». Несколько документов — несколько строк «Основание»."},
    {"Замечание к документу-источнику", "definition.notes", K::text, false, true, {},
     "Пробел или несоответствие в документе-источнике: его покажет лист «Методика» итогов. "
     "Каждое замечание — отдельной строкой."},
    {"Рубрика: идентификатор", "rubric.id", K::plain_id, false, false, {},
     "Нужен, если у методики есть рубрика (листы «Блоки рубрики» и «Рубрика»): латинские буквы, "
     "цифры, «-» и «_»."},
    {"Рубрика: название", "rubric.title", K::text, false, false, {},
     "Название рубрики оценивания: «Оценка методической работы ОО»."},
    {"Рубрика: документ-источник", "rubric.source", K::text, false, false, {},
     "Документ, из которого взята рубрика."},
    {"Рубрика: заявленный итог баллов", "rubric.declared_total", K::number, false, false, {},
     "Максимум баллов, как его называет документ. Если он не равен сумме максимумов блоков, "
     "программа предупредит и будет считать по сумме."},
    {"Рубрика: высокий уровень от, % максимума", "rubric.levels.high", K::number, false, false, {},
     "Сколько процентов от максимума баллов — высокий уровень (обычно 80)."},
    {"Рубрика: средний уровень от, % максимума", "rubric.levels.medium", K::number, false, false, {},
     "Сколько процентов от максимума баллов — средний уровень (обычно 50); меньше — низкий."},
    {"Рубрика: для округа «Да» у ОО не меньше, %", "rubric.municipal_yes_share", K::number, false, false, {},
     "Округ получает балл за ответ да/нет, когда «Да» ответили не меньше этого процента ОО (обычно 50)."},
    {"Группы ОО: число групп", "clusters.k", K::whole, false, false, {},
     "На сколько групп делить ОО по профилю показателей (обычно 3)."},
    {"Группы ОО: показателей со значением не меньше, %", "clusters.min_values", K::number, false, false, {},
     "ОО входит в группировку, если у неё есть значения хотя бы у этого процента показателей (обычно 60)."},
    {"Рекомендации: наименьший заметный разрыв", "recommendations.min_gap", K::number, false, false, {},
     "Отставание меньше этого (п. п. для долей, единиц для количеств) рекомендации не даёт (обычно 5)."},
    {"Рекомендации: сколько называть в справке на ОО", "recommendations.per_school", K::whole, false,
     false, {}, "Сколько рекомендаций одной ОО называет справка (обычно 3); лист итогов перечисляет все."},
    {"Рекомендации: малый знаменатель меньше", "recommendations.min_denominator", K::number, false, false, {},
     "Доля ОО из меньшего знаменателя (1 из 1 молодого педагога — 100 %) показывается с числителем и "
     "знаменателем и не делает ОО примером, профилем группы или местом (обычно 5; 0 — не выделять)."},
}};

constexpr std::array<Setting, 4> k_calendar = {{
    {"Месяц сбора форм", "schedule.months", K::month, false, true, {},
     "Месяц, в котором школы сдают форму (выберите из списка). Несколько месяцев — несколько строк, в "
     "порядке методики. Сбор в месяце подводит итоги периода, в который входит предыдущий месяц: "
     "январь — итоги прошлого года или его 2-го полугодия. Без месяцев мониторинг ежемесячный."},
    {"День рассылки форм", "schedule.open_day", K::whole, false, false, {},
     "Число месяца, когда формы рассылаются школам, от 1 до 28. Можно не указывать."},
    {"Срок сдачи форм (число месяца)", "schedule.deadline_day", K::whole, false, false, {},
     "Число того же месяца, до которого школы сдают форму, от 1 до 28, позже дня рассылки. "
     "Можно не указывать."},
    {"За какой учебный год собираются формы", "schedule.school_year", K::choice, false, false, k_school_years,
     "Только для периодичности «раз в учебный год»: «идущий учебный год» (по умолчанию; сентябрь 2025 и "
     "август 2026 — 2025/26) или «прошедший учебный год» (сбор в сентябре 2026 подводит итоги 2025/26)."},
}};

constexpr std::array<Column, 2> k_directions = {{
    {"Код", "id", K::plain_id, 12, true, ListOf::none, {},
     "Короткий код направления: латинские буквы, цифры, «-» и «_» (D1, D2 …). На него ссылаются поля "
     "формы и показатели."},
    {"Название", "name", K::text, 70, true, ListOf::none, {},
     "Название направления, как в документе: «Выявление профессиональных дефицитов»."},
}};

constexpr std::array<Column, 9> k_fields = {{
    {"Код поля", "id", K::field_id, 24, true, ListOf::none, {},
     "Код поля: строчные латинские буквы, цифры и «_», начинается с буквы (teachers_total). На него "
     "ссылаются показатели; на форме ячейка получит имя in_<код>."},
    {"Текст на форме", "label", K::text, 60, true, ListOf::none, {},
     "Вопрос, который видит школа: «Общее количество педагогических работников (чел.)»."},
    {"Вид", "kind", K::choice, 14, true, ListOf::none, k_input_kinds,
     "Что вводит школа (выберите из списка): количество — целое число; да/нет — ответ из списка; текст."},
    {"Обязательное", "required", K::yesno, 13, false, ListOf::none, k_yes_no,
     "Да — форму без ответа не примут. Пусто: количество и да/нет обязательны, текст — нет."},
    {"Не меньше", "min", K::number, 11, false, ListOf::none, {},
     "Только для количества: наименьшее допустимое число. Пусто — 0."},
    {"Не больше", "max", K::number, 11, false, ListOf::none, {},
     "Только для количества: наибольшее допустимое число. Пусто — без предела."},
    {"Не больше поля", "not_more_than", K::field_id, 24, false, ListOf::fields, {},
     "Только для количества: код поля, которого это число не может быть больше (часть не больше "
     "целого: «из них молодые» не больше «всего педагогов»). Выберите из списка полей."},
    {"Направление", "direction", K::plain_id, 13, false, ListOf::directions, {},
     "Код направления с листа «Направления»: под ним поле стоит на форме. Можно оставить пустым."},
    {"Подсказка", "hint", K::text, 40, false, ListOf::none, {},
     "Подсказка, которую школа видит у ячейки: как считать, на какую дату."},
}};

constexpr std::array<Column, 13> k_indicators = {{
    {"Код показателя", "id", K::field_id, 24, true, ListOf::none, {},
     "Код показателя: строчные латинские буквы, цифры и «_», начинается с буквы (diag_share). На него "
     "ссылаются листы «Цели», «Рубрика» и «Рекомендации»."},
    {"Номер", "code", K::text, 8, false, ListOf::none, {},
     "Номер показателя, как его печатает документ: 1.1, 3.2."},
    {"Название", "name", K::text, 50, true, ListOf::none, {},
     "Название показателя: «Доля педагогов, прошедших диагностику профессиональных дефицитов»."},
    {"Вид", "kind", K::choice, 13, true, ListOf::none, k_indicator_kinds,
     "Выберите из списка: доля — числитель / знаменатель × 100 %; количество — сумма поля по ОО; "
     "да/нет — ответ поля (для округа — доля ОО с ответом «Да»)."},
    {"Числитель", "numerator", K::field_id, 22, false, ListOf::fields, {},
     "Только для доли: код поля вида «количество» — часть (сколько педагогов прошли …)."},
    {"Знаменатель", "denominator", K::field_id, 22, false, ListOf::fields, {},
     "Только для доли: код поля вида «количество» — целое (сколько всего педагогов)."},
    {"Поле", "input", K::field_id, 22, false, ListOf::fields, {},
     "Только для количества и да/нет: код поля, из которого берётся значение."},
    {"Лучше", "better", K::choice, 9, false, ListOf::none, k_better,
     "Выше — хорошо, когда значение больше (обычно); ниже — когда меньше (доля педагогов с дефицитами). "
     "Пусто — выше."},
    {"Направление", "direction", K::plain_id, 13, false, ListOf::directions, {},
     "Код направления с листа «Направления»: группа показателя в итогах."},
    {"Позиция рубрики", "position", K::plain_id, 12, false, ListOf::none, {},
     "Код позиции оценивания с листа «Рубрика» (M1 …), к которой относится показатель. Можно оставить пустым."},
    {"Соответствует цели", "matches_goal", K::yesno, 12, false, ListOf::none, k_yes_no,
     "Для рубрики: соответствует ли показатель обоснованной цели. Пусто — Да."},
    {"Неэффективный", "bad", K::yesno, 13, false, ListOf::none, k_yes_no,
     "Для рубрики: показатель неэффективный или с негативными последствиями. Пусто — Нет."},
    {"Краткое название", "short", K::text, 30, false, ListOf::none, {},
     "Несколько слов, которыми текст называет показатель там, где полное название повторялось бы: "
     "«диагностика профессиональных дефицитов». Пусто — полное название."},
}};

constexpr std::array<Column, 2> k_targets = {{
    {"Код показателя", "id", K::field_id, 24, true, ListOf::indicators, {},
     "Код показателя с листа «Показатели» (выберите из списка). Одна строка — один показатель."},
    {"Показатель", "", K::text, 50, false, ListOf::none, {},
     "Название показателя подставляется само по коду, его не нужно вводить."},
}};

constexpr std::array<Column, 10> k_blocks = {{
    {"Блок", "id", K::plain_id, 14, true, ListOf::none, {},
     "Код блока рубрики: латинские буквы, цифры, «-» и «_» (monitoring). На него ссылается лист «Рубрика»."},
    {"Название блока", "title", K::text, 30, true, ListOf::none, {},
     "Название блока, как в документе: «Мониторинг», «Адресные рекомендации»."},
    {"Вид", "kind", K::choice, 16, true, ListOf::none, k_block_kinds,
     "Как считаются баллы (выберите из списка): по показателям — 2/1/−1 по показателям позиции (лист "
     "«Показатели», «Позиция рубрики»); по параметрам — балл за каждый подтверждённый параметр; одно "
     "условие — один параметр на позицию."},
    {"Заявленный максимум", "declared_max", K::number, 12, false, ListOf::none, {},
     "Максимум баллов блока, как его называет документ. Если он не равен сумме баллов по строкам "
     "листа «Рубрика», программа предупредит и будет считать по сумме."},
    {"Главный параметр", "requires", K::field_id, 14, false, ListOf::none, {},
     "Только «по параметрам»: код параметра, без которого остальные параметры позиции дают 0 "
     "(обычно present — наличие)."},
    {"Только при эффективных показателях", "bad_gate", K::yesno, 16, false, ListOf::none, k_yes_no,
     "Только «по параметрам»: Да — главный параметр засчитывается, только если у позиции есть хотя бы "
     "один показатель, не отмеченный неэффективным. Пусто — Нет."},
    {"Баллы: соответствуют цели", "match_points", K::number, 13, false, ListOf::none, {},
     "Только «по показателям»: баллы позиции, показатели которой соответствуют цели. Пусто — 2."},
    {"Баллы: показатели есть", "nomatch_points", K::number, 13, false, ListOf::none, {},
     "Только «по показателям»: баллы позиции, показатели которой есть, но цели не соответствуют. Пусто — 1."},
    {"Вычет за неэффективный", "bad_deduction", K::number, 13, false, ListOf::none, {},
     "Только «по показателям»: вычет, если у позиции есть неэффективный показатель, 0 или меньше. "
     "Пусто — −1."},
    {"Только неэффективные: наличие засчитывается", "lone_bad_counts_presence", K::yesno, 18, false,
     ListOf::none, k_yes_no,
     "Только «по показателям»: Да — позиция, у которой все показатели неэффективные, всё же получает "
     "балл за наличие. Пусто — Нет."},
}};

constexpr std::array<Column, 10> k_rubric = {{
    {"Блок", "block", K::plain_id, 14, true, ListOf::blocks, {},
     "Код блока с листа «Блоки рубрики» (выберите из списка). Строка — одна клетка таблицы баллов: "
     "позиция × параметр блока."},
    {"Позиция", "position", K::plain_id, 10, true, ListOf::none, {},
     "Код позиции оценивания: M1, E3 … Позиция с несколькими параметрами занимает несколько строк."},
    {"Название позиции", "name", K::text, 40, false, ListOf::none, {},
     "Название позиции: «методическая поддержка молодых педагогов». Достаточно в первой строке позиции."},
    {"Параметр", "param", K::field_id, 12, false, ListOf::none, {},
     "Код параметра: строчные латинские буквы (present, dates). У блока «по показателям» параметров "
     "нет — оставьте пустым."},
    {"Название параметра", "title", K::text, 34, false, ListOf::none, {},
     "Название параметра: «Наличие показателей мониторинга». Параметры блока одни и те же у всех его "
     "позиций."},
    {"Баллы", "points", K::number, 8, false, ListOf::none, {},
     "Баллы за параметр. Пусто — 1."},
    {"Подтверждение: поле да/нет", "input", K::field_id, 24, false, ListOf::fields, {},
     "Откуда берётся «да» для параметра: код поля формы вида да/нет (выберите из списка). Либо "
     "показатель в следующем столбце."},
    {"Подтверждение: показатель", "indicator", K::field_id, 24, false, ListOf::none, {},
     "Код показателя, условие на который подтверждает параметр (с листа «Показатели» или показатель "
     "мониторинга-источника)."},
    {"Мониторинг-источник", "monitoring", K::plain_id, 18, false, ListOf::sources, {},
     "Только у годовой рубрики по мониторингам: код мониторинга с листа «Источники», чей показатель "
     "указан."},
    {"Условие", "test", K::choice, 18, false, ListOf::none, k_tests,
     "Условие на показатель (выберите из списка): цель года достигнута, не ниже медианы по ОО или "
     "положительная динамика к прошлому периоду."},
}};

constexpr std::array<Column, 5> k_recommendations = {{
    {"Когда", "when", K::choice, 22, true, ListOf::none, k_whens,
     "Когда ОО получает рекомендацию (выберите из списка): значение ниже цели года, ниже медианы, в "
     "худшей четверти значений ОО, нет документа (ответ «Нет») или нет положительной динамики."},
    {"Показатель", "indicator", K::field_id, 22, false, ListOf::indicators, {},
     "Код показателя с листа «Показатели», к которому относится условие."},
    {"Поле да/нет", "input", K::field_id, 22, false, ListOf::fields, {},
     "Только для «нет документа»: код поля да/нет с листа «Поля формы» (или показатель вида да/нет в "
     "предыдущем столбце)."},
    {"Наименьший разрыв", "min_gap", K::number, 12, false, ListOf::none, {},
     "Отставание меньше этого рекомендации не даёт (п. п. для долей). Пусто — как на листе «Общее»."},
    {"Текст рекомендации", "text", K::text, 80, true, ListOf::none, {},
     "Текст для ОО. Можно подставлять: {school} ОО, {indicator} показатель, {input} поле, {value} "
     "значение, {target} цель, {median} медиана, {gap} разрыв, {previous} прежнее значение, {change} "
     "изменение, {year} год."},
}};

constexpr std::array<Column, 2> k_sources = {{
    {"Мониторинг", "id", K::plain_id, 26, true, ListOf::none, {},
     "Идентификатор методики мониторинга, по итогам которого за год считается рубрика."},
    {"Файл методики", "definition", K::text, 40, true, ListOf::none, {},
     "Файл методики этого мониторинга (TOML или книга Excel), путь от папки этой книги."},
}};

constexpr std::array<SheetSpec, 11> k_sheets = {{
    {SheetId::general, "Общее", {}, false},
    {SheetId::directions, "Направления", k_directions, false},
    {SheetId::fields, "Поля формы", k_fields, false},
    {SheetId::indicators, "Показатели", k_indicators, false},
    {SheetId::targets, "Цели", k_targets, false},
    {SheetId::blocks, "Блоки рубрики", k_blocks, false},
    {SheetId::rubric, "Рубрика", k_rubric, false},
    {SheetId::recommendations, "Рекомендации", k_recommendations, false},
    {SheetId::calendar, "Календарь", {}, false},
    {SheetId::sources, "Источники", k_sources, true},
    {SheetId::instructions, "Как заполнять", {}, true},
}};

// Folds case and «ё», drops spaces at the ends and a trailing period.
std::string normal(std::string_view text) {
  std::string s = util::lower_text(ingest::trim_spaces(text));
  for (std::size_t i = 0; (i = s.find("ё", i)) != std::string::npos;) s.replace(i, 2, "е");
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::span<const SheetSpec> sheets() { return k_sheets; }

const SheetSpec& sheet(SheetId id) {
  for (const auto& s : k_sheets) {
    if (s.id == id) return s;
  }
  return k_sheets.front();
}

std::span<const Setting> settings(SheetId id) {
  if (id == SheetId::general) return k_general;
  if (id == SheetId::calendar) return k_calendar;
  return {};
}

const Column* column_by_key(const SheetSpec& sheet, std::string_view key) {
  for (const auto& c : sheet.columns) {
    if (c.key == key) return &c;
  }
  return nullptr;
}

std::span<const Choice> yes_no() { return k_yes_no; }
std::span<const Choice> periodicity_choices() { return k_periodicity; }
std::span<const Choice> month_choices() {
  // The months as model::month_name() names them: "1" -> «январь».
  static const std::array<std::string, 24> texts = [] {
    std::array<std::string, 24> out;
    for (int m = 1; m <= 12; ++m) {
      out[static_cast<std::size_t>(2 * (m - 1))] = std::to_string(m);
      out[static_cast<std::size_t>(2 * (m - 1) + 1)] = model::month_name(m);
    }
    return out;
  }();
  static const std::array<Choice, 12> months = [] {
    std::array<Choice, 12> out;
    for (std::size_t i = 0; i < 12; ++i) out[i] = {texts[2 * i], texts[2 * i + 1]};
    return out;
  }();
  return months;
}

std::optional<std::string_view> choice_code(std::span<const Choice> choices, std::string_view text) {
  const std::string want = normal(text);
  for (const auto& c : choices) {
    if (normal(c.shown) == want || normal(c.code) == want) return c.code;
  }
  return std::nullopt;
}

bool same_text(std::string_view a, std::string_view b) { return normal(a) == normal(b); }

std::string_view choice_shown(std::span<const Choice> choices, std::string_view code) {
  for (const auto& c : choices) {
    if (c.code == code) return c.shown;
  }
  return code;
}

}  // namespace definition::book
