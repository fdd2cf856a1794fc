#!/usr/bin/python3
"""Makes N filled school forms of a shipped method, fast, for the scale benchmark.

Usage: /usr/bin/python3 scripts/bench_forms.py --method demo --schools 1000 --out DIR
           [--seed 14] [--bin build/src/cli/metodmon]

Writes into DIR (which must not exist or be empty):
  schools.csv     the registry of N schools (s00001 …)
  metodmon.toml   a configuration: inbox DIR/inbox, output DIR/out, state DIR/state
  inbox/          one filled form per school that submits, a few faulty ones
  forms.json      what was made: method, period, every file and what is wrong with it

One blank form comes from `metodmon template` (the real form with its styles,
validation and defined names); every school's form is that form with the
school's strings put into the shared strings and the values into the input
cells (as Excel writes them: numbers in <v>, text as shared strings), zipped
again with the parts that never change compressed once. Figures come from
fill_samples.generic_figures (the sample's realistic spread: each school's
"maturity" drives its figures). Deterministic by seed; 10,000 forms take
seconds, not minutes.

Per 1,000 schools about: 20 send nothing, 5 send a second, older form (it is
superseded), 10 make one of the usual mistakes (text in a numeric cell, «12,5»,
a part larger than its whole, an empty required cell: those forms are
rejected) and 1 file is truncated (not a readable workbook).
"""
import argparse
import datetime
import json
import pathlib
import random
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import fill_samples  # noqa: E402  (the samples' figures, reused)

ROOT = pathlib.Path(__file__).resolve().parent.parent

# method -> (sample configuration, definition id in fill_samples.SCENARIOS, fill-in dates)
METHODS = {
    "demo": ("scripts/demo.toml", None, ((2026, 11, 2), (2026, 11, 20))),
    "lk_roadmap": ("scripts/samples/lk_roadmap.toml", "lk-roadmap", None),
    "balakhta": ("scripts/samples/balakhta.toml", "balakhta-2025", None),
    "krymsk": ("scripts/samples/krymsk.toml", "krymsk-2021", None),
}
# The demo method has no generic scenario: its sample's own ranges (fill_samples.figures).
DEMO_RANGES = {
    "diag_participated": ("parent", 0.55, 1.0), "deficits_found": ("parent", 0.15, 0.65),
    "iom_total": ("size", 0.25, 0.8), "young_total": ("size", 0.06, 0.22),
    "young_mentored": ("parent", 0.5, 1.0), "mentors": ("size", 0.03, 0.16),
    "network_participants": ("size", 0.1, 0.6), "courses_passed": ("size", 0.4, 0.95),
    "retraining_passed": ("size", 0.0, 0.15),
}
MISTAKES = ("text_in_number", "decimal_comma", "part_over_whole", "empty_required")
DIRECTORS = ["Иванова Анна Петровна", "Смирнов Олег Иванович", "Кузнецова Елена Сергеевна",
             "Попов Дмитрий Андреевич", "Васильева Ольга Николаевна", "Морозов Игорь Викторович"]
KINDS = ["МБОУ СОШ № {n}", "МБОУ «Гимназия № {n}»", "МБОУ «Лицей № {n}»", "МБОУ ООШ № {n}"]
FULL = ["Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
        "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {n}»",
        "Муниципальное бюджетное общеобразовательное учреждение «Лицей № {n}»",
        "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № {n}»"]


def sample_config(method):
    import tomllib
    with open(ROOT / METHODS[method][0], "rb") as f:
        return tomllib.load(f)


def write_registry(path, n):
    ids = ["s{:05d}".format(i) for i in range(1, n + 1)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("id;short_name;full_name;director;email\n")
        for i, sid in enumerate(ids, 1):
            short = KINDS[i % len(KINDS)].format(n=i)
            full = FULL[i % len(KINDS)].format(n=i)
            f.write("{};{};{};{};{}@school.example\n".format(sid, short, full, DIRECTORS[i % len(DIRECTORS)], sid))
    return ids


def read_registry(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            sid, short, full, _, _ = line.rstrip("\n").split(";")
            rows[sid] = (short, full)
    return rows


class Template:
    """The blank form of one school, split into the parts a school's form changes."""

    def __init__(self, path, school_id, short, full):
        with zipfile.ZipFile(path) as z:
            self.names = [i.filename for i in z.infolist()]
            self.parts = {n: z.read(n) for n in self.names}
        workbook = self.parts["xl/workbook.xml"].decode()
        self.cells = {}  # defined name -> (sheet part, "C10")
        sheets = dict(re.findall(r'<sheet name="([^"]+)" sheetId="\d+"(?: state="\w+")? r:id="(rId\d+)"', workbook))
        rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"',
                               self.parts["xl/_rels/workbook.xml.rels"].decode()))
        for name, sheet, col, row in re.findall(
                r"<definedName name=\"([^\"]+)\">'([^']+)'!\$([A-Z]+)\$(\d+)</definedName>", workbook):
            self.cells[name] = ("xl/" + rels[sheets[sheet]], col + row)
        sst = self.parts["xl/sharedStrings.xml"].decode()
        head, body = sst.split("<si>", 1)
        self.sst_items = ["<si>" + s for s in ("<si>" + body).split("<si>")[1:]]
        self.sst_items[-1] = self.sst_items[-1].replace("</sst>", "")
        self.sst_head = re.sub(r' count="\d+" uniqueCount="\d+"', "", head)
        own = {"<si><t>{}</t></si>".format(escape(s)) for s in (school_id, short, full)}
        self.school_slots = {i: it for i, it in enumerate(self.sst_items) if it in own}
        self.own = (school_id, short, full)
        # Parts no school changes: compressed once.
        self.fixed = {n: deflate(self.parts[n]) for n in self.names
                      if n != "xl/sharedStrings.xml" and not any(n == c[0] for c in self.cells.values())}


def deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), c.compress(data) + c.flush()


def zip_bytes(order, parts):
    """A zip of (name -> (crc, size, deflated bytes)) in `order`, 1980 timestamps."""
    out, central = bytearray(), bytearray()
    for name in order:
        crc, size, data = parts[name]
        n = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 33, crc, len(data),
                               size, len(n), 0, 0, 0, 0, 0, len(out)) + n
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 33, crc, len(data), size, len(n), 0) + n
        out += data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(order), len(order), len(central), len(out), 0)
    return bytes(out + central + end)


def excel_serial(d):
    return (d - datetime.date(1899, 12, 30)).days


def form_bytes(t, school, values, filled_on):
    items = list(t.sst_items)
    for i, item in t.school_slots.items():
        which = t.own.index(re.sub(r"</?si>|</?t>", "", item).replace("&amp;", "&")
                            .replace("&lt;", "<").replace("&gt;", ">"))
        items[i] = "<si><t>{}</t></si>".format(escape(school[which]))
    index = {}

    def shared(text):
        if text not in index:
            index[text] = len(items)
            items.append("<si><t>{}</t></si>".format(escape(text)))
        return index[text]
    by_part = {}
    for input_id, v in values.items():
        part, cell = t.cells["in_" + input_id]
        if v == "" or v is None:
            continue
        if isinstance(v, (int, float)):
            by_part.setdefault(part, {})[cell] = "<v>{}</v>".format(v)
        else:
            by_part.setdefault(part, {})[cell] = ' t="s"><v>{}</v>'.format(shared(v))
    part, cell = t.cells["meta_filled_on"]
    by_part.setdefault(part, {})[cell] = "<v>{}</v>".format(excel_serial(filled_on))
    parts = dict(t.fixed)
    for part, cells in by_part.items():
        xml = t.parts[part].decode()

        def put(m):
            ref, style = m.group(1), m.group(2)
            content = cells.get(ref)
            if content is None:
                return m.group(0)
            if content.startswith(" t="):
                return '<c r="{}" s="{}"{}</c>'.format(ref, style, content)
            return '<c r="{}" s="{}">{}</c>'.format(ref, style, content)
        xml = re.sub(r'<c r="([A-Z]+\d+)" s="(\d+)"/>', put, xml)
        parts[part] = deflate(xml.encode())
    sst = "{} count=\"{}\" uniqueCount=\"{}\">{}</sst>".format(
        t.sst_head.rstrip(">"), len(items), len(items), "".join(items))
    parts["xl/sharedStrings.xml"] = deflate(sst.encode())
    return zip_bytes(t.names, parts)


def scenario_for(method, n, rng):
    base = dict(fill_samples.SCENARIOS.get(METHODS[method][1] or "", {}))
    base.pop("totals", None)  # the sample's exact municipal facts are for its own schools
    base.pop("exact", None)
    return {"ranges": base.get("ranges", DEMO_RANGES if method == "demo" else {}),
            "filled": base.get("filled") or METHODS[method][2]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--method", choices=sorted(METHODS), default="demo")
    ap.add_argument("--schools", type=int, required=True)
    ap.add_argument("--out", type=pathlib.Path, required=True)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--bin", type=pathlib.Path, default=ROOT / "build/src/cli/metodmon")
    a = ap.parse_args()
    out = a.out.resolve()
    if out.exists() and any(out.iterdir()):
        raise SystemExit("bench_forms: {} is not empty".format(out))
    (out / "inbox").mkdir(parents=True)
    sample = sample_config(a.method)
    definition_path = (ROOT / METHODS[a.method][0]).parent / sample["monitoring"]["definition"]
    period = sample["monitoring"]["period"]
    password = sample["forms"]["password"]
    ids = write_registry(out / "schools.csv", a.schools)
    registry = read_registry(out / "schools.csv")
    (out / "metodmon.toml").write_text(
        "# Scale benchmark: {} schools, method {} (scripts/bench_forms.py)\n"
        "[monitoring]\ndefinition = \"{}\"\nschools = \"schools.csv\"\nperiod = \"{}\"\n\n"
        "[paths]\ninbox = \"inbox\"\noutput = \"out\"\nstate = \"state\"\n\n"
        "[forms]\npassword = \"{}\"\n\n[inbox]\nsettle_seconds = 0\n".format(
            a.schools, a.method, definition_path.resolve(), period, password), encoding="utf-8")

    # One real blank form, for the first school.
    blank_dir = out / "blank"
    subprocess.run([str(a.bin), "template", "-q", "--config", str(out / "metodmon.toml"),
                    "--school", ids[0], "--out", str(blank_dir)], check=True)
    blank = next(blank_dir.glob("*.xlsx"))
    template = Template(blank, ids[0], *registry[ids[0]])
    stem_tail = blank.name[len(ids[0]):]  # "_2026-11.xlsx"
    for f in blank_dir.iterdir():
        f.unlink()
    blank_dir.rmdir()

    rng = random.Random(a.seed)
    definition = fill_samples.load_definition(definition_path)
    scenario = scenario_for(a.method, a.schools, rng)
    scenario["small"] = {s for s in ids if rng.random() < 0.15}
    values = fill_samples.generic_figures(definition, scenario, ids, rng)
    inputs = {i["id"]: i for i in definition["input"]}
    counts = [i for i in inputs.values() if i["kind"] == "count"]
    parts = [i for i in counts if i.get("not_more_than")]
    required = [i for i in inputs.values() if i.get("required", True) and i["kind"] != "text"]
    first, last = (datetime.date(*d) for d in scenario["filled"])
    span = (last - first).days

    made = []
    for sid in ids:
        r = rng.random()
        if r < 0.02:
            made.append({"school": sid, "file": None, "fault": "not_submitted"})
            continue
        v = dict(values[sid])
        filled_on = first + datetime.timedelta(days=rng.randint(1, span))
        fault = None
        if r < 0.03:
            fault = MISTAKES[rng.randrange(len(MISTAKES))]
            if fault == "text_in_number":
                v[rng.choice(counts)["id"]] = "около {}".format(rng.randint(10, 40))
            elif fault == "decimal_comma":
                v[rng.choice(counts)["id"]] = "{},5".format(rng.randint(1, 40))
            elif fault == "part_over_whole" and parts:
                p = rng.choice(parts)
                v[p["id"]] = v[p["not_more_than"]] + rng.randint(2, 5)
            else:
                fault = "empty_required"
                v[rng.choice(required)["id"]] = ""
        name = sid + stem_tail
        data = form_bytes(template, (sid,) + registry[sid], v, filled_on)
        if r > 0.999:
            data, fault = data[: len(data) // 2], "truncated"
        path = out / "inbox" / name
        path.write_bytes(data)
        made.append({"school": sid, "file": name, "fault": fault, "filled_on": filled_on.isoformat()})
        if 0.03 <= r < 0.035:  # an earlier, hasty version sent as well: superseded
            early = dict(v)
            for i in parts:  # nothing done yet: every part 0 (still a valid form)
                if isinstance(early.get(i["id"]), int):
                    early[i["id"]] = 0
            early_name = name.replace(".xlsx", " (первый вариант).xlsx")
            (out / "inbox" / early_name).write_bytes(
                form_bytes(template, (sid,) + registry[sid], early, first))
            made.append({"school": sid, "file": early_name, "fault": "superseded",
                         "filled_on": first.isoformat()})
    (out / "forms.json").write_text(json.dumps(
        {"method": a.method, "period": period, "schools": a.schools, "seed": a.seed, "files": made},
        ensure_ascii=False, indent=0), encoding="utf-8")
    files = sum(1 for m in made if m["file"])
    faulty = sum(1 for m in made if m["fault"] and m["file"] and m["fault"] != "superseded")
    print("{}: {} files for {} schools ({} faulty)".format(out / "inbox", files, a.schools, faulty))


if __name__ == "__main__":
    main()
