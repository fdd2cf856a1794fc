#!/usr/bin/python3
"""Do metodmon and the pandas peer agree on the same forms? (scale benchmark)

Usage: /usr/bin/python3 scripts/bench_compare.py BENCH_DIR PEER_NUMBERS_JSON

Reads metodmon's figures from its own outputs, not from its code: the history
(BENCH_DIR/state/history.sqlite: which file of each school was accepted, every
school's value, the municipal values), the results workbook's «Сводка» (the
«Медиана» row) and a few directors' workbooks (the school's «Место среди ОО»),
and compares them with what scripts/bench_peer.py computed. Prints one line
and exits 0 when everything agrees (relative tolerance 1e-9), else lists the
first differences and exits 1: the benchmark then refuses to print a ratio.
"""
import json
import math
import pathlib
import re
import sqlite3
import sys
import tomllib

import openpyxl

TOLERANCE = 1e-9


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def sheet_rows(path, sheet):
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()


def indicator_columns(rows, indicators):
    """indicator id -> column of its header «<code> <name>» (the first row that has them)."""
    for row in rows:
        cols = {}
        for i, ind in enumerate(indicators):
            title = "{} {}".format(ind.get("code", ""), ind["name"]).strip()
            for c, v in enumerate(row):
                if isinstance(v, str) and v.strip() == title:
                    cols[ind["id"]] = c
        if len(cols) == len(indicators):
            return cols
    return {}


def as_percent(kind, v):
    """A workbook figure in the history's units: shares and yes/no are stored as fractions there."""
    if not isinstance(v, (int, float)):
        return None
    return v * 100.0 if kind != "count" else float(v)


def main():
    bench, peer_path = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    peer = json.loads(peer_path.read_text(encoding="utf-8"))
    config = tomllib.loads((bench / "metodmon.toml").read_text(encoding="utf-8"))
    with open(config["monitoring"]["definition"], "rb") as f:
        definition = tomllib.load(f)
    indicators = definition.get("indicator", [])
    kinds = {i["id"]: i["kind"] for i in indicators}
    period = config["monitoring"]["period"]
    problems = []

    db = sqlite3.connect(bench / config["paths"]["state"] / "history.sqlite")
    run_id = db.execute("SELECT max(id) FROM runs WHERE period = ?", (period,)).fetchone()[0]
    ours_accepted = {s: n for n, s in db.execute(
        "SELECT name, school_id FROM files_seen WHERE run_id = ? AND outcome = 'accepted'", (run_id,))}
    if ours_accepted != peer["accepted"]:
        diff = sorted(set(ours_accepted.items()) ^ set(peer["accepted"].items()))[:5]
        problems.append("accepted forms differ ({} vs {}): {}".format(len(ours_accepted), len(peer["accepted"]), diff))

    values = {}
    for school, ind, value in db.execute(
            "SELECT school_id, indicator_id, value FROM indicator_values WHERE period = ?", (period,)):
        values.setdefault(school, {})[ind] = value
    municipal = values.pop("_municipality", {})
    compared = 0
    for school, by_ind in peer["values"].items():
        for ind, v in by_ind.items():
            compared += 1
            if not close(values.get(school, {}).get(ind), v):
                problems.append("{} {}: metodmon {} peer {}".format(school, ind, values.get(school, {}).get(ind), v))
    for ind, st in peer["stats"].items():
        if not close(municipal.get(ind), st["municipal"]):
            problems.append("municipal {}: metodmon {} peer {}".format(ind, municipal.get(ind), st["municipal"]))

    out_dir = bench / config["paths"]["output"] / period
    results = next(out_dir.glob("Итоги_*.xlsx"))
    rows = sheet_rows(results, "Сводка")
    cols = indicator_columns(rows, indicators)
    median_row = next((r for r in rows if r and r[0] == "Медиана"), None)
    if not cols or median_row is None:
        problems.append("«Сводка»: no indicator header or «Медиана» row found")
    else:
        for ind, st in peer["stats"].items():
            if kinds[ind] == "yesno":
                continue
            ours = as_percent(kinds[ind], median_row[cols[ind]])
            if not close(ours, st.get("median")):
                problems.append("median {}: metodmon {} peer {}".format(ind, ours, st.get("median")))

    # Ranks: a few schools' directors' workbooks, «k из n» in the «Место среди ОО» column.
    schools = sorted(peer["ranks"])
    sample = schools[:: max(1, len(schools) // 4)][:5]
    for school in sample:
        book = out_dir / "directors" / "{}_{}.xlsx".format(school, period)
        wb = openpyxl.load_workbook(book, read_only=True)
        rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        wb.close()
        header = next((r for r in rows if "Место среди ОО" in r), None)
        if header is None:
            problems.append("{}: no «Место среди ОО» column".format(book.name))
            continue
        rank_col = header.index("Место среди ОО")
        codes = {i.get("code"): i["id"] for i in indicators}
        seen = set()
        for r in rows[rows.index(header):]:  # the indicator table; later tables repeat codes
            ind = codes.get(r[0]) if r and isinstance(r[0], str) else None
            if ind is None or ind in seen or ind not in peer["ranks"][school]:
                continue
            seen.add(ind)
            m = re.match(r"(\d+) из (\d+)", str(r[rank_col] or ""))
            ours = int(m.group(1)) if m else None
            if ours != peer["ranks"][school][ind]:
                problems.append("rank {} {}: metodmon {} peer {}".format(school, ind, ours, peer["ranks"][school][ind]))
            compared += 1

    if problems:
        print("DISAGREE ({} differences):".format(len(problems)))
        for p in problems[:12]:
            print("  " + p)
        sys.exit(1)
    print("agree: {} forms accepted, {} figures, municipal and medians of {} indicators, ranks of {} schools"
          .format(len(ours_accepted), compared, len(indicators), len(sample)))


if __name__ == "__main__":
    main()
