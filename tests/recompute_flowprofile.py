#!/usr/bin/env python3
"""Recompute Kazakhstan's trade shares and the asymmetry of dependence from the raw WTO file.

Independent of mvec (Python standard library only): reads the WTO HS2 bilateral imports
(year,reporter_m49,partner_m49,hs2,value_usd; importer-declared, partner 000 = World) and,
for each case YEAR:PROFILE_JSON:ASYMMETRY_CSV written by
  mvec profile KAZ --year YEAR --no-embedded --data FILE --format json --exact
  mvec profile KAZ --year YEAR --no-embedded --data FILE --asymmetry --format csv
checks, to 1e-12 relative (docs/methods.md sections 1 and 12):
  - trade.imports (basis reporter): share of partner p = x_p / X, x_p Kazakhstan's imports
    from p summed over chapters, X its World (000) rows summed;
  - trade.exports (basis partner, mirror): share of reporter r = y_r / sum of y over every
    reporter declaring imports from Kazakhstan;
  - the asymmetry rows of trade.imports: the top 5 partners by x_p (ties by ISO code),
    d(KAZ, p) = x_p / X and d(p, KAZ) = y_p / Y_p, Y_p p's World rows (else the sum of its
    rows over partners), empty when p declares nothing that year.
Partners are matched by ISO 3166 numeric code (iso-codes' JSON, not mvec's registry);
codes outside ISO 3166-1 are left out of the comparison but kept in the sums.
Prints one line per case and exits 1 on the first disagreement.
"""
import csv
import gzip
import json
import sys
from decimal import Decimal

KAZ = "398"
TOLERANCE = 1e-12


def dollars(text):
    d = Decimal(text)
    if d != d.to_integral_value():
        raise SystemExit(f"value {text} is not whole dollars")
    return int(d)


def close(a, b):
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def main():
    path, iso_json = sys.argv[1], sys.argv[2]
    cases = [c.split(":") for c in sys.argv[3:]]
    years = {int(c[0]) for c in cases}
    with open(iso_json, encoding="utf-8") as f:
        alpha3 = {e["numeric"]: e["alpha_3"] for e in json.load(f)["3166-1"]}
    imports = {}       # (year, partner) -> KAZ's imports from partner
    world = {}         # (year, reporter) -> reporter's World rows
    partner_sum = {}   # (year, reporter) -> reporter's rows over partners (not World)
    mirror = {}        # (year, reporter) -> reporter's imports from KAZ
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["year", "reporter_m49", "partner_m49", "hs2", "value_usd"], header
        for year, reporter, partner, _hs2, value in reader:
            y = int(year)
            if y not in years:
                continue
            v = dollars(value)
            key = (y, reporter)
            if partner == "000":
                world[key] = world.get(key, 0) + v
                continue
            partner_sum[key] = partner_sum.get(key, 0) + v
            if reporter == KAZ:
                k = (y, partner)
                imports[k] = imports.get(k, 0) + v
            if partner == KAZ:
                mirror[key] = mirror.get(key, 0) + v
    failures = 0
    for year_text, profile_path, asymmetry_path in cases:
        year = int(year_text)
        with open(profile_path, encoding="utf-8") as f:
            profile = json.load(f)
        shares = {}
        for vector in profile["vectors"]:
            if vector["vector"] in ("trade.imports", "trade.exports") and vector["year"] == year:
                shares[(vector["vector"], vector["basis"])] = {
                    p["partner"]: p["share"] for p in vector["partners"]}
        total_imports = world[(year, KAZ)]
        mirror_total = sum(v for (y, _r), v in mirror.items() if y == year)
        expected = {("trade.imports", "reporter"): {}, ("trade.exports", "partner"): {}}
        for (y, p), v in imports.items():
            if y == year and p in alpha3:
                expected[("trade.imports", "reporter")][alpha3[p]] = v / total_imports
        for (y, r), v in mirror.items():
            if y == year and r in alpha3:
                expected[("trade.exports", "partner")][alpha3[r]] = v / mirror_total
        compared = 0
        for key, want in expected.items():
            got = shares.get(key)
            if got is None:
                print(f"{year}: {key[0]} {key[1]}: not in the profile")
                failures += 1
                continue
            for code, share in want.items():
                interval = got.get(code)
                if interval is None or not (close(interval["lo"], share) and
                                            close(interval["hi"], share)):
                    print(f"{year} {key[0]} {code}: mvec {interval}, recomputed {share!r}")
                    failures += 1
                compared += 1
        # asymmetry of trade.imports
        ranked = sorted(((v, alpha3[p], p) for (y, p), v in imports.items()
                         if y == year and p in alpha3), key=lambda t: (-t[0], t[1]))[:5]
        with open(asymmetry_path, encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["vector"] == "trade.imports"]
        pairs = 0
        if len(rows) != len(ranked):
            print(f"{year}: {len(rows)} asymmetry rows, recomputed {len(ranked)}")
            failures += 1
        for row, (value, code, m49) in zip(rows, ranked):
            back = mirror.get((year, m49), 0)
            p_total = world.get((year, m49), partner_sum.get((year, m49), 0))
            d_c = value / total_imports
            d_p = back / p_total if p_total > 0 else None
            ok = (row["partner"] == code and int(row["country_with_partner_usd"]) == value and
                  int(row["country_total_usd"]) == total_imports and
                  close(float(row["country_dependence"]), d_c))
            if d_p is None:
                ok = ok and row["partner_dependence"] == ""
            else:
                ok = ok and int(row["partner_total_usd"]) == p_total and \
                    close(float(row["partner_dependence"]), d_p)
            if not ok:
                print(f"{year} asymmetry {code}: mvec {row}, recomputed {d_c!r} {d_p!r}")
                failures += 1
            pairs += 1
        print(f"{year}: {compared} partner shares and {pairs} asymmetry pairs recomputed"
              f"{'' if failures else ', all agree to 1e-12'}")
        if failures:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
