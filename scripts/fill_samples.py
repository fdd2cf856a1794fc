#!/usr/bin/python3
"""Fills blank metodmon forms the way schools do, for sample_workbooks/.

Usage: /usr/bin/python3 scripts/fill_samples.py BLANK_FORMS_DIR OUT_DIR

Figures are plausible and reproducible (fixed seed). A few schools make the
typical mistakes a methodist meets every month; see MISTAKES below. Files are
saved by openpyxl, i.e. by a writer other than the one that made the forms.
"""
import datetime
import pathlib
import random
import sys

import openpyxl

# school id -> (input id, value that breaks a rule, what the mistake is)
MISTAKES = {
    "sch04": ("courses_passed", "около 30", "текст в числовой ячейке"),
    "sch09": ("young_mentored", None, "часть больше целого"),  # set below: young_total + 3
    "sch13": ("doc_mentoring_regulation", "", "пустая обязательная ячейка"),
    "sch15": ("network_participants", "12,5", "дробное число через запятую"),
}
NOT_SUBMITTED = {"sch16", "sch18"}
TYPED_AS_TEXT = {"sch02"}  # valid values typed as text: "56 ", "да"


def cells_by_name(wb):
    """input id -> (sheet, coordinate), from the workbook's defined names."""
    out = {}
    for dn in wb.defined_names.definedName:
        for sheet, coord in dn.destinations:
            out[dn.name] = (sheet, coord.replace("$", ""))
    return out


def figures(rng, school_id):
    small = school_id in {"sch06", "sch10", "sch17", "sch09", "sch11", "sch14"}
    total = rng.randint(11, 24) if small else rng.randint(38, 96)
    diag = round(total * rng.uniform(0.55, 1.0))
    young = 0 if school_id == "sch10" else round(total * rng.uniform(0.06, 0.22))
    return {
        "teachers_total": total,
        "diag_participated": diag,
        "deficits_found": round(diag * rng.uniform(0.15, 0.65)),
        "doc_deficits_act": "Да" if rng.random() < 0.8 else "Нет",
        "iom_total": round(total * rng.uniform(0.25, 0.8)),
        "doc_iom_act": "Да" if rng.random() < 0.7 else "Нет",
        "young_total": young,
        "young_mentored": round(young * rng.uniform(0.5, 1.0)),
        "mentors": max(1, round(total * rng.uniform(0.03, 0.16))),
        "doc_mentoring_regulation": "Да" if rng.random() < 0.85 else "Нет",
        "network_participants": round(total * rng.uniform(0.1, 0.6)),
        "courses_passed": round(total * rng.uniform(0.4, 0.95)),
        "retraining_passed": round(total * rng.uniform(0.0, 0.15)),
        "mon_deficits_dates": "Да" if rng.random() < 0.75 else "Нет",
        "mon_deficits_usage": "Да" if rng.random() < 0.6 else "Нет",
        "mon_mentoring_dates": "Да" if rng.random() < 0.7 else "Нет",
        "mon_mentoring_usage": "Да" if rng.random() < 0.55 else "Нет",
        "contact_person": "Заместитель директора по УВР, тел. 8 (38) 000-00-{:02d}".format(rng.randint(10, 99)),
    }


def fill(path, out_path, values, filled_on):
    wb = openpyxl.load_workbook(path)
    names = cells_by_name(wb)
    for input_id, value in values.items():
        sheet, coord = names["in_" + input_id]
        wb[sheet][coord].value = value if value != "" else None
    sheet, coord = names["meta_filled_on"]
    wb[sheet][coord].value = filled_on
    wb.save(out_path)


def main():
    blank_dir, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261123)
    for blank in sorted(blank_dir.glob("*.xlsx")):
        school_id = blank.name.split("_")[0]
        values = figures(rng, school_id)
        if school_id in NOT_SUBMITTED:
            continue
        if school_id in TYPED_AS_TEXT:
            values["teachers_total"] = "{} ".format(values["teachers_total"])
            values["doc_iom_act"] = values["doc_iom_act"].lower()
        if school_id in MISTAKES:
            field, bad, _ = MISTAKES[school_id]
            values[field] = values["young_total"] + 3 if bad is None else bad
        day = rng.randint(2, 14)
        filled_on = datetime.datetime(2026, 11, day)
        fill(blank, out_dir / blank.name, values, filled_on)
        if school_id == "sch07":
            # First a hasty form, then a corrected one a week later: both sent.
            early = dict(values, courses_passed=0, network_participants=0)
            fill(blank, out_dir / (blank.stem + " (первый вариант).xlsx"), early,
                 filled_on - datetime.timedelta(days=7))


if __name__ == "__main__":
    main()
