#!/usr/bin/env python3
"""recompute_social.py MVEC KIND FILE COUNTRY YEAR [COUNTRY YEAR ...]

An independent route (Python standard library only, not libmvec) to the
co-membership (KIND cow-igo) and alliance (KIND atop) distributions of
docs/methods.md, from the raw file as published:

  cow-igo  the state-year file: for the focal state and year, the number of
           IGO columns in which both it and each other state hold code 1;
           COW numbers mapped through data/codes/cow.csv for that year.
  atop     the dyad-year file: one tie per distinct ally; each side's iso3
           replaced by data/codes/cow.csv's country for that year where the
           table maps the COW number (left out where it maps it to nothing).

Shares (count / sum of counts), bloc shares under data/blocs/powers.csv and
the HHI, computed exactly (fractions), are compared with mvec's full-precision
JSON (`mvec profile COUNTRY --year YEAR --data FILE --no-embedded --format json
--exact`, docs/formats.md): both ends of every figure must agree to 1e-12
relative (1e-15 absolute near zero). Prints one line per check, "agrees" or
"DIFFERS" with both figures, and the count of numbers compared; exits 1 on any
difference.
"""
import csv
import json
import os
import subprocess
import sys
from collections import defaultdict
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def cow_table():
    table = defaultdict(list)
    with open(os.path.join(ROOT, "data/codes/cow.csv"), newline="") as f:
        for row in csv.DictReader(f):
            first = int(row["first_year"]) if row["first_year"] else -10**9
            last = int(row["last_year"]) if row["last_year"] else 10**9
            table[row["code"]].append((first, last, row["iso3"]))
    return table


def cow_lookup(table, code, year):
    """(known, iso3 or '') for the COW number in that year."""
    for first, last, iso3 in table.get(code, []):
        if first <= year <= last:
            return True, iso3
    return False, ""


def blocs():
    scheme = {}
    with open(os.path.join(ROOT, "data/blocs/powers.csv"), newline="") as f:
        for row in csv.DictReader(f):
            scheme[row["code"]] = row["bloc"]
    return scheme


def member_lists():
    """Members by year of the organisations whose lists are complete
    (data/organisations.csv): [(organisation, member, joined, left or None)]."""
    with open(os.path.join(ROOT, "data/organisations.csv"), newline="") as f:
        complete = {r["code"] for r in csv.DictReader(f) if r["members_complete"] == "yes"}
    spans = []
    with open(os.path.join(ROOT, "data/memberships.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["organisation"] in complete and r["status"] in ("member", "founder"):
                left = int(r["left"][:4]) if r["left"] else None
                spans.append((r["organisation"], r["member"], int(r["joined"][:4]), left))
    return spans


def bloc_of(scheme, spans, code, year):
    """The scheme's row for the code, else the row of an organisation it is a
    member of that year (EU, EAEU), else the default row."""
    if code in scheme:
        return scheme[code]
    for organisation, member, joined, left in spans:
        if member == code and organisation in scheme and joined <= year and (
                left is None or left > year):
            return scheme[organisation]
    return scheme["*"]


def cow_igo_counts(path, country, year):
    table = cow_table()
    members = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        igo_columns = [i for i, name in enumerate(header) if name not in ("ccode", "year", "state")]
        for row in reader:
            if int(row[1]) != year:
                continue
            known, iso3 = cow_lookup(table, row[0].strip(), year)
            if iso3:
                members[iso3] = {i for i in igo_columns if row[i].strip() == "1"}
    counts = {}
    for partner, igos in members.items():
        if partner != country and country in members:
            shared = len(members[country] & igos)
            if shared:
                counts[partner] = shared
    return counts


def atop_counts(path, country, year):
    table = cow_table()
    allies = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year"]) != year:
                continue
            sides = []
            for s in "ab":
                known, iso3 = cow_lookup(table, row["cow_" + s], year)
                sides.append(iso3 if known else row["iso3_" + s])
            a, b = sides
            if not a or not b or a == b:
                continue
            if a == country:
                allies.add(b)
            elif b == country:
                allies.add(a)
    return {ally: 1 for ally in allies}


TOLERANCE = 1e-12


def mvec_json(mvec, args):
    out = subprocess.run([mvec] + args + ["--format", "json", "--exact", "--no-embedded", "-q"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def agrees(exact, interval):
    """Both ends of mvec's {lo, hi} agree with the exact figure (a Fraction)."""
    x = float(exact)
    return interval is not None and all(
        abs(interval[end] - x) <= max(TOLERANCE * max(abs(interval[end]), abs(x)), 1e-15)
        for end in ("lo", "hi"))


def main():
    mvec, kind, path = sys.argv[1:4]
    pairs = sys.argv[4:]
    vector = {"cow-igo": "institutions.igo", "atop": "security.alliance"}[kind]
    scheme = blocs()
    spans = member_lists()
    failures = 0
    compared = 0
    for i in range(0, len(pairs), 2):
        country, year = pairs[i], int(pairs[i + 1])
        counts = (cow_igo_counts if kind == "cow-igo" else atop_counts)(path, country, year)
        total = sum(counts.values())
        shares = {p: Fraction(c, total) for p, c in counts.items()}
        profile = mvec_json(mvec, ["profile", country, "--year", str(year), "--data", path])
        mine = [v for v in profile["vectors"] if v["vector"] == vector][0]
        printed = {p["partner"]: p["share"] for p in mine["partners"]}
        ok = mine["year"] == year and set(printed) == set(shares) and all(
            agrees(shares[p], printed[p]) for p in shares)
        compared += 2 * len(shares)
        label = f"{kind} {country} {year}: {len(shares)} partner shares (sum of counts {total})"
        print(label, "agree" if ok else "DIFFER")
        failures += not ok
        bloc_share = defaultdict(Fraction)
        for p, s in shares.items():
            bloc_share[bloc_of(scheme, spans, p, year)] += s
        hhi = sum(s * s for s in shares.values())
        for bloc in sorted(set(scheme.values())):
            exact = bloc_share.get(bloc, Fraction(0))
            theirs = mine["bloc_shares"].get(bloc)
            if theirs is None and exact == 0:
                theirs = {"lo": 0.0, "hi": 0.0}  # a bloc no partner falls in
            ok = agrees(exact, theirs)
            compared += 2
            print(f"  {bloc} {100 * float(exact):.8f} %", "agrees" if ok else f"DIFFERS: mvec {theirs}")
            failures += not ok
        theirs = mine["indices"].get("hhi")
        ok = agrees(hhi, theirs)
        compared += 2
        print(f"  HHI {float(hhi):.8f}", "agrees" if ok else f"DIFFERS: mvec {theirs}")
        failures += not ok
    print(f"{kind}: {compared} numbers compared to 1e-12 relative")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
