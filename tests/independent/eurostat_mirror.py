#!/usr/bin/env python3
"""Independent recomputation (Python standard library only) of mvec's reporter-vs-mirror
comparison of Kazakhstan's imports: the Bureau's imports from each EU member (thousand USD) and
Eurostat's exports of each member to Kazakhstan (monthly euros, summed over the 12 months of the
year), each divided by its own sum over the members both list with a positive figure for the
whole year; HHI of each and the member whose share differs most.

usage: eurostat_mirror.py MVEC RAW_BUREAU_CSV RAW_EUROSTAT_CSV
Prints one line per year (2019-2023), "agrees" when mvec's JSON (`profile --exact`, full
precision) agrees to 1e-12 relative (1e-15 absolute near zero), else both numbers; then the
count of numbers compared. Exits 1 on any difference.
"""
import collections
import csv
import json
import subprocess
import sys

ISO = {"Austria": "AUT", "Belgium": "BEL", "Bulgaria": "BGR", "Croatia": "HRV", "Cyprus": "CYP",
       "Czechia": "CZE", "Denmark": "DNK", "Estonia": "EST", "Finland": "FIN", "France": "FRA",
       "Germany": "DEU", "Greece": "GRC", "Hungary": "HUN", "Ireland": "IRL", "Italy": "ITA",
       "Latvia": "LVA", "Lithuania": "LTU", "Luxembourg": "LUX", "Malta": "MLT",
       "Netherlands": "NLD", "Poland": "POL", "Portugal": "PRT", "Romania": "ROU",
       "Slovakia": "SVK", "Slovenia": "SVN", "Spain": "ESP", "Sweden": "SWE",
       "United Kingdom": "GBR"}


TOLERANCE = 1e-12
compared = 0


def close(a, b):
    global compared
    compared += 1
    return abs(a - b) <= max(TOLERANCE * max(abs(a), abs(b)), 1e-15)


def main():
    mvec, bureau, eurostat = sys.argv[1:4]
    bad = 0
    months = collections.defaultdict(set)
    sums = collections.defaultdict(int)
    for r in csv.DictReader(open(eurostat, encoding="utf-8")):
        iso = ISO.get(r["reporter"].split(" (")[0])
        if iso:
            key = (iso, int(r["period"][:4]))
            months[key].add(r["period"])
            sums[key] += int(r["value_eur"])
    imports = {(r["partner_iso3"], int(r["year"])): float(r["imports_kusd"])
               for r in csv.DictReader(open(bureau, encoding="utf-8"))
               if r["latest"] == "1" and r["row_type"] == "country" and r["imports_kusd"]}
    for year in range(2019, 2024):
        common = sorted(p for (p, y) in sums if y == year and len(months[(p, y)]) == 12
                        and sums[(p, y)] > 0 and imports.get((p, year), 0) > 0)
        r_sum = sum(imports[(p, year)] for p in common)
        m_sum = sum(sums[(p, year)] for p in common)
        r = {p: imports[(p, year)] / r_sum for p in common}
        m = {p: sums[(p, year)] / m_sum for p in common}
        gap = max(common, key=lambda p: abs(r[p] - m[p]))
        r_hhi = sum(x * x for x in r.values())
        m_hhi = sum(x * x for x in m.values())
        out = subprocess.run([mvec, "profile", "--year", str(year), "--format", "json", "--exact"],
                             capture_output=True, text=True, check=True).stdout
        v = next(v for v in json.loads(out)["vectors"] if v["vector"] == "trade.imports")
        mine = v["mirror"] or {}
        ok = mine.get("partners_compared") == len(common) and mine.get("gap_partner") == gap and \
            close(mine["reporter_hhi"], r_hhi) and close(mine["mirror_hhi"], m_hhi) and \
            close(mine["reporter_share"], r[gap]) and close(mine["mirror_share"], m[gap])
        print("%d trade.imports mirror: %d members, HHI %.3f vs %.3f, gap %s %.1f %% vs %.1f %%: %s"
              % (year, len(common), r_hhi, m_hhi, gap, 100 * r[gap], 100 * m[gap],
                 "agrees" if ok else "DIFFERS (mvec %r)" % mine))
        bad += not ok
    print("%d numbers compared to 1e-12 relative" % compared)
    return 1 if bad else 0


sys.exit(main())
