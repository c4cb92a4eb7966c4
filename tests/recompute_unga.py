#!/usr/bin/env python3
"""Independent recomputation of mvec's UNGA agreement from the raw vote files.

usage: recompute_unga.py UN_VOTES_CSV UN_ROLL_CALLS_CSV MVEC_SOURCES_CSV CODE=ISO3:YEAR...

Python standard library only. For each CODE (the file's alpha-2 country_code, read as text so
that Namibia's "NA" stays Namibia), its registry code ISO3 and YEAR, and each great power's seat
(US, RU, CN, GB, FR), counts the roll calls dated in YEAR (un_roll_calls.csv) in which both cast a
vote (yes, no or abstain; absence is not a row) and those in which the votes were the same:
agreement = 100 * alike / common (docs/methods.md, "UNGA agreement"). Compares with the rows
diplomacy.unga / agreement and common_votes of MVEC_SOURCES_CSV (`mvec sources --format csv`,
which prints every value exactly) to 1e-12 relative. The seat RU is the Soviet Union (SUN) until
1991 and Russia (RUS) from 1992. Exits 1 on any difference.
"""
import csv
import sys
from collections import defaultdict

POWERS = {"US": "USA", "CN": "CHN", "GB": "GBR", "FR": "FRA"}


def power_code(seat, year):
    if seat == "RU":
        return "SUN" if year <= 1991 else "RUS"
    return POWERS[seat]


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    with open(argv[2], newline="", encoding="utf-8") as f:
        year_of = {r["rcid"]: int(r["date"][:4]) for r in csv.DictReader(f)}
    cases = []
    for arg in argv[4:]:
        code, rest = arg.split("=")
        iso3, year = rest.split(":")
        cases.append((code, iso3, int(year)))
    wanted = {c for c, _, _ in cases} | {"US", "RU", "CN", "GB", "FR"}
    votes = defaultdict(dict)  # (code, year) -> {rcid: vote}
    with open(argv[1], newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["country_code"] in wanted:
                votes[(r["country_code"], year_of[r["rcid"]])][r["rcid"]] = r["vote"]
    mine = {}
    with open(argv[3], newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["vector"] == "diplomacy.unga":
                mine[(r["country"], r["partner"], int(r["year"]), r["indicator"])] = float(r["value"])
    bad = 0
    for code, iso3, year in cases:
        own = votes[(code, year)]
        for seat in ("US", "RU", "CN", "GB", "FR"):
            if seat == code:
                continue
            theirs = votes[(seat, year)]
            common = [rc for rc in own if rc in theirs]
            alike = sum(1 for rc in common if own[rc] == theirs[rc])
            power = power_code(seat, year)
            if not common:  # no row expected
                if (iso3, power, year, "agreement") in mine:
                    bad += 1
                    print(f"{iso3} {power} {year}: no common vote, but mvec has a row")
                else:
                    print(f"{iso3} {power} {year}: no common vote, no row")
                continue
            expected = {"agreement": 100.0 * alike / len(common), "common_votes": float(len(common))}
            all_ok = True
            for indicator, x in expected.items():
                got = mine.get((iso3, power, year, indicator))
                ok = got is not None and abs(got - x) <= 1e-12 * max(abs(x), abs(got), 1e-300)
                if not ok:
                    all_ok = False
                    bad += 1
                    print(f"{iso3} {power} {year} {indicator}: mvec {got!r}, recomputed {x!r}")
            print(f"{iso3} {power} {year}: {alike}/{len(common)} = "
                  f"{expected['agreement']:.6f} % {'agrees' if all_ok else 'DIFFERS'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
