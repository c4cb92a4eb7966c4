#!/usr/bin/env python3
"""Compare answers of the flows benchmark (format: bench/README.md, "Flows (issue 7, point 8)").

    python3 bench/flows/compare.py [--rtol 1e-12] [--quiet] BASE OTHER...

BASE and each OTHER are answer folders holding q1.csv .. q3.csv (the queries present in OTHER
are checked). When BASE/exact/ exists (written by reference.py) every ratio of OTHER is judged
against the exact value there, in rational arithmetic; otherwise against BASE's own numbers.

  - the header, the key columns and the row order must be identical;
  - counts (n, n_products, n_dep) must be equal;
  - totals (thousand USD with 3 decimals) must be equal as decimal numbers;
  - ratios (hhi, the four bloc shares, sum_top, sum_hhi) must satisfy |x - e| <= rtol * |e|
    (rtol 1e-12 by default), computed exactly on the decimal text of x and e.
It also counts the ratios that are the double nearest to the exact value ("correctly
rounded"): a peer summing in floating point gets most of them; an exact tool gets all.
One line per (query, folder); exit status 1 if anything differs.
"""
import os
import sys
from fractions import Fraction

KEYS = {"q1": 3, "q2": 2, "q3": 2}
COUNTS = {"n", "n_products", "n_dep"}
TOTALS = {"total"}


def label(folder):
    """the last two parts of a folder's path: build/bench/flows/out/1m/duckdb/all -> duckdb/all"""
    parts = os.path.normpath(folder).split(os.sep)
    return "/".join(parts[-2:])


def load(path):
    with open(path) as f:
        lines = [ln.rstrip("\r\n") for ln in f]
    return lines[0].split(","), [ln.split(",") for ln in lines[1:] if ln]


def num(text):
    if "/" in text:
        a, b = text.split("/")
        return Fraction(int(a), int(b))
    return Fraction(text)


def nearest_double(fr):
    return float(fr)   # Fraction -> float is correctly rounded


def compare(q, base_dir, exact, other_dir, rtol, quiet):
    bpath = os.path.join(base_dir, "exact" if exact else "", q + ".csv")
    head_a, rows_a = load(bpath)
    head_b, rows_b = load(os.path.join(other_dir, q + ".csv"))
    name = f"{q} {label(other_dir)}"
    if head_a != head_b:
        return f"BAD {name}: header {','.join(head_b)} != {','.join(head_a)}", 1
    nk = KEYS[q]
    keys_a = [r[:nk] for r in rows_a]
    keys_b = [r[:nk] for r in rows_b]
    if keys_a != keys_b:
        sa, sb = {tuple(k) for k in keys_a}, {tuple(k) for k in keys_b}
        why = "order differs" if sa == sb else (
            f"only in base {sorted(sa - sb)[:3]}, only in {other_dir} {sorted(sb - sa)[:3]}")
        return f"BAD {name}: keys differ ({len(rows_a)} vs {len(rows_b)} rows; {why})", 1
    bad, worst, ratios, rounded, shown = 0, Fraction(0), 0, 0, []
    for ra, rb in zip(rows_a, rows_b):
        for col, xa, xb in zip(head_a[nk:], ra[nk:], rb[nk:]):
            if col in COUNTS or col in TOTALS:
                try:
                    ok = int(xa) == int(xb) if col in COUNTS else Fraction(xa) == Fraction(xb)
                except ValueError:
                    ok = False
            else:
                ratios += 1
                try:
                    e, x = num(xa), Fraction(xb)
                except (ValueError, ZeroDivisionError):   # nan, inf, garbage
                    bad += 1
                    if len(shown) < 5:
                        shown.append(f"  {','.join(ra[:nk])} {col}: {xb} is not a number like {xa}")
                    continue
                rounded += float(xb) == nearest_double(e)
                err = abs(x - e)
                if e != 0:
                    worst = max(worst, err / abs(e))
                ok = err <= Fraction(rtol) * abs(e)
            if not ok:
                bad += 1
                if len(shown) < 5:
                    shown.append(f"  {','.join(ra[:nk])} {col}: {xb} != {xa}")
    status = "OK " if bad == 0 else "BAD"
    same = "ratios correctly rounded" if exact else "ratios identical to the base's"
    line = (f"{status} {name}: {len(rows_a)} rows, {bad} differences, max rel. error of ratios "
            f"{float(worst):.1e}, {rounded}/{ratios} {same}")
    if shown and not quiet:
        line += "\n" + "\n".join(shown)
    return line, bad > 0


def main():
    args = sys.argv[1:]
    rtol, quiet = "1e-12", False
    while args and args[0].startswith("--"):
        if args[0] == "--rtol":
            rtol, args = args[1], args[2:]
        elif args[0] == "--quiet":
            quiet, args = True, args[1:]
        else:
            sys.exit(__doc__)
    if len(args) < 2:
        sys.exit(__doc__)
    base = args[0]
    exact = os.path.isdir(os.path.join(base, "exact"))
    failed = 0
    for other in args[1:]:
        for q in ("q1", "q2", "q3"):
            if not os.path.exists(os.path.join(other, q + ".csv")):
                continue
            if not os.path.exists(os.path.join(base, q + ".csv")):
                print(f"SKIP {q} {other}: no {q}.csv in {base}")
                continue
            line, bad = compare(q, base, exact, other, rtol, quiet)
            print(line)
            failed |= bad
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
