#include "report/results_workbook.h"

#include <gtest/gtest.h>

#include "report_fixture.h"
#include "support/print_layout.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

// Prints cells of one sheet as "A1 'value' type format".
constexpr const char* k_dump = R"(
def dump(ws, cells):
    for c in cells:
        cell = ws[c]
        v = round(cell.value, 6) if isinstance(cell.value, float) else cell.value
        print(c, repr(v), cell.number_format)
)";

class SchoolSheetTest : public ::testing::Test {
 protected:
  std::filesystem::path write() {
    const auto path = m_dir / "results.xlsx";
    EXPECT_TRUE(report::write_results_workbook(m_data.input(), path).has_value());
    return path;
  }
  test::ReportFixture m_data;
  test::TempDir m_dir;
};

// The indicator table starts below the headline: rows are found by column A.
constexpr const char* k_table = R"(
def table(ws):
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 'Код')
    return head, [ws.cell(head, c).value for c in range(1, ws.max_column + 1) if ws.cell(head, c).value]
def row_of(ws, code):
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == code)
def show(ws, code, cols):
    r = row_of(ws, code)
    out = []
    for c in cols:
        v = ws.cell(r, c).value
        out.append(round(v, 6) if isinstance(v, float) else v)
    print(code, out)
)";

TEST_F(SchoolSheetTest, ShowsSchoolBesideMunicipalityGroupedByDirection) {
  const auto out = test::openpyxl_eval(write(), std::string(k_table) + R"(
ws = wb['МБОУ СОШ № 1']
print(ws['A1'].value, '|', ws['A4'].value, '|', ws['A4'].hyperlink.location)
head, names = table(ws)
print(names)
print(ws.cell(head + 1, 1).value)
for code in ('1.1', '1.2', '1.3', '2.1', '2.2'):
    show(ws, code, range(3, 14))
r = row_of(ws, '1.1')
print(ws.cell(r, 5).number_format, '|', ws.cell(r, 11).number_format)
# A «—» the same for every school is explained once, in print, under the
# table; a cell note only where the reason is the school's own.
print('2.1 target comment', ws.cell(row_of(ws, '2.1'), 9).comment)
print('2.2 rank comment', ws.cell(row_of(ws, '2.2'), 12).comment)
print('1.3 median comment', ws.cell(row_of(ws, '1.3'), 6).comment)
notes = [ws.cell(r, 1).value for r in range(row_of(ws, '2.2') + 1, ws.max_row + 1)
         if isinstance(ws.cell(r, 1).value, str) and ws.cell(r, 1).value.startswith(('Статус', 'Положение'))]
for sentence in ('Где цели на 2026 год для показателя нет, в графах цели и отклонения от цели стоит «—».',
                 'Цель по количеству задана для муниципалитета в целом',
                 'Количества зависят от размера ОО: места и положение по ним не определяются («—»).',
                 'Для показателей «да/нет» муниципальное значение — доля ОО, ответивших «Да»',
                 'В остальных случаях «—» — значения нет, причина — в примечании к ячейке.'):
    print('note has it' if sum(sentence in n for n in notes) == 1 else 'note lacks: ' + sentence)
print('freeze', ws.freeze_panes == 'C%d' % (head + 1), 'protected', ws.protection.sheet)
)");
  // 1.1: 40/50 = 80 % at the median 80, target 80 met, 2nd of 4; 1.2 has 3 values
  // only (no quarters); 2.1 has no target; 2.2 is a count: no place, no quarter.
  EXPECT_EQ(out,
            "Результаты ОО: МБОУ СОШ № 1 | ← К сводке по всем ОО | 'Сводка'!A1\n"
            "['Код', 'Показатель', 'Числитель', 'Знаменатель', 'Значение ОО', 'Медиана по ОО', "
            "'Положение среди ОО', 'Муниципалитет', 'Целевое значение 2026', 'Статус', "
            "'Отклонение от цели', 'Место среди ОО', 'Отклонение от медианы']\n"
            "Выявление профессиональных дефицитов\n"
            "1.1 [40, 50, 0.8, 0.8, 'на уровне медианы', 0.72973, 0.8, 'достигнуто', 0, '2 из 4', 0]\n"
            "1.2 [10, 40, 0.25, 0.25, '—', 0.295652, 0.3, 'достигнуто', -5, '2 из 3', 0]\n"
            "1.3 [None, None, 'Да', '—', '—', 0.6, 1, 'достигнуто', '—', '—', '—']\n"
            "2.1 [3, 4, 0.75, 0.75, 'на уровне медианы', 0.583333, '—', 'цель не задана', '—', "
            "'3 из 5', 0]\n"
            "2.2 [None, None, 5, 3, '—', 17, 20, 'цель не задана', '—', '—', 2]\n"
            "[$-419]0.0% | [$-419]+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"\n"
            "2.1 target comment None\n"
            "2.2 rank comment None\n"
            "1.3 median comment None\n"
            "note has it\n"
            "note has it\n"
            "note has it\n"
            "note has it\n"
            "note has it\n"
            "freeze True protected True\n");
}

TEST_F(SchoolSheetTest, MissingValueIsADashWithItsReason) {
  const auto out = test::openpyxl_eval(write(), std::string(k_table) + R"(
ws = wb['+79991234567']
show(ws, '1.1', (3, 4, 5, 7, 10, 12))
r = row_of(ws, '1.1')
print(ws.cell(r, 5).comment.text)
print(ws.cell(r, 12).comment.text)
)");
  EXPECT_EQ(out,
            "1.1 [0, 0, '—', '—', 'нет данных', '—']\n"
            "Нет значения: знаменатель равен 0: долю вычислить нельзя.\n"
            "Нет значения: знаменатель равен 0: долю вычислить нельзя.\n");
}

TEST_F(SchoolSheetTest, EverySchoolSheetHasAChartAndTheChartsSheetOnePerShare) {
  // 5 school charts + plan/fact + 3 share distributions.
  const auto out = test::openpyxl_eval(write(), R"(
names = zipfile.ZipFile(path).namelist()
print(len([n for n in names if n.startswith('xl/charts/chart')]))
)");
  EXPECT_EQ(out, "9\n");
}

TEST_F(SchoolSheetTest, ChartTitlesAndSeriesNamesAreFixedText) {
  // chart6 is on the sheet of the school named "=HYPERLINK(...)": series names
  // must never come from user text, where a leading '=' makes a formula.
  const auto out = test::openpyxl_eval(write(), R"(
import re
z = zipfile.ZipFile(path)
xml = z.read('xl/charts/chart6.xml').decode('utf-8')
print(sorted(set(re.findall(r'<c:v>([^<]*)</c:v>', xml)) & {'ОО', 'Медиана по ОО', 'Цель'}))
print('HYPERLINK' in ''.join(re.findall(r'<c:tx>.*?</c:tx>', xml)))
)");
  EXPECT_EQ(out, "['Медиана по ОО', 'ОО', 'Цель']\nFalse\n");
}

// A method without targets for the year (Krymsk): no target, status and gap
// columns that would be «—» all the way down, and no «Цель» in the chart.
TEST_F(SchoolSheetTest, WithoutTargetsForTheYearNoTargetColumns) {
  for (auto& ind : m_data.definition.indicators) ind.targets.clear();
  const auto out = test::openpyxl_eval(write(), std::string(k_table) + R"(
import re
ws = wb['МБОУ СОШ № 1']
print(table(ws)[1])
show(ws, '1.1', range(3, 11))
z = zipfile.ZipFile(path)
names = set()
for n in z.namelist():
    if n.startswith('xl/charts/chart'):
        series = set(re.findall(r'<c:v>([^<]*)</c:v>', z.read(n).decode('utf-8')))
        if 'Медиана по ОО' in series:
            names |= series & {'ОО', 'Медиана по ОО', 'Цель'}
print(sorted(names))
)");
  EXPECT_EQ(out,
            "['Код', 'Показатель', 'Числитель', 'Знаменатель', 'Значение ОО', 'Медиана по ОО', "
            "'Положение среди ОО', 'Муниципалитет', 'Место среди ОО', 'Отклонение от медианы']\n"
            "1.1 [40, 50, 0.8, 0.8, 'на уровне медианы', 0.72973, '2 из 4', 0]\n"
            "['Медиана по ОО', 'ОО']\n");
}

// «Диаграммы»: each distribution's caption names the colours its bars use
// (green / yellow / red with a target, blue without), only one series of a
// chart carries data labels (two side by side overlap: «12%12%»), and the
// first column of a chart table is the place («Место»), ties sharing it;
// every school's name is printed beside its bar.
TEST_F(SchoolSheetTest, ChartCaptionsMatchBarColoursAndLabelsDoNotOverlap) {
  const auto out = test::openpyxl_eval(write(), R"PY(
import re
z = zipfile.ZipFile(path)
words = {'70AD47': 'зелёный', 'FFC000': 'жёлтый', 'E06666': 'красный', '4472C4': 'синие'}
ws = wb['Диаграммы']
cells = [str(ws.cell(r, 1).value or '') for r in range(1, ws.max_row + 2)]
captions = {}
for i, v in enumerate(cells):
    if v.startswith('Показатель ') and cells[i + 1].startswith('Лучше'):
        captions[v.split()[1]] = cells[i + 1]
print('places', sum(v == 'Место' for v in cells))
one_label = 0
for n in sorted(z.namelist(), key=lambda n: int(re.sub(r'\D', '', n) or 0)):
    if not n.startswith('xl/charts/chart'):
        continue
    xml = z.read(n).decode('utf-8')
    labelled = len(re.findall(r'<c:dLbls>(?:(?!</c:dLbls>).)*<c:showVal val="1"/>', xml, re.S))
    if labelled > 1:
        print(n, 'labels on', labelled, 'series')
    one_label += labelled == 1
    title = ''.join(re.findall(r'<a:t>([^<]*)</a:t>', xml))
    if not title.startswith('Показатель'):
        continue
    code = title.split()[1].rstrip(':')
    used = sorted({words[c] for c in re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"', xml, re.S)})
    print(code, used, all(w in captions[code] for w in used), 'every name' if '<c:tickLblSkip val="1"/>' in xml else '')
print('charts with one labelled series', one_label)
)PY");
  // Three share distributions (2.1 has no target: blue); the 5 school charts,
  // plan/fact and the 3 distributions label one series each.
  EXPECT_EQ(out,
            "places 3\n"
            "1.1 ['зелёный', 'красный'] True every name\n"
            "1.2 ['зелёный', 'красный'] True every name\n"
            "2.1 ['синие'] True every name\n"
            "charts with one labelled series 9\n");
}

// A chart whose data table is taller than a page (Krymsk: 21 shares with
// long names) is still never cut by a page break, wherever the table above
// it ends.
TEST_F(SchoolSheetTest, ChartBesideALongDataTableIsNotCut) {
  const std::string name(160, 'x');
  const auto base = m_data.definition.indicators;
  // Tables of 20..25 extra shares: the chart starts at different heights.
  for (int extra = 20; extra <= 25; ++extra) {
    m_data.definition.indicators = base;
    for (int i = 0; i < extra; ++i) {
      model::IndicatorDef d;
      d.id = "extra" + std::to_string(i);
      d.code = "9." + std::to_string(i);
      d.direction = "D1";
      d.name = name.substr(0, 100 + 3 * static_cast<std::size_t>(i));  // rows of varying height
      d.numerator = "n";
      d.denominator = "d";
      m_data.definition.indicators.push_back(d);
    }
    int charts = 0;
    for (const auto& chart : test::printed_charts(write())) {
      if (chart.sheet == "Диаграммы") continue;
      ++charts;
      EXPECT_FALSE(chart.crosses_break)
          << extra << " extra: " << chart.sheet << " rows " << chart.first_row << ".." << chart.last_row;
    }
    EXPECT_EQ(charts, 5);
  }
}

TEST_F(SchoolSheetTest, LongTextIsClippedToExcelsLimit) {
  std::string huge;
  for (int i = 0; i < 40'000; ++i) huge += "Ж";
  m_data.registry.schools[0].full_name = huge;
  const auto out = test::openpyxl_eval(write(), R"(
v = wb['МБОУ СОШ № 1']['A3'].value
print(len(v), v[-1], set(v[:-1]))
)");
  EXPECT_EQ(out, "32767 … {'Ж'}\n");
}

}  // namespace
