#!/usr/bin/env python3
"""Independent recomputation of mvec's trade indices from a raw ITPD-E file.

usage: recompute_itpd.py ITPD_CSV DATA_DIR COUNTRY:YEAR:MVEC_JSON...

Reads the ITPD-E bilateral file (year, exporter_iso3, importer_iso3, trade_usd2010) and, from
DATA_DIR (mvec's data/), the bloc scheme blocs/powers.csv (code, bloc, great_power; '*' is
everyone else), memberships.csv and organisations.csv, with the Python standard library only -
nothing of mvec's code - and computes, for each country and year, the vectors
trade.exports (its rows as exporter), trade.imports (as importer) and trade.total (both), leaving
out the domestic row (exporter = importer): every partner share s_p = x_p / X, HHI, normalised
HHI, 1/HHI, CR1, CR3, entropy H, evenness H / ln n, Theil ln n - H, the bloc shares, exposure,
balance and margin (docs/methods.md, sections 3 and 4). Blocs follow the scheme's rule
(src/lib/data/blocs.c, docs/formats.md): a code with a row of its own takes that bloc; else a
code that is, in the year, a full member (member or founder) of an organisation the scheme
names and whose member list is complete (EU, EAEU) takes that organisation's bloc - joined in
or before the year and not left by its start; else the '*' bloc. So Kazakhstan is in RUS-EAEU
from 2015 and Croatia is WEST in every year (a row of its own). Each figure is compared with the one in mvec's JSON
(`mvec profile COUNTRY --year YEAR --format json --exact`): agreement to 1e-12 relative (1e-15
absolute near zero). Prints one line per country, year and vector; exits 1 on any difference.
"""
import csv
import json
import math
import sys
from collections import defaultdict

TOLERANCE = 1e-12


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_blocs(data_dir):
    """(code -> bloc, great powers, default bloc, [(organisation, bloc, members)])"""
    blocs, great, default, expansions = {}, [], "OTHER", []
    complete = {r["code"] for r in read_csv(data_dir + "/organisations.csv")
                if r["members_complete"] == "yes"}
    members = defaultdict(list)  # organisation -> [(member, joined, left)]
    for r in read_csv(data_dir + "/memberships.csv"):
        if r["status"] in ("member", "founder"):
            members[r["organisation"]].append(
                (r["member"], int(r["joined"][:4]), int(r["left"][:4]) if r["left"] else None))
    for row in read_csv(data_dir + "/blocs/powers.csv"):
        if row["code"] == "*":
            default = row["bloc"]
        else:
            blocs[row["code"]] = row["bloc"]
            if row["code"] in complete:
                expansions.append((row["code"], row["bloc"], members[row["code"]]))
        if row["great_power"] == "yes" and row["bloc"] not in great:
            great.append(row["bloc"])
    return blocs, great, default, expansions


def bloc_of(code, year, scheme):
    blocs, _, default, expansions = scheme
    if code in blocs:
        return blocs[code]
    for _, bloc, members in expansions:
        for member, joined, left in members:
            if member == code and joined <= year and (left is None or left > year):
                return bloc
    return default


def read_flows(path, wanted):
    """{(country, year, vector): {partner: value}} for the wanted (country, year) pairs."""
    flows = defaultdict(lambda: defaultdict(float))
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            e, i = row["exporter_iso3"], row["importer_iso3"]
            if e == i:
                continue  # domestic: not a partner
            v = float(row["trade_usd2010"])
            if (e, year) in wanted:
                flows[(e, year, "trade.exports")][i] += v
                flows[(e, year, "trade.total")][i] += v
            if (i, year) in wanted:
                flows[(i, year, "trade.imports")][e] += v
                flows[(i, year, "trade.total")][e] += v
    return flows


def indices(values, year, scheme):
    great = scheme[1]
    total = sum(values.values())
    shares = {p: x / total for p, x in values.items() if x > 0}
    s = sorted(shares.values(), reverse=True)
    n = len(s)
    hhi = sum(x * x for x in s)
    h = -sum(x * math.log(x) for x in s)
    out = {
        "hhi": hhi,
        "hhi_normalised": (hhi - 1 / n) / (1 - 1 / n) if n > 1 else 1.0,
        "equivalent_partners": 1 / hhi,
        "cr1": s[0],
        "cr3": sum(s[:3]),
        "entropy": h,
        "theil": math.log(n) - h,
        "partners": float(n),
    }
    if n > 1:
        out["evenness"] = h / math.log(n)
    bloc = defaultdict(float)
    for p, x in shares.items():
        bloc[bloc_of(p, year, scheme)] += x
    exposure = sum(bloc[b] for b in great)
    sigma = sorted((bloc[b] / exposure for b in great), reverse=True)
    k = len(great)
    out["exposure"] = exposure
    out["balance"] = 1 - (sum(x * x for x in sigma) - 1 / k) / (1 - 1 / k)
    out["margin"] = sigma[0] - sigma[1]
    return shares, dict(bloc), out


def agree(a, b):
    return abs(a - b) <= max(TOLERANCE * max(abs(a), abs(b)), 1e-15)


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    scheme = read_blocs(argv[2])
    cases = []
    for arg in argv[3:]:
        country, year, path = arg.split(":", 2)
        cases.append((country, int(year), path))
    flows = read_flows(argv[1], {(c, y) for c, y, _ in cases})
    bad = 0
    for country, year, path in cases:
        with open(path, encoding="utf-8") as f:
            profile = json.load(f)
        by_vector = {v["vector"]: v for v in profile["vectors"]}
        for vector in ("trade.total", "trade.exports", "trade.imports"):
            shares, bloc, out = indices(flows[(country, year, vector)], year, scheme)
            mine = by_vector.get(vector)
            problems = []
            if mine is None or mine["year"] != year:
                problems.append("vector or year missing from mvec's output")
                mine = {"partners": [], "indices": {}, "bloc_shares": {}}
            compared = 0

            def check(name, expected, interval):
                nonlocal compared
                if interval is None:
                    problems.append(f"{name}: mvec gives none, expected {expected!r}")
                    return
                for end in ("lo", "hi"):
                    compared += 1
                    if not agree(expected, interval[end]):
                        problems.append(f"{name} {end}: mvec {interval[end]!r}, "
                                        f"recomputed {expected!r}")

            mvec_shares = {p["partner"]: p["share"] for p in mine["partners"]}
            if set(mvec_shares) != set(shares):
                problems.append(f"partners differ: only mvec {sorted(set(mvec_shares) - set(shares))},"
                                f" only recomputed {sorted(set(shares) - set(mvec_shares))}")
            for p, x in shares.items():
                check("share " + p, x, mvec_shares.get(p))
            for key, x in out.items():
                check(key, x, mine.get(key) if key in ("exposure", "balance", "margin")
                      else mine["indices"].get(key))
            for b, x in bloc.items():
                check("bloc " + b, x, mine["bloc_shares"].get(b))
            if problems:
                bad += 1
                print(f"{country} {year} {vector}: DIFFERS")
                for p in problems[:20]:
                    print("  " + p)
            else:
                print(f"{country} {year} {vector}: {len(shares)} partners, "
                      f"{compared} numbers agree to 1e-12")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
