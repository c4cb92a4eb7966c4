#!/usr/bin/env python3
"""Independent recomputation of `mvec screen` on the WTO HS2 bilateral imports (Python standard
library with exact integers, not libmvec).

usage: screen_wto.py REPORTER_M49 YEAR MVEC_TABLE MVEC_CSV < rows

`rows` are the file's rows (year,reporter_m49,partner_m49,hs2,value_usd) of the window's three
years (a shell filter may select them by year; nothing else). For each year Y-2..Y and HS2
product k, with m_j the reporter's imports from partner j, x_j the sum over every reporter of
its imports from j (the mirror world exports of k by j), partner 000 (World) and a reporter's
rows with itself left out: (1) 5*sum m_j^2 > 2*(sum m_j)^2, (2) the same with x, (3) sum m_j >
x_reporter; a product is dependent when (1)-(3) hold in at least 2 of the 3 years. Compares
with mvec: the per-year counts (table output) exactly, the dependent products, their years,
imports, exports, largest supplier's value and world exports exactly, the two HHIs to 1e-12
relative. Prints one line per year and per product, then "N numbers compared".
"""
import sys
from collections import defaultdict

reporter, year = sys.argv[1], int(sys.argv[2])
years = [year - 2, year - 1, year]
imports = {y: defaultdict(lambda: defaultdict(int)) for y in years}  # k -> j -> value
world = {y: defaultdict(lambda: defaultdict(int)) for y in years}
for line in sys.stdin:
    y, rep, par, k, v = line.rstrip("\r\n").split(",")
    if not y.isdigit() or int(y) not in imports:
        continue
    whole, _, frac = v.partition(".")
    assert frac.strip("0") == "", f"value {v} is not whole dollars"
    v = int(whole)
    y = int(y)
    if par == "000" or rep == par:
        continue
    world[y][k][par] += v
    if rep == reporter:
        imports[y][k][par] += v

def hhi_test(values):
    total = sum(v for v in values if v > 0)
    squares = sum(v * v for v in values if v > 0)
    return total, squares, total > 0 and 5 * squares > 2 * total * total

met = defaultdict(set)
counts = {}
for y in years:
    c = [0, 0, 0, 0, 0, 0]  # imports, imported, (1), (2), (3), all
    for k, by in imports[y].items():
        m_total, _, c1 = hhi_test(by.values())
        if m_total <= 0:
            continue
        _, _, c2 = hhi_test(world[y][k].values())
        c3 = m_total > world[y][k].get(reporter, 0)
        c[0] += m_total
        c[1] += 1
        c[2] += c1
        c[3] += c2
        c[4] += c3
        if c1 and c2 and c3:
            c[5] += 1
            met[k].add(y)
    counts[y] = c

expected = {}
for k, ys in met.items():
    if len(ys) < 2:
        continue
    fy = max(y for y in years if sum(imports[y][k].values()) > 0)
    m = imports[fy][k]
    x = world[fy][k]
    m_total, m_sq, _ = hhi_test(m.values())
    x_total, x_sq, _ = hhi_test(x.values())
    top = max(m.values())
    expected[k] = dict(years_met=len(ys), met_in=" ".join(str(y) for y in sorted(ys)), year=fy,
                       imports_usd=m_total, exports_usd=x.get(reporter, 0), supplier_usd=top,
                       world_exports_usd=x_total, supplier_hhi=m_sq / m_total ** 2,
                       world_hhi=x_sq / x_total ** 2)

compared = 0
failed = 0
table = open(sys.argv[3]).read().splitlines()
for y in years:
    row = next((l.split() for l in table if l.startswith(f"{y} ") and len(l.split()) == 8), None)
    got = [int(row[2]), int(row[3]), int(row[4]), int(row[5]), int(row[6]), int(row[7])] if row else None
    ok = got == counts[y]
    compared += 6
    failed += not ok
    print(f"{y}: {counts[y][1]} products imported, {counts[y][2]} / {counts[y][3]} / {counts[y][4]} "
          f"meet (1) / (2) / (3), {counts[y][5]} all three: {'agrees' if ok else f'DIFFERS: mvec {got}'}")

import csv
rows = {r["product"]: r for r in csv.DictReader(open(sys.argv[4]))}
if set(rows) != set(expected):
    failed += 1
    print(f"dependent products DIFFER: mvec {sorted(rows)}, here {sorted(expected)}")
for k in sorted(expected, key=lambda k: (-expected[k]["imports_usd"], k)):
    e, r = expected[k], rows.get(k)
    ok = r is not None
    for field in ("years_met", "year", "imports_usd", "exports_usd", "supplier_usd", "world_exports_usd"):
        compared += 1
        ok = ok and int(r[field]) == e[field]
    for field in ("supplier_hhi", "world_hhi"):
        compared += 1
        ok = ok and abs(float(r[field]) - e[field]) <= 1e-12 * abs(e[field])
    ok = ok and r["met_in"] == e["met_in"]
    failed += not ok
    print(f"{k}: met in {e['met_in']}, {e['year']} imports {e['imports_usd']} USD, largest supplier "
          f"{e['supplier_usd']}, HHI {e['supplier_hhi']:.4f}, world HHI {e['world_hhi']:.4f}: "
          f"{'agrees' if ok else 'DIFFERS'}")
print(f"{compared} numbers compared")
sys.exit(1 if failed else 0)
