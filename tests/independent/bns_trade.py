#!/usr/bin/env python3
"""Independent recomputation (Python standard library only, not libmvec) of what mvec reports
from the Bureau of National Statistics' trade-by-partner table: for every year and flow, each
country partner's share of the total, HHI (sum of squared shares) and the largest partner; for
turnover, the shares of Russia and of the EU (its members of that year: the 27, plus the United
Kingdom until 2019) and the largest other partner, as `mvec check` reads them for the claim
"Russia and the EU almost always share first place".

usage: bns_trade.py MVEC RAW_BUREAU_CSV
Runs `MVEC profile --year Y --format json --exact` on the built-in data (full precision) and
prints one line per year and flow, "agrees" when every share (both ends) and the HHI (both ends)
agree to 1e-12 relative (1e-15 absolute near zero), else the two numbers; then the count of
numbers compared. Exits 1 on any difference.
"""
import csv
import json
import subprocess
import sys

EU27 = set("AUT BEL BGR CYP CZE DEU DNK EST ESP FIN FRA GRC HRV HUN IRL ITA LTU LUX LVA MLT "
           "NLD POL PRT ROU SWE SVN SVK".split())
FLOWS = [("turnover", "trade.total"), ("exports", "trade.exports"), ("imports", "trade.imports")]


TOLERANCE = 1e-12
compared = 0


def close(a, b):
    global compared
    compared += 1
    return abs(a - b) <= max(TOLERANCE * max(abs(a), abs(b)), 1e-15)


def main():
    mvec, raw = sys.argv[1], sys.argv[2]
    bad = 0
    rows = [r for r in csv.DictReader(open(raw, encoding="utf-8")) if r["latest"] == "1"]
    for year in sorted({int(r["year"]) for r in rows}):
        out = subprocess.run([mvec, "profile", "--year", str(year), "--format", "json", "--exact"],
                             capture_output=True, text=True, check=True).stdout
        vectors = {v["vector"]: v for v in json.loads(out)["vectors"]}
        for flow, vector in FLOWS:
            year_rows = [r for r in rows if int(r["year"]) == year]
            total = float(next(r for r in year_rows if r["aggregate"] == "total")[flow + "_kusd"])
            shares = {r["partner_iso3"]: float(r[flow + "_kusd"]) / total
                      for r in year_rows if r["row_type"] == "country" and r[flow + "_kusd"]}
            positive = sum(1 for s in shares.values() if s > 0)
            hhi = sum(s * s for s in shares.values())
            top = max(shares, key=shares.get)
            v = vectors[vector]
            mine = {p["partner"]: p["share"] for p in v["partners"]}
            ok = v["year"] == year and close(v["indices"]["hhi"]["lo"], hhi) and \
                close(v["indices"]["hhi"]["hi"], hhi) and set(mine) == set(shares) and \
                all(close(mine[p]["lo"], s) and close(mine[p]["hi"], s) for p, s in shares.items())
            line = "%d %s: %d partners, HHI %.4f, top %s %.1f %%" % (
                year, vector, positive, hhi, top, 100 * shares[top])
            if flow == "turnover":
                eu = EU27 | ({"GBR"} if year <= 2019 else set())
                eu_share = sum(s for p, s in shares.items() if p in eu)
                others = {p: s for p, s in shares.items() if p not in eu and p != "RUS"}
                nxt = max(others, key=others.get)
                both_top = min(shares.get("RUS", 0), eu_share) > others[nxt]
                line += "; RUS %.1f %%, EU %.1f %%, next %s %.1f %%: %s" % (
                    100 * shares.get("RUS", 0), 100 * eu_share, nxt, 100 * others[nxt],
                    "top" if both_top else "not top")
            print(line + (": agrees" if ok else ": DIFFERS (mvec HHI %r)" % v["indices"]["hhi"]))
            bad += not ok
    print("%d numbers compared to 1e-12 relative" % compared)
    return 1 if bad else 0


sys.exit(main())
