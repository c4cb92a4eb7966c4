#!/usr/bin/env python3
"""Independent recomputation of `mvec rank` on ITPD-E (not libmvec).

Usage: rank_itpd.py ITPD_CSV RANK_CSV YEAR POWERS_CSV MEMBERSHIPS_CSV

From the raw ITPD-E rows of YEAR (exporter, importer, value; exporter == importer is
domestic sales, not trade) it computes each country's trade.total partner values
x_p = exports to p + imports from p, the total X = sum of x_p, and then
  HHI = sum (x_p / X)^2, the top partner (largest x_p, ties by code),
  the bloc shares under the scheme data/blocs/powers.csv (a partner's own row, else the
  row of the first organisation of the scheme it is a full member of in YEAR by
  data/memberships.csv, e.g. the EU, else the default row '*'),
  exposure = sum of the great-power bloc shares,
  balance = 1 - (HHI(sigma) - 1/N) / (1 - 1/N) over the normalised great-power shares,
  margin = sigma_(1) - sigma_(2),
and compares them with mvec's CSV (--exact) to 1e-12 relative, plus the order (by the
measure, descending, then code). Exit 0 when everything agrees, 1 otherwise.
"""
import csv
import sys
from collections import defaultdict
from fractions import Fraction


def main():
    itpd, rank_csv, year, powers = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    members = defaultdict(set)
    with open(sys.argv[5], newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] not in ("member", "founder"):
                continue
            if int(row["joined"][:4]) <= year and (row["left"] == "" or int(row["left"][:4]) >= year):
                members[row["organisation"]].add(row["member"])
    trade = defaultdict(lambda: defaultdict(Fraction))
    with open(itpd, newline="") as f:
        for row in csv.DictReader(f):
            if int(row["year"]) != year:
                continue
            e, i = row["exporter_iso3"], row["importer_iso3"]
            if e == i:
                continue
            v = Fraction(row["trade_usd2010"])
            trade[e][i] += v
            trade[i][e] += v
    bloc_of, default, great, organisations = {}, None, set(), []
    with open(powers, newline="") as f:
        for row in csv.DictReader(f):
            code, bloc = row["code"], row["bloc"]
            if row.get("great_power", "").strip().lower() in ("1", "yes", "true", "y"):
                great.add(bloc)
            if code == "*":
                default = bloc
            else:
                bloc_of[code] = bloc
                if code in members:
                    organisations.append((code, bloc))

    def bloc_for(p):
        if p in bloc_of:
            return bloc_of[p]
        for org, bloc in organisations:
            if p in members[org]:
                return bloc
        return default

    great = sorted(great)
    expect = {}
    for c, partners in trade.items():
        total = sum(partners.values())
        if total == 0:
            continue
        shares = {p: v / total for p, v in partners.items() if v > 0}
        hhi = sum(s * s for s in shares.values())
        top = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        blocs = defaultdict(Fraction)
        for p, s in shares.items():
            blocs[bloc_for(p)] += s
        exposure = sum(blocs[b] for b in great)
        if exposure > 0:
            sigma = sorted((blocs[b] / exposure for b in great), reverse=True)
            n = len(great)
            h = sum(s * s for s in sigma)
            balance = 1 - (h - Fraction(1, n)) / (1 - Fraction(1, n))
            margin = sigma[0] - sigma[1]
        else:
            balance = margin = None
        expect[c] = dict(hhi=hhi, top=top[0], top_share=top[1], exposure=exposure,
                         balance=balance, margin=margin, blocs=dict(blocs), total=total)
    bad = 0
    checked = 0
    with open(rank_csv, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["rank"]]
    by = None
    for r in rows:
        c = r["code"]
        if c not in expect:
            print(f"{c}: in mvec's ranking, not in the recomputation")
            bad += 1
            continue
        e = expect[c]
        checked += 1

        def near(name, got, want):
            nonlocal bad
            if want is None:
                if got != "":
                    print(f"{c} {name}: mvec {got}, expected undefined")
                    bad += 1
                return
            g = float(got)
            w = float(want)
            if abs(g - w) > 1e-12 * max(1.0, abs(w)):
                print(f"{c} {name}: mvec {g!r}, recomputed {w!r}")
                bad += 1

        for name in ("hhi", "balance", "exposure", "margin"):
            for end in ("lo", "hi"):
                key = f"{name}_{end}" if f"{name}_{end}" in r else f"{name}_pct_{end}"
                scale = 100 if "_pct_" in key else 1
                want = None if e[name] is None else e[name] * scale
                near(key, r[key], want)
        if r["top_partner"] != e["top"]:
            print(f"{c} top partner: mvec {r['top_partner']}, recomputed {e['top']}")
            bad += 1
        tkey = "top_share_pct_lo" if "top_share_pct_lo" in r else "top_share_lo"
        near(tkey, r[tkey], e["top_share"] * (100 if "_pct_" in tkey else 1))
        near("total_lo", r["total_lo"], e["total"])
    missing = sorted(set(expect) - {r["code"] for r in rows})
    left = {}
    with open(rank_csv, newline="") as f:
        for r in csv.DictReader(f):
            if not r["rank"]:
                left[r["code"]] = r["left_out"]
    for c in missing:
        if c not in left:
            print(f"{c}: recomputed, but neither ranked nor left out by mvec")
            bad += 1
    # the order (mvec rank --by hhi): the HHI descending, then the code
    order = sorted((r["code"] for r in rows if r["code"] in expect),
                   key=lambda c: (-expect[c]["hhi"], c))
    if order != [r["code"] for r in rows]:
        print("the order differs from HHI descending, then code")
        bad += 1
    print(f"{checked} countries checked, {len(left)} left out, {bad} disagreements")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
