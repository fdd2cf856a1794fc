#!/usr/bin/python3
"""The peer of `metodmon run` for the scale benchmark: pandas + openpyxl.

Usage: /usr/bin/python3 scripts/bench_peer.py BENCH_DIR OUT_DIR

BENCH_DIR is made by scripts/bench_forms.py (metodmon.toml, schools.csv,
inbox/). The peer does what a competent analyst would script for the same
job, in the usual idiom: every form opened with openpyxl (read-only mode),
its inputs read by their defined names (in_<input id>) and checked like the
form says (the form's _meta: method, period, school; whole numbers within
their bounds, a part not above its whole, «Да»/«Нет», required cells
filled); of two forms of one school the later filled one; then pandas:
per-school values (share = numerator / denominator × 100, count, yes/no as
100/0), municipal Σ numerators / Σ denominators, median and quartiles
(linear interpolation, as Excel's QUARTILE.INC), ranks (ties share the best
rank, as RANK.EQ); a results workbook (pandas.ExcelWriter, engine openpyxl)
with a summary sheet and a sheet per school.

Writes OUT_DIR/results.xlsx and OUT_DIR/numbers.json (what the benchmark
compares with metodmon's figures).
"""
import json
import pathlib
import sys
import tomllib
import zipfile

import openpyxl
import pandas as pd


def load(bench):
    config = tomllib.loads((bench / "metodmon.toml").read_text(encoding="utf-8"))
    with open(config["monitoring"]["definition"], "rb") as f:
        definition = tomllib.load(f)
    registry = pd.read_csv(bench / config["monitoring"]["schools"], sep=";", dtype=str)
    return config, definition, registry


def read_form(path, definition, period, school_ids):
    """(school id, filled_on, {input id: value}) or None when the form is rejected."""
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    try:
        meta = {}
        for key, value in wb["_meta"].iter_rows(min_col=1, max_col=2, values_only=True):
            if key is not None:
                meta[str(key)] = value
        if (meta.get("definition_id") != definition["definition"]["id"] or str(meta.get("period")) != period
                or meta.get("school_id") not in school_ids):
            return None
        cells = {}
        for name, dn in wb.defined_names.items() if hasattr(wb.defined_names, "items") else \
                ((d.name, d) for d in wb.defined_names.definedName):
            for sheet, coord in dn.destinations:
                cells[name] = (sheet, coord.replace("$", ""))
        wanted = {}
        for name, (sheet, coord) in cells.items():
            wanted.setdefault(sheet, {})[coord] = name
        found = {}
        for sheet, coords in wanted.items():
            for row in wb[sheet].iter_rows():
                for c in row:
                    if getattr(c, "coordinate", None) in coords:
                        found[coords[c.coordinate]] = c.value
        filled_on = found.get("meta_filled_on")
    finally:
        wb.close()
    values = {}
    for inp in definition["input"]:
        v = found.get("in_" + inp["id"])
        if isinstance(v, str):
            v = v.strip()
        if v is None or v == "":
            if inp.get("required", True) and inp["kind"] != "text":
                return None
            continue
        if inp["kind"] == "count":
            if isinstance(v, str) or isinstance(v, bool) or float(v) != int(v):
                return None
            v = int(v)
            if v < inp.get("min", 0) or ("max" in inp and v > inp["max"]):
                return None
        elif inp["kind"] == "yesno":
            if v not in ("Да", "Нет"):
                return None
        values[inp["id"]] = v
    for inp in definition["input"]:
        whole = inp.get("not_more_than")
        if whole and inp["id"] in values and whole in values and values[inp["id"]] > values[whole]:
            return None
    return meta["school_id"], filled_on, values


def school_values(definition, forms):
    """DataFrame: one row per school, one column per indicator (value), plus numerators and denominators."""
    rows = []
    for school, values in forms.items():
        row = {"school_id": school}
        for ind in definition.get("indicator", []):
            kind, iid = ind["kind"], ind["id"]
            if kind == "share":
                num, den = values.get(ind["numerator"]), values.get(ind["denominator"])
                ok = num is not None and den is not None and den > 0
                row[iid] = num / den * 100.0 if ok else None
                row[iid + "#num"], row[iid + "#den"] = (num, den) if ok else (None, None)
            elif kind == "count":
                v = values.get(ind["input"])
                row[iid] = row[iid + "#num"] = float(v) if v is not None else None
                row[iid + "#den"] = 1.0 if v is not None else None
            else:
                v = values.get(ind["input"])
                row[iid] = None if v is None else (100.0 if v == "Да" else 0.0)
                row[iid + "#num"] = None if v is None else (1.0 if v == "Да" else 0.0)
                row[iid + "#den"] = None if v is None else 1.0
        rows.append(row)
    return pd.DataFrame(rows).set_index("school_id").astype(float)


def statistics(definition, df):
    stats = {}
    ranks = pd.DataFrame(index=df.index)
    for ind in definition.get("indicator", []):
        iid, kind = ind["id"], ind["kind"]
        col = df[iid].dropna()
        num, den = df[iid + "#num"].dropna().sum(), df[iid + "#den"].dropna().sum()
        municipal = None if col.empty else (num if kind == "count" else num / den * 100.0)
        s = {"municipal": municipal, "schools_with_value": int(col.size)}
        if kind != "yesno" and not col.empty:
            s.update(median=col.median(), q1=col.quantile(0.25), q3=col.quantile(0.75))
            ranks[iid] = df[iid].rank(method="min", ascending=ind.get("better") == "lower")
        stats[iid] = s
    return stats, ranks


def write_results(path, definition, registry, df, stats, ranks):
    names = registry.set_index("id")["short_name"]
    indicators = definition.get("indicator", [])
    titles = {i["id"]: "{} {}".format(i.get("code", ""), i["name"]).strip() for i in indicators}
    summary = df[[i["id"] for i in indicators]].rename(columns=titles)
    summary.insert(0, "ОО", [names.get(s, s) for s in summary.index])
    footer = pd.DataFrame(
        [["Муниципалитет"] + [stats[i["id"]]["municipal"] for i in indicators],
         ["Медиана"] + [stats[i["id"]].get("median") for i in indicators]],
        columns=summary.columns, index=["_municipality", "_median"])
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.concat([summary, footer]).to_excel(writer, sheet_name="Сводка", index_label="Код ОО")
        for school in df.index:
            sheet = pd.DataFrame({
                "Показатель": [titles[i["id"]] for i in indicators],
                "Значение ОО": [df.at[school, i["id"]] for i in indicators],
                "Медиана по ОО": [stats[i["id"]].get("median") for i in indicators],
                "Муниципалитет": [stats[i["id"]]["municipal"] for i in indicators],
                "Место среди ОО": [ranks.at[school, i["id"]] if i["id"] in ranks else None
                                   for i in indicators],
            })
            sheet.to_excel(writer, sheet_name=school[:31], index=False)


def main():
    bench, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    config, definition, registry = load(bench)
    period = config["monitoring"]["period"]
    school_ids = set(registry["id"])
    inbox = bench / config["paths"]["inbox"]
    latest = {}  # school -> (filled_on, file name, values)
    rejected = []
    for path in sorted(inbox.iterdir()):
        form = read_form(path, definition, period, school_ids)
        if form is None:
            rejected.append(path.name)
            continue
        school, filled_on, values = form
        if school not in latest or (filled_on, path.name) > latest[school][:2]:
            latest[school] = (filled_on, path.name, values)
    order = [s for s in registry["id"] if s in latest]
    df = school_values(definition, {s: latest[s][2] for s in order})
    stats, ranks = statistics(definition, df)
    write_results(out / "results.xlsx", definition, registry, df, stats, ranks)
    values = {s: {i["id"]: (None if pd.isna(df.at[s, i["id"]]) else float(df.at[s, i["id"]]))
                  for i in definition.get("indicator", [])} for s in order}
    rank_out = {s: {c: int(ranks.at[s, c]) for c in ranks.columns if not pd.isna(ranks.at[s, c])}
                for s in order}
    (out / "numbers.json").write_text(json.dumps({
        "accepted": {s: latest[s][1] for s in order}, "rejected": sorted(rejected),
        "values": values, "stats": stats, "ranks": rank_out}, ensure_ascii=False), encoding="utf-8")
    print("peer: {} forms accepted, {} rejected".format(len(order), len(rejected)))


if __name__ == "__main__":
    main()
