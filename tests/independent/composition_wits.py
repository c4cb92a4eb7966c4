#!/usr/bin/env python3
"""Independent recomputation of `mvec composition` on Kazakhstan's WITS files (Python standard
library, exact fractions; not libmvec, not mvec's data/hs tables).

usage: composition_wits.py CONCORDANCE_CSV MVEC_CSV WITS_FILE...

CONCORDANCE_CSV is the UN Statistics Division's raw HS 2012 -> BEC Rev.4 table
(hs-bec-concordance/HS2012_to_BEC4_UNSD.csv). Stages of BEC headings (UNCTAD): raw 111 21 31;
intermediate 121 22 32 322 42 53; capital 41 521; consumer 112 122 522 61 62 63; unclassified
321 51 7 n/a. An HS6 code's value is split equally over its distinct BEC rows, an HS4 heading's
over its HS6 subheadings. Values: thousands of USD with up to 3 decimals -> whole dollars.
Partners: WLD -> World, CHN -> CHN (its own bloc in the built-in scheme `powers`).
Compares every row of mvec's CSV output (--format csv, --flow both): value, unmapped and split
exactly, stage shares to 1e-12 relative (1e-15 absolute near zero); prints the China rows and
"N numbers compared".
"""
import csv
import sys
from collections import defaultdict
from fractions import Fraction

STAGES = ["raw", "intermediate", "capital", "consumer", "unclassified"]
STAGE_OF = {}
for stage, codes in [("raw", "111 21 31"), ("intermediate", "121 22 32 322 42 53"),
                     ("capital", "41 521"), ("consumer", "112 122 522 61 62 63"),
                     ("unclassified", "321 51 7 n/a")]:
    for code in codes.split():
        STAGE_OF[code] = stage

pairs = set()
with open(sys.argv[1], newline="") as f:
    reader = csv.reader(f)
    next(reader)
    for row in reader:
        if not row or not row[0]:
            continue
        pairs.add((row[0].replace(".", ""), row[1]))
hs6 = defaultdict(lambda: defaultdict(Fraction))
rows_of = defaultdict(int)
for code, bec in pairs:
    rows_of[code] += 1
for code, bec in pairs:
    hs6[code][STAGE_OF[bec]] += Fraction(1, rows_of[code])
hs4 = defaultdict(lambda: defaultdict(Fraction))
count4 = defaultdict(int)
for code in hs6:
    count4[code[:4]] += 1
for code, w in hs6.items():
    for stage, x in w.items():
        hs4[code[:4]][stage] += x / count4[code[:4]]

def dollars(text):
    whole, _, frac = text.partition(".")
    frac = (frac + "000")[:3]
    return int(whole) * 1000 + int(frac)

cells = defaultdict(int)  # (year, flow, partner, code) -> USD
for path in sys.argv[3:]:
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            flow = {"Export": "exports", "Import": "imports"}[r["TradeFlowName"]]
            partner = {"WLD": "World", "CHN": "CHN"}[r["PartnerISO3"]]
            cells[(int(r["Year"]), flow, partner, r["ProductCode"])] += dollars(r["TradeValuein1000USD"])

expected = defaultdict(lambda: {"value": 0, "unmapped": 0, "split": 0,
                                "stages": defaultdict(Fraction)})
for (year, flow, partner, code), value in cells.items():
    e = expected[(year, flow, partner)]
    e["value"] += value
    weights = hs4.get(code) if len(code) == 4 else hs6.get(code)
    if weights is None:
        e["unmapped"] += value
        continue
    if max(weights.values()) != 1:
        e["split"] += value
    for stage, w in weights.items():
        e["stages"][stage] += value * w

compared = 0
failed = 0
seen = set()
with open(sys.argv[2], newline="") as f:
    for r in csv.DictReader(f):
        key = (int(r["year"]), r["flow"], r["partner"])
        seen.add(key)
        e = expected.get(key)
        ok = e is not None
        if ok:
            staged = e["value"] - e["unmapped"]
            for name, want in (("value_usd", e["value"]), ("unmapped_usd", e["unmapped"]),
                               ("split_usd", e["split"])):
                compared += 1
                ok = ok and int(r[name]) == want
            for stage in STAGES:
                compared += 1
                want = float(e["stages"][stage] / staged) if staged else 0.0
                got = float(r[stage + "_share"])
                ok = ok and abs(got - want) <= max(1e-12 * abs(want), 1e-15)
        failed += not ok
        if key[2] == "CHN" or not ok:
            shares = " ".join(f"{s} {100 * float(e['stages'][s] / (e['value'] - e['unmapped'])):.2f}"
                              for s in STAGES[:4]) if e else ""
            print(f"{key[0]} {key[1]} CHN: {e['value'] if e else '?'} USD, {shares}: "
                  f"{'agrees' if ok else 'DIFFERS'}")
missing = set(expected) - seen
if missing:
    failed += 1
    print(f"rows missing from mvec's output: {sorted(missing)}")
print(f"{compared} numbers compared")
sys.exit(1 if failed else 0)
