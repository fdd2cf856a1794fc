#!/usr/bin/python3
"""Fills blank metodmon forms the way schools do, for sample_workbooks/.

Usage: /usr/bin/python3 scripts/fill_samples.py BLANK_FORMS_DIR OUT_DIR
       /usr/bin/python3 scripts/fill_samples.py --definition METHOD.toml BLANK_FORMS_DIR OUT_DIR

Without --definition: the demo method's forms (templates/demo.toml), exactly
as sample_workbooks/demo/ was made. With --definition: any method, driven by
its TOML (see GENERIC PATH below); a known method id brings its scenario
(seed, dates, mistakes, exact municipal facts).

Figures are plausible and reproducible (fixed seed). A few schools make the
typical mistakes a methodist meets every month; see MISTAKES below. Files are
saved by openpyxl, i.e. by a writer other than the one that made the forms.
"""
import datetime
import math
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
    if len(sys.argv) > 1 and sys.argv[1] == "--definition":
        generic_main(sys.argv[2:])
        return
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


# ============================================================== GENERIC PATH
# Any method: inputs, their `not_more_than` chains and `max` come from the
# definition's TOML; SCENARIOS add what a TOML cannot say (who makes which
# mistake, when forms were filled, municipal facts to reproduce exactly).

# How a count is drawn, by input id: (base, low, high) where base is
#   "parent" - a fraction of the whole it may not exceed (not_more_than),
#   "size"   - a fraction of the school's number of teachers,
#   "abs"    - an absolute integer range.
# Defaults: parts 30-95 % of their whole; free counts 5-40 % of the teachers.
DEFAULT_PART = ("parent", 0.30, 0.95)
DEFAULT_FREE = ("size", 0.05, 0.40)

# Scenario keys: seed; filled = (first day, last day) of meta_filled_on;
# small = schools of 12-25 teachers (others 30-95); not_submitted; ranges
# (above); mistakes = {school: (input id, bad value, what it is)} where the bad
# value is literal, "part_over_whole" (the whole + 2..5) or "half" (the
# value with «,5»); totals = {input id: sum over schools}; exact =
# {indicator id: municipal percent}: numerators are then distributed so that
# sum(numerators) / sum(denominators) * 100 equals it exactly.
SCENARIOS = {
    # Leninsk-Kuznetsky urban district, roadmap 2022-2026 (seed 001). The
    # municipal values (sum of numerators / sum of denominators) reproduce the
    # 2022 facts of the roadmap analysis (seed 000) exactly. No mistakes.
    "lk-roadmap": {
        "seed": 2022000,
        "filled": ((2022, 12, 12), (2022, 12, 28)),
        "small": {"lk05", "lk08", "lk12"},
        # 600 teachers: every fact below is then a whole number of people,
        # and 2.3 (65 % of the 60 project participants) is 39.
        "totals": {"teachers_total": 600, "young_total": 60},
        "exact": {
            "products_share": 10, "help_share": 50, "iom_support_share": 30,
            "practices_share": 20, "projects_share": 10, "projects_apply_share": 65,
            "method_events_share": 10, "attestation_share": 70, "young_events_share": 10,
        },
        "ranges": {"young_total": ("parent", 0.04, 0.18)},
    },
    # Balakhta district, monitoring of May 2025 = first half-year (seed 004).
    # The form is the administrative team's (events, local acts); teachers
    # answer a questionnaire (scripts/survey_exports.py makes its exports).
    "balakhta-2025": {
        "seed": 2025051,
        "filled": ((2025, 5, 12), (2025, 5, 30)),
        "small": {"bl05", "bl08", "bl10"},
        "ranges": {
            "events_total": ("abs", 6, 30),
            "events_support": ("parent", 0.50, 0.95),
        },
        "mistakes": {
            "bl04": ("events_support", "85%", "процент вместо количества"),
            "bl08": ("events_support", "part_over_whole", "часть больше целого"),
        },
    },
    # Krymsk district, yearly form for 2025 (seed 003), rubric answers included.
    "krymsk-2021": {
        "seed": 2025003,
        "filled": ((2025, 12, 8), (2025, 12, 26)),
        "small": {"kr07", "kr10", "kr13"},
        "not_submitted": {"kr13"},
        "ranges": {
            "deficits_tested": ("parent", 0.60, 1.00),
            "deficits_found": ("parent", 0.15, 0.60),
            "level_technological": ("parent", 0.45, 0.90),
            "level_social": ("parent", 0.50, 0.95),
            "level_problem_solving": ("parent", 0.40, 0.85),
            "iom_by_diagnosis": ("parent", 0.50, 1.00),
            "iom_growth": ("parent", 0.10, 0.50),
            "iom_events": ("parent", 0.20, 0.70),
            "retrained_or_kpk": ("parent", 0.40, 0.95),
            "retrained_total": ("parent", 0.00, 0.20),
            "retrained_pedagogical": ("parent", 0.30, 1.00),
            "expert_achievements": ("abs", 0, 15),
            "experts_regional_federal": ("parent", 0.00, 0.12),
            "young_total": ("parent", 0.05, 0.22),
            "young_network_events": ("abs", 0, 12),
            "mentees_surveyed": ("parent", 0.60, 1.00),
            "mentees_satisfied": ("parent", 0.60, 1.00),
            "mentors_surveyed": ("parent", 0.03, 0.20),
            "mentors_satisfied": ("parent", 0.60, 1.00),
            "young_with_iom": ("parent", 0.30, 1.00),
            "network_events": ("abs", 2, 20),
            "network_participants": ("parent", 0.10, 0.60),
            "network_new_tech": ("parent", 0.20, 0.80),
            "network_social_projects": ("abs", 0, 6),
            "network_creative_works": ("abs", 0, 20),
            "network_satisfied": ("parent", 0.60, 1.00),
            "staff_rates": ("size", 1.05, 1.30),
            "staff_rates_needed": ("abs", 0, 5),
            "staff_headcount": ("size", 0.95, 1.10),
            "vacancies": ("abs", 0, 4),
        },
        "mistakes": {
            "kr06": ("staff_rates", "half", "дробное число ставок через запятую"),
            "kr11": ("rub_mon_m3_dates", "", "пустая обязательная ячейка"),
        },
    },
}


# Krymsk's eight monitorings (templates/krymsk/): samples of the first two of
# the calendar year, 2025, filled in their months; figures drawn as for the
# single yearly form above.
KRYMSK_RANGES = SCENARIOS["krymsk-2021"]["ranges"]
SCENARIOS["krymsk-m7-network"] = {  # March
    "seed": 2025037,
    "filled": ((2025, 3, 10), (2025, 3, 27)),
    "small": {"kr07", "kr10", "kr13"},
    "not_submitted": {"kr10"},
    "ranges": KRYMSK_RANGES,
    "mistakes": {"kr03": ("network_events", "около 10", "текст в числовой ячейке")},
}
SCENARIOS["krymsk-m6-mentoring"] = {  # April
    "seed": 2025046,
    "filled": ((2025, 4, 7), (2025, 4, 25)),
    "small": {"kr07", "kr10", "kr13"},
    "not_submitted": {"kr13"},
    "ranges": KRYMSK_RANGES,
    "mistakes": {"kr05": ("mentees_satisfied", "part_over_whole", "часть больше целого")},
}


def load_definition(path):
    import tomllib
    with open(path, "rb") as f:
        return tomllib.load(f)


def input_order(inputs, exact_numerators):
    """Input ids with every whole (and every exact denominator) before its parts."""
    deps = {}
    for inp in inputs:
        d = set()
        if inp.get("not_more_than"):
            d.add(inp["not_more_than"])
        if inp["id"] in exact_numerators:
            d.add(exact_numerators[inp["id"]][0])
        deps[inp["id"]] = d
    order, done = [], set()
    while len(order) < len(deps):
        ready = [i["id"] for i in inputs if i["id"] not in done and deps[i["id"]] <= done]
        if not ready:
            raise SystemExit("fill_samples: not_more_than forms a cycle")
        for i in ready:
            order.append(i)
            done.add(i)
    return order


def size_input(inputs):
    """The count most other counts depend on (the teachers of the school)."""
    by_id = {i["id"]: i for i in inputs}

    def depth_below(root):
        n = 0
        for i in inputs:
            p = i.get("not_more_than")
            while p:
                if p == root:
                    n += 1
                    break
                p = by_id[p].get("not_more_than")
        return n
    roots = [i["id"] for i in inputs if i["kind"] == "count" and not i.get("not_more_than")]
    return max(roots, key=depth_below) if roots else None


def distribute(rng, total, lows, highs, weights):
    """Integers x_i in [lows_i, highs_i], proportional to weights, summing to total."""
    if not sum(lows) <= total <= sum(highs):
        raise SystemExit("fill_samples: total {} does not fit bounds {}..{}".format(total, sum(lows), sum(highs)))
    w = sum(weights) or 1.0
    xs = [min(hi, max(lo, round(total * wi / w))) for lo, hi, wi in zip(lows, highs, weights)]
    while sum(xs) != total:
        step = 1 if sum(xs) < total else -1
        movable = [i for i, x in enumerate(xs) if lows[i] <= x + step <= highs[i]]
        xs[rng.choice(movable)] += step
    return xs


def leaning(rng, quality):
    """A point in [0, 1]: half the school's quality, half chance."""
    return 0.55 * quality + 0.45 * rng.random()


def draw_count(rng, inp, rule, values, size, quality):
    base, lo, hi = rule
    u = leaning(rng, quality)
    if base == "abs":
        v = lo + min(hi - lo, int(u * (hi - lo + 1)))
    elif base == "parent":
        v = round(values[inp["not_more_than"]] * (lo + (hi - lo) * u))
    else:
        v = round(size * (lo + (hi - lo) * u))
    if inp.get("not_more_than"):
        v = min(v, values[inp["not_more_than"]])
    if "max" in inp:
        v = min(v, int(inp["max"]))
    return max(v, int(inp.get("min", 0)))


def rubric_gates(definition):
    """input id -> the input of the same position whose «Нет» zeroes it (`requires`)."""
    requires = {b["id"]: b.get("requires") for b in definition.get("block", [])}
    gate_of = {}
    for ev in definition.get("evidence", []):
        gate = requires.get(ev["block"])
        gate_input = ev.get(gate, {}).get("input") if gate else None
        for key, val in ev.items():
            if gate_input and isinstance(val, dict) and "input" in val and val["input"] != gate_input:
                gate_of[val["input"]] = gate_input
    return gate_of


def generic_figures(definition, scenario, schools, rng):
    """school id -> {input id: value} for every input of the definition."""
    inputs = definition["input"]
    by_id = {i["id"]: i for i in inputs}
    indicators = {i["id"]: i for i in definition.get("indicator", [])}
    exact_numerators = {}
    for ind_id, fact in scenario.get("exact", {}).items():
        ind = indicators[ind_id]
        exact_numerators[ind["numerator"]] = (ind["denominator"], fact)
    ranges = scenario.get("ranges", {})
    totals = scenario.get("totals", {})
    size_id = size_input(inputs)
    gate_of = rubric_gates(definition)
    small = scenario.get("small", set())

    values = {s: {} for s in schools}
    size = {s: rng.randint(12, 25) if s in small else rng.randint(30, 95) for s in schools}
    # How far along the school's methodical work is: drives its figures and
    # its rubric answers, so that strong and weak schools are told apart.
    maturity = {s: rng.uniform(0.25, 0.95) for s in schools}
    # Inputs where more is worse (numerators and counts of "lower is better").
    worse_if_more = {i.get("numerator") or i.get("input") for i in indicators.values()
                     if i.get("better") == "lower"}

    def quality(school, input_id):
        m = maturity[school]
        return 1 - m if input_id in worse_if_more else m
    for input_id in input_order(inputs, exact_numerators):
        inp = by_id[input_id]
        kind = inp["kind"]
        if kind == "count" and (input_id in totals or input_id in exact_numerators):
            parent = inp.get("not_more_than")
            if input_id in exact_numerators:
                den_id, fact = exact_numerators[input_id]
                den_total = sum(values[s][den_id] for s in schools)
                total = fact * den_total / 100
                if abs(total - round(total)) > 1e-9:
                    raise SystemExit("fill_samples: {} % of {} is not whole".format(fact, den_total))
                total = round(total)
                # Schools spread around the fact; none above 95 % unless tiny.
                share = fact / 100
                highs = [min(values[s][parent or den_id], math.ceil(0.95 * values[s][den_id]))
                         for s in schools]
                spread = min(0.6, (0.95 - share) / share) if share < 0.95 else 0.0
                weights = [values[s][den_id] * share * (1 - spread + 2 * spread * leaning(rng, quality(s, input_id)))
                           for s in schools]
                lows = [0] * len(schools)
            elif input_id == size_id:
                lows = [12 if s in small else 30 for s in schools]
                highs = [25 if s in small else 95 for s in schools]
                weights = [size[s] for s in schools]
                total = totals[input_id]
            else:
                rule = ranges.get(input_id, DEFAULT_PART if parent else DEFAULT_FREE)
                weights = [draw_count(rng, inp, rule, values[s], size[s], quality(s, input_id)) + 0.1
                           for s in schools]
                highs = [values[s][parent] if parent else 10 ** 6 for s in schools]
                lows = [0] * len(schools)
                total = totals[input_id]
            for s, v in zip(schools, distribute(rng, total, lows, highs, weights)):
                values[s][input_id] = v
            if input_id == size_id:
                size = {s: values[s][input_id] for s in schools}
            continue
        for s in schools:
            if kind == "count":
                if input_id == size_id:
                    v = size[s]
                else:
                    rule = ranges.get(input_id, DEFAULT_PART if inp.get("not_more_than") else DEFAULT_FREE)
                    v = draw_count(rng, inp, rule, values[s], size[s], quality(s, input_id))
            elif kind == "yesno":
                if input_id in gate_of:  # a rubric detail: only where its gate is «Да»
                    gate = gate_of[input_id]
                    yes = values[s][gate] == "Да" and rng.random() < maturity[s] + 0.1
                elif input_id.startswith("rub_"):
                    yes = rng.random() < maturity[s]
                else:
                    yes = rng.random() < 0.6 + 0.3 * maturity[s]
                v = "Да" if yes else "Нет"
            else:
                v = "Заместитель директора по УВР, тел. 8 (000) 000-00-{:02d}".format(rng.randint(10, 99))
            values[s][input_id] = v
    return values


def generic_main(args):
    import argparse
    ap = argparse.ArgumentParser(prog="fill_samples.py --definition")
    ap.add_argument("definition")
    ap.add_argument("blank_dir", type=pathlib.Path)
    ap.add_argument("out_dir", type=pathlib.Path)
    ap.add_argument("--filled", type=datetime.date.fromisoformat,
                    help="YYYY-MM-DD: the day every form is filled on (default: the scenario's days)")
    ap.add_argument("--all-correct", action="store_true",
                    help="every school fills its form, without the scenario's mistakes")
    a = ap.parse_args(args)
    definition = load_definition(a.definition)
    def_id = definition["definition"]["id"]
    scenario = SCENARIOS.get(def_id, {})
    if a.all_correct:
        scenario = {k: v for k, v in scenario.items() if k not in ("mistakes", "not_submitted")}
    rng = random.Random(scenario.get("seed", sum(map(ord, def_id))))
    blanks = {b.name.split("_")[0]: b for b in sorted(a.blank_dir.glob("*.xlsx"))}
    schools = sorted(blanks)
    values = generic_figures(definition, scenario, schools, rng)
    parents = {i["id"]: i.get("not_more_than") for i in definition["input"]}
    (first, last) = scenario.get("filled", ((2026, 1, 1), (2026, 1, 1)))
    first_day = datetime.date(*first)
    span = (datetime.date(*last) - first_day).days
    if a.filled:
        first_day, span = a.filled, 0
    a.out_dir.mkdir(parents=True, exist_ok=True)
    for s in schools:
        filled_on = datetime.datetime.combine(first_day + datetime.timedelta(days=rng.randint(0, span)),
                                              datetime.time())
        if s in scenario.get("not_submitted", set()):
            continue
        v = dict(values[s])
        if s in scenario.get("mistakes", {}):
            field, bad, _ = scenario["mistakes"][s]
            if bad == "part_over_whole":
                v[field] = v[parents[field]] + rng.randint(2, 5)
            elif bad == "half":  # e.g. 24.5 staff rates typed as «24,5»
                v[field] = "{},5".format(v[field])
            else:
                v[field] = bad
        fill(blanks[s], a.out_dir / blanks[s].name, v, filled_on)


if __name__ == "__main__":
    main()
