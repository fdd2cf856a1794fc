#!/usr/bin/python3
"""Fills blank metodmon forms with chosen yes/no answers (for hand-counted rubric points).

Usage: /usr/bin/python3 tests/support/fill_answers.py METHOD.toml PERIOD BLANK_DIR OUT_DIR SCHOOL[:NO,NO…]…

For each SCHOOL, its blank form <school>_<PERIOD>.xlsx gets «Да» in every
yes/no input of the method except those listed after the colon («Нет»),
filled on the 10th of December of the period's year. Cells are found and
saved as scripts/fill_samples.py does (openpyxl, by the defined names).
"""
import datetime
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
import fill_samples  # noqa: E402


def main():
    method, period, blank, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
    definition = fill_samples.load_definition(method)
    out.mkdir(parents=True, exist_ok=True)
    for spec in sys.argv[5:]:
        school, _, no = spec.partition(":")
        no = set(filter(None, no.split(",")))
        unknown = no - {i["id"] for i in definition["input"]}
        if unknown:
            raise SystemExit("fill_answers: no such input: " + ", ".join(sorted(unknown)))
        values = {i["id"]: "Нет" if i["id"] in no else "Да" for i in definition["input"] if i["kind"] == "yesno"}
        name = "{}_{}.xlsx".format(school, period)
        fill_samples.fill(blank / name, out / name, values, datetime.datetime(int(period[:4]), 12, 10))


if __name__ == "__main__":
    main()
