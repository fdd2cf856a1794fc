#!/usr/bin/python3
"""Points of a yearly rubric over monitorings, counted from the TOML texts alone.

Usage: /usr/bin/python3 tests/support/year_rubric_points.py RUBRIC.toml
           [--took-part SOURCE_ID:SCHOOL,SCHOOL…]… [--form SCHOOL[:NO,NO…]]…

An independent reckoning for tests (tomllib only, none of metodmon's code):
  --took-part  the schools whose form of that source monitoring was accepted
               this year (each then has a value for every indicator of it);
  --form       a school whose yearly self-assessment form was accepted, with
               «Да» to every yes/no input except those after the colon.
Prints one tab-separated line per subject and block, "SUBJECT<TAB>BLOCK
TITLE<TAB>POINTS", then "SUBJECT<TAB>total<TAB>POINTS"; the municipality is
"_municipality". Subjects: the
schools with a form or a value, in the order they were first named.

Rules, as the rubric definition's comments and the method state them:
  indicator_set: per position, the indicators of the year's monitorings the
    subject covers: presence (nomatch_points) if one is not bad, the match
    bonus (match - nomatch) if every non-bad one matches the goal, the
    deduction once if one is bad (a lone bad one is not presence);
  checklist: a parameter scores with its evidence holding (an input: «Да»;
    the municipality: at least municipal_yes_share % of the forms say «Да»);
    with bad_gate the gate (requires, else the first) needs a covered non-bad
    indicator of the position, and holds by that alone without evidence;
    when the gate fails (requires), the other parameters score nothing.
"""
import argparse
import pathlib
import tomllib

MUNICIPALITY = "_municipality"


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("rubric")
    p.add_argument("--took-part", action="append", default=[])
    p.add_argument("--form", action="append", default=[])
    return p.parse_args()


def main():
    args = parse_args()
    rubric_path = pathlib.Path(args.rubric)
    rubric = load(rubric_path)
    sources = {s["id"]: load(rubric_path.parent / s["definition"]) for s in rubric.get("source", [])}
    order = []

    def named(school):
        if school not in order:
            order.append(school)

    took_part = {}  # source id -> schools
    for spec in args.took_part:
        source, _, schools = spec.partition(":")
        if source not in sources:
            raise SystemExit("year_rubric_points: no such source: " + source)
        took_part[source] = [s for s in schools.split(",") if s]
        for s in took_part[source]:
            named(s)
    answers = {}  # school -> input id -> bool
    yesno = [i["id"] for i in rubric.get("input", []) if i["kind"] == "yesno"]
    for spec in args.form:
        school, _, no = spec.partition(":")
        no = set(filter(None, no.split(",")))
        answers[school] = {i: i not in no for i in yesno}
        named(school)

    # Indicators (matches_goal, bad) of each position that a subject covers.
    def covered(subject, position):
        out = []
        for source, schools in took_part.items():
            if subject != MUNICIPALITY and subject not in schools:
                continue
            if subject == MUNICIPALITY and not schools:
                continue
            for ind in sources[source].get("indicator", []):
                if ind.get("position") == position:
                    out.append((ind.get("matches_goal", True), ind.get("bad", False)))
        return out

    yes_share = rubric["rubric"].get("municipal_yes_share", 50)

    def answer(subject, input_id):
        if subject == MUNICIPALITY:
            if not answers:
                return None
            yes = sum(1 for a in answers.values() if a.get(input_id))
            return 100.0 * yes / len(answers) >= yes_share - 1e-9
        return answers[subject].get(input_id) if subject in answers else None

    def positions(block):
        p = block["positions"]
        return p if isinstance(p, list) else rubric["positions"][p]

    def evidence(block_id, position_id, param_id):
        for ev in rubric.get("evidence", []):
            if ev["block"] == block_id and ev["position"] == position_id and param_id in ev:
                return ev[param_id]
        return None

    def indicator_set(block, subject, position_id):
        facts = covered(subject, position_id)
        good = [m for m, bad in facts if not bad]
        points = 0
        if good or (facts and block.get("lone_bad_counts_presence", False)):
            points += block["nomatch_points"]
            if all(good):
                points += block["match_points"] - block["nomatch_points"]
        if any(bad for _, bad in facts):
            points += block["bad_deduction"]
        return points

    def checklist(block, subject, position_id):
        params = block["params"]
        gate = block.get("requires") or (params[0]["id"] if block.get("bad_gate") else None)
        indicators_ok = any(not bad for _, bad in covered(subject, position_id))
        holds = {}
        for p in params:
            ev = evidence(block["id"], position_id, p["id"])
            if ev is not None and "input" not in ev:
                raise SystemExit("year_rubric_points: only input evidence is counted: " + str(ev))
            h = bool(answer(subject, ev["input"])) if ev else False
            if p["id"] == gate and block.get("bad_gate"):
                h = indicators_ok and (h if ev else True)
            holds[p["id"]] = h
        if block.get("requires") and not holds[gate]:
            return sum(p["points"] for p in params if p["id"] == gate and holds[gate])
        return sum(p["points"] for p in params if holds[p["id"]])

    for subject in order + [MUNICIPALITY]:
        total = 0
        for block in rubric["block"]:
            score = indicator_set if block["kind"] == "indicator_set" else checklist
            points = sum(score(block, subject, pos["id"]) for pos in positions(block))
            total += points
            print(subject, block["title"], points, sep="\t")
        print(subject, "total", total, sep="\t")


if __name__ == "__main__":
    main()
