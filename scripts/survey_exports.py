#!/usr/bin/python3
"""Synthetic answer exports of Balakhta's teachers' questionnaire, as Yandex
Forms and Google Forms give them, for sample_workbooks/balakhta/ and for the
survey benchmark.

Usage:
  /usr/bin/python3 scripts/survey_exports.py [--seed N] OUT_DIR
      the sample set (below) into OUT_DIR
  /usr/bin/python3 scripts/survey_exports.py [--seed N] --rows N --format csv|xlsx OUT_FILE
      one large export of N answers (Google's CSV or Yandex's XLSX), May 2025

Questions, choices and what counts come from templates/balakhta.toml, the
schools from templates/balakhta_schools.csv: the exports follow the method.
Same seed, same bytes (zip entries and workbook properties carry fixed dates).

The sample set, May 2025 (1st half-year):
  Яндекс_Анкета педагога_20.05.2025.xlsx  Yandex XLSX, downloaded on 20 May:
      the district's form, answers of bl01-bl06 until then; an answer id
      («ID»), the time, a column per option of a checkbox question; also four
      answers of the January collection (2nd half-year 2024) and one school
      written «Балахтинская СОШ» (two schools fit: not counted).
  Яндекс_Анкета педагога_28.05.2025.csv   the same form downloaded again on
      28 May as CSV (UTF-8 with BOM): every answer of the XLSX again (same ID:
      counted once) and those of the days after.
  Google_Анкета педагога_Ключевская и Заозёрная.csv   Google CSV (UTF-8, ','):
      bl07, bl08; e-mail collected; one teacher answered twice (the later
      answer counts); one from a school of another district (no such school);
      comments with commas, quotes and line breaks.
  Google_Анкета педагога_Светлогорская.xlsx  Google Sheets downloaded as XLSX: bl09.
  Google_Анкета педагога_Рябиновская (Excel).csv   a Google CSV opened and
      saved again in Excel: Windows-1251, ';', CRLF, times without seconds:
      bl10, where 2 of 6 teachers answered (below the 50 % response rate).
School names are written the way teachers write them («СОШ 1 п. Балахта»,
«Приозерная СОШ», «с. Кедровка, школа», the registry's aliases).

PLAN: the answers that count, per school, after duplicates: respondents, then
per question in the definition's order (1 satisfied 4-5 of 5, 3 digital,
4 mentoring, 5 independent assessment, 6 ИОМ > 70 %, 7 sharing, 8 motivation,
9 low achievers, 10 formative assessment, 11 new technologies). The
end-to-end test (tests/cli/survey_run_test.cpp) checks the results against
these numbers computed by hand.
"""
import argparse
import csv
import datetime
import io
import pathlib
import random
import sys
import tomllib
import zipfile

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parent.parent

PLAN = {
    "bl01": (31, [25, 22, 12, 5, 9, 14, 20, 16, 21, 13]),
    "bl02": (26, [20, 18, 9, 3, 7, 10, 15, 12, 17, 10]),
    "bl03": (15, [13, 12, 8, 2, 6, 9, 11, 9, 12, 8]),
    "bl04": (17, [12, 10, 5, 1, 4, 6, 9, 7, 10, 6]),
    "bl05": (7, [5, 4, 3, 0, 2, 2, 4, 3, 4, 2]),
    "bl06": (12, [9, 8, 4, 1, 3, 5, 7, 5, 8, 5]),
    "bl07": (16, [14, 13, 7, 3, 5, 8, 10, 9, 11, 9]),
    "bl08": (6, [4, 3, 2, 0, 1, 2, 3, 2, 3, 2]),
    "bl09": (19, [15, 14, 6, 2, 6, 7, 12, 10, 13, 8]),
    "bl10": (2, [2, 1, 1, 0, 0, 1, 1, 1, 1, 1]),
}

NAMES = {
    "bl01": ["МБОУ «Балахтинская СОШ № 1»", "Балахтинская СОШ №1", "СОШ 1 п. Балахта", "балахтинская средняя школа 1",
             "БСОШ № 1", "Школа № 1 п. Балахта"],
    "bl02": ["МБОУ \"Балахтинская СОШ №2\"", "СОШ 2", "Балахтинская школа № 2",
             "МБОУ Балахтинская средняя общеобразовательная школа № 2"],
    "bl03": ["МБОУ «Кедровская СОШ»", "Кедровская СОШ", "Кедровская средняя школа", "с. Кедровка, школа", "кедровская сош"],
    "bl04": ["МБОУ «Приозёрная СОШ»", "Приозерная СОШ", "Приозёрная школа", "МБОУ Приозерная средняя общеобразовательная школа"],
    "bl05": ["МБОУ «Черёмуховская ООШ»", "Черемуховская ООШ", "Черёмуховская основная школа", "ООШ с. Черёмуховка"],
    "bl06": ["МБОУ «Таёжная СОШ»", "Таежная СОШ", "Таёжная школа", "п. Таёжный, СОШ"],
    "bl07": ["МБОУ «Ключевская СОШ»", "Ключевская СОШ", "Ключевская средняя школа", "Школа с. Ключи"],
    "bl08": ["МБОУ «Заозёрная ООШ»", "Заозерная ООШ", "Заозёрная основная школа"],
    "bl09": ["МБОУ «Светлогорская СОШ»", "Светлогорская СОШ", "Светлогорская средняя школа", "СОШ п. Светлогорск"],
    "bl10": ["МБОУ «Рябиновская НОШ»", "Рябиновская начальная школа", "Рябиновская НОШ"],
}
AMBIGUOUS = "Балахтинская СОШ"            # № 1 or № 2: not counted
FOREIGN = "МБОУ «Степановская СОШ»"       # a school of another district: not counted
COMMENT_TITLE = "Ваши предложения по методической работе"
COMMENTS = [
    "", "", "", "Больше практических семинаров", "Нужны курсы по цифровым ресурсам, особенно для начальной школы",
    "Сократить отчётность,\nоставить время на уроки", "Спасибо методистам!", "Хотелось бы «круглых столов» по ФГОС",
    "Проводить РМО не в конце четверти", "Нет", "Организовать стажировки в школах района; обмен опытом",
]
SURNAMES = ["ivanova", "petrova", "sidorova", "kuznetsova", "smirnova", "popova", "volkova", "sokolova", "morozova",
            "lebedeva", "kozlova", "novikova", "egorova", "pavlova", "semenova", "golubeva", "vinogradova", "bogdanova"]
YANDEX_FIRST_ID = 1187423500
FIXED_DATE = (2025, 5, 28, 12, 0, 0)


def load_method():
    with open(ROOT / "templates" / "balakhta.toml", "rb") as f:
        definition = tomllib.load(f)
    survey = definition["survey"][0]
    return survey, survey["question"]


def counted_of(q):
    if q["kind"] == "yesno":
        return q.get("counts", ["Да"])
    return q.get("counts", [])


def answer(rng, q, counts):
    """One respondent's answer to `q`: a value whose meaning is `counts` (True: it counts).
    Checkbox answers are lists of options."""
    kind = q["kind"]
    if kind == "scale":
        lo, hi = q["scale"]
        at_least = q["at_least"]
        return rng.randint(at_least, hi) if counts else rng.randint(lo, at_least - 1)
    if kind == "yesno":
        yes = counted_of(q)
        pool = yes if counts else [c for c in ["Да", "Нет"] if c not in yes]
        return rng.choice(pool)
    counted = counted_of(q)
    if kind == "choice":
        pool = counted if counts else [c for c in q["choices"] if c not in counted]
        return rng.choice(pool)
    # checkbox
    if counts:
        k = rng.choice([1, 1, 2, 2, 3])
        return sorted(rng.sample(counted, min(k, len(counted))), key=q["choices"].index)
    others = [c for c in q["choices"] if c not in counted]
    return [] if rng.random() < 0.1 else [rng.choice(others)]


def plan_answers(rng, questions, school, n, per_question):
    """n respondents of `school`, question by question exactly per_question[i] counting."""
    rows = [[None] * len(questions) for _ in range(n)]
    for qi, q in enumerate(questions):
        chosen = set(rng.sample(range(n), per_question[qi]))
        for r in range(n):
            rows[r][qi] = answer(rng, q, r in chosen)
    return rows


def random_answers(rng, questions):
    return [answer(rng, q, rng.random() < 0.6) for q in questions]


def when(rng, first_day, last_day):
    day = rng.randint(first_day, last_day)
    return datetime.datetime(2025, 5, day, rng.randint(7, 21), rng.randint(0, 59), rng.randint(0, 59))


class Respondent:
    def __init__(self, time, school_text, answers, email="", comment=""):
        self.time, self.school_text, self.answers, self.email, self.comment = time, school_text, answers, email, comment


def email_for(rng, used):
    while True:
        e = "{}.{}{}@mail.example".format(rng.choice(SURNAMES), rng.choice("abcdefgiklmnoprstv"), rng.randint(1, 99))
        if e not in used:
            used.add(e)
            return e


def respondents_of(rng, questions, schools, first_day=12, last_day=28, emails=None):
    out = []
    for s in schools:
        n, counts = PLAN[s]
        for answers in plan_answers(rng, questions, s, n, counts):
            email = email_for(rng, emails) if emails is not None else ""
            out.append(Respondent(when(rng, first_day, last_day), rng.choice(NAMES[s]), answers, email,
                                  rng.choice(COMMENTS)))
    return out


# ------------------------------------------------------------------ layouts

def yandex_header(survey, questions):
    head = ["ID", "Время создания", survey["school_question"] + " *"]
    for q in questions:
        if q["kind"] == "checkbox":
            head += ["{} / {}".format(q["text"], c) for c in q["choices"]]
        else:
            head.append(q["text"] + (" *" if q["kind"] == "scale" else ""))
    return head + [COMMENT_TITLE]


def yandex_cells(questions, r):
    cells = []
    for q, a in zip(questions, r.answers):
        if q["kind"] == "checkbox":
            cells += [c if c in a else "" for c in q["choices"]]
        else:
            cells.append(a)
    return cells


def google_header(survey, questions):
    return ["Отметка времени", "Адрес электронной почты", survey["school_question"]] + [q["text"] for q in questions] + [
        COMMENT_TITLE]


def google_cells(questions, r):
    return [", ".join(a) if q["kind"] == "checkbox" else a for q, a in zip(questions, r.answers)]


def google_time(t, seconds=True):
    return "{}.{:02d}.{} {}:{:02d}{}".format("{:02d}".format(t.day), t.month, t.year, t.hour, t.minute,
                                             ":{:02d}".format(t.second) if seconds else "")


# ------------------------------------------------------------------ writers

def fixed_zip(path):
    """Rewrites an .xlsx with fixed entry dates, so that the same seed gives the same bytes."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


def save_workbook(wb, path):
    stamp = datetime.datetime(*FIXED_DATE)
    wb.properties.creator = "metodmon survey_exports.py"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.save(path)
    fixed_zip(path)


def write_xlsx(path, header, rows, sheet, date_format):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = date_format
    save_workbook(wb, path)


def write_csv(path, header, rows, encoding="utf-8", delimiter=",", bom=False, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for row in rows:
        w.writerow(row)
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


# ------------------------------------------------------------------ the samples

def samples(seed, out_dir):
    rng = random.Random(seed)
    survey, questions = load_method()
    out_dir.mkdir(parents=True, exist_ok=True)

    # Yandex: bl01-bl06, January's answers, one ambiguous school.
    people = respondents_of(rng, questions, ["bl01", "bl02", "bl03", "bl04", "bl05", "bl06"])
    january = [Respondent(datetime.datetime(2025, 1, rng.randint(20, 28), rng.randint(8, 18), rng.randint(0, 59),
                                            rng.randint(0, 59)), rng.choice(NAMES[s]), random_answers(rng, questions))
               for s in ["bl01", "bl01", "bl03", "bl05"]]
    vague = Respondent(datetime.datetime(2025, 5, 15, 10, 41, 7), AMBIGUOUS, random_answers(rng, questions))
    everyone = sorted(people + january + [vague], key=lambda r: r.time)
    header = yandex_header(survey, questions)

    def yandex_row(i, r, as_text):
        t = r.time.strftime("%Y-%m-%d %H:%M:%S") if as_text else r.time
        return [YANDEX_FIRST_ID + i if not as_text else str(YANDEX_FIRST_ID + i), t, r.school_text] + \
            yandex_cells(questions, r) + [r.comment]
    cut = datetime.datetime(2025, 5, 20, 23, 59, 59)
    write_xlsx(out_dir / "Яндекс_Анкета педагога_20.05.2025.xlsx", header,
               [yandex_row(i, r, False) for i, r in enumerate(everyone) if r.time <= cut], "Ответы",
               "yyyy-mm-dd hh:mm:ss")
    write_csv(out_dir / "Яндекс_Анкета педагога_28.05.2025.csv", header,
              [yandex_row(i, r, True) for i, r in enumerate(everyone)], bom=True)

    # Google A: bl07, bl08; one teacher twice; a teacher of another district.
    emails = set()
    people = respondents_of(rng, questions, ["bl07", "bl08"], emails=emails)
    twice = next(r for r in people if r.school_text and r.time.day >= 15 and NAMES["bl07"].count(r.school_text))
    first = Respondent(twice.time - datetime.timedelta(days=2, hours=3), twice.school_text,
                       random_answers(rng, questions), twice.email, "Отправляю ещё раз: в прошлый раз ошиблась")
    foreign = Respondent(datetime.datetime(2025, 5, 19, 14, 2, 51), FOREIGN, random_answers(rng, questions),
                         email_for(rng, emails), "")
    rows = sorted(people + [first, foreign], key=lambda r: r.time)
    write_csv(out_dir / "Google_Анкета педагога_Ключевская и Заозёрная.csv", google_header(survey, questions),
              [[google_time(r.time), r.email, r.school_text] + google_cells(questions, r) + [r.comment] for r in rows])

    # Google B: bl09, the response sheet downloaded as XLSX.
    people = sorted(respondents_of(rng, questions, ["bl09"], emails=emails), key=lambda r: r.time)
    write_xlsx(out_dir / "Google_Анкета педагога_Светлогорская.xlsx", google_header(survey, questions),
               [[r.time, r.email, r.school_text] + google_cells(questions, r) + [r.comment] for r in people],
               "Ответы на форму (1)", "dd.mm.yyyy h:mm:ss")

    # Google C: bl10, re-saved by Excel in Windows-1251.
    people = sorted(respondents_of(rng, questions, ["bl10"], emails=emails), key=lambda r: r.time)
    write_csv(out_dir / "Google_Анкета педагога_Рябиновская (Excel).csv", google_header(survey, questions),
              [[google_time(r.time, seconds=False), r.email, r.school_text] + google_cells(questions, r) + [r.comment]
               for r in people], encoding="cp1251", delimiter=";", crlf=True)
    for p in sorted(out_dir.iterdir()):
        if p.name.startswith(("Яндекс_", "Google_")):
            print(p.name)


# ------------------------------------------------------------------ one large export

def large(seed, rows, fmt, out_file):
    rng = random.Random(seed)
    survey, questions = load_method()
    schools = sorted(PLAN)
    start = datetime.datetime(2025, 5, 12, 8, 0, 0)
    span = 16 * 86400

    def person(i):
        s = schools[i % len(schools)]
        t = start + datetime.timedelta(seconds=rng.randint(0, span))
        return Respondent(t, rng.choice(NAMES[s]), random_answers(rng, questions),
                          "teacher{}@mail.example".format(i), rng.choice(COMMENTS))
    if fmt == "csv":
        with open(out_file, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(google_header(survey, questions))
            for i in range(rows):
                r = person(i)
                w.writerow([google_time(r.time), r.email, r.school_text] + google_cells(questions, r) + [r.comment])
        return
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Ответы")
    ws.append(yandex_header(survey, questions))
    for i in range(rows):
        r = person(i)
        ws.append([YANDEX_FIRST_ID + i, r.time.strftime("%Y-%m-%d %H:%M:%S"), r.school_text] +
                  yandex_cells(questions, r) + [r.comment])
    save_workbook(wb, pathlib.Path(out_file))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=2025052)
    ap.add_argument("--rows", type=int)
    ap.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    ap.add_argument("out", type=pathlib.Path)
    a = ap.parse_args(argv)
    if a.rows is None:
        samples(a.seed, a.out)
    else:
        large(a.seed, a.rows, a.format, a.out)


if __name__ == "__main__":
    main(sys.argv[1:])
