#!/usr/bin/env python3
"""Exact reference answers of the flows benchmark (Python 3 standard library only).

    python3 bench/flows/reference.py DATA_DIR OUT_DIR BLOCS_CSV

Reads DATA_DIR/BACI_*.csv (t,i,j,k,v,q) and writes OUT_DIR/q1.csv .. q3.csv in the answer format
of bench/README.md ("Flows (issue 7, point 8)"), plus OUT_DIR/exact/q1.csv .. q3.csv with the
same rows where every ratio is exact: hhi and the bloc shares as the fraction num/den, sum_top
and sum_hhi as fixed-point decimals with 40 decimals (each term truncated, so below the true
sum by less than n_products * 1e-40). bench/flows/compare.py judges other answers against these.

Arithmetic: v is read as an integer number of thousandths (more than 3 decimals is an error),
every sum is an exact integer, every ratio an exact fraction written once as the nearest
double (%.17g), and the Q3 tests are decided exactly: top > 0.5 is 2*max > S and HHI > 0.4 is
10*sum(v^2) > 4*S^2. Slow (a few seconds per million rows, about 1 GB per 10 million): meant
for the small data sets.
"""
import glob
import os
import sys
from fractions import Fraction

BLOCS = ["EAEU_RU", "CHN", "WEST", "OTHER"]
SCALE = 10 ** 40


def milli(text, where):
    """'123.45' -> 123450; '-0.5' -> -500; exact, at most 3 decimals."""
    neg = text.startswith("-")
    body = text[1:] if neg else text
    whole, dot, frac = body.partition(".")
    if not whole.isdigit() or (dot and not (frac.isdigit() and len(frac) <= 3)):
        sys.exit(f"{where}: v={text!r} is not a number with at most 3 decimals")
    x = int(whole) * 1000 + (int(frac.ljust(3, "0")) if frac else 0)
    return -x if neg else x


def fmt3(m):
    """thousandths -> decimal with exactly 3 decimals"""
    sign = "-" if m < 0 else ""
    m = abs(m)
    return f"{sign}{m // 1000}.{m % 1000:03d}"


def f17(fr):
    return "%.17g" % float(fr)


def fixed(x):
    """integer x / 10^40 -> decimal string with 40 decimals"""
    sign = "-" if x < 0 else ""
    x = abs(x)
    return f"{sign}{x // SCALE}.{x % SCALE:040d}"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    data_dir, out_dir, blocs_csv = sys.argv[1:]
    files = sorted(glob.glob(os.path.join(data_dir, "BACI_*.csv")))
    if not files:
        sys.exit("no BACI_*.csv in " + data_dir)
    bloc_of = {}
    with open(blocs_csv) as f:
        header = f.readline().rstrip("\n").split(",")
        ci, bi = header.index("code"), header.index("bloc")
        for line in f:
            cells = line.rstrip("\n").split(",")
            bloc_of[int(cells[ci])] = cells[bi]

    pair = {}    # (t, i, j) -> sum v
    prod = {}    # (t, j, k) -> [S, sum v^2, max v]
    for path in files:
        with open(path) as f:
            if f.readline().rstrip("\r\n") != "t,i,j,k,v,q":
                sys.exit(f"{path}:1: header is not t,i,j,k,v,q")
            for n, line in enumerate(f, 2):
                cells = line.rstrip("\r\n").split(",")
                if len(cells) != 6:
                    sys.exit(f"{path}:{n}: {len(cells)} fields, expected 6")
                t, i, j, k = int(cells[0]), int(cells[1]), int(cells[2]), int(cells[3])
                v = milli(cells[4], f"{path}:{n}")
                key = (t, i, j)
                pair[key] = pair.get(key, 0) + v
                key = (t, j, k)
                a = prod.get(key)
                if a is None:
                    prod[key] = [v, v * v, v]
                else:
                    a[0] += v
                    a[1] += v * v
                    if v > a[2]:
                        a[2] = v

    os.makedirs(os.path.join(out_dir, "exact"), exist_ok=True)

    def write(name, header, rows, exact_rows):
        for sub, rs in (("", rows), ("exact", exact_rows)):
            with open(os.path.join(out_dir, sub, name + ".csv"), "w") as f:
                f.write(",".join(header) + "\n")
                for r in rs:
                    f.write(",".join(str(x) for x in r) + "\n")

    # Q1: partner HHI of every (t, exporter) and (t, importer) over the pair flows.
    side = {}
    for (t, i, j), v in pair.items():
        for key in ((t, "exp", i), (t, "imp", j)):
            a = side.get(key)
            if a is None:
                side[key] = [1, v, v * v]
            else:
                a[0] += 1
                a[1] += v
                a[2] += v * v
    rows, exact = [], []
    for key in sorted(side):
        n, s, s2 = side[key]
        if s <= 0:
            continue
        rows.append(key + (n, fmt3(s), f17(Fraction(s2, s * s))))
        exact.append(key + (n, fmt3(s), f"{s2}/{s * s}"))
    write("q1", ["t", "side", "c", "n", "total", "hhi"], rows, exact)

    # Q2: share of each country's total trade (exports + imports) with each bloc.
    tot = {}
    for (t, i, j), v in pair.items():
        for c, p in ((i, j), (j, i)):
            a = tot.setdefault((t, c), [0, 0, 0, 0])
            a[BLOCS.index(bloc_of.get(p, "OTHER"))] += v
    rows, exact = [], []
    for key in sorted(tot):
        a = tot[key]
        s = sum(a)
        if s <= 0:
            continue
        rows.append(key + (fmt3(s),) + tuple(f17(Fraction(x, s)) for x in a))
        exact.append(key + (fmt3(s),) + tuple(f"{x}/{s}" for x in a))
    write("q2", ["t", "c", "total", "eaeu_ru", "chn", "west", "other"], rows, exact)

    # Q3: per (t, importer, product) with S > 0: top share, supplier HHI, dependence.
    imp = {}
    for (t, j, k), (s, s2, m) in prod.items():
        if s <= 0:
            continue
        a = imp.setdefault((t, j), [0, 0, 0, 0])
        a[0] += 1
        a[1] += 2 * m > s and 10 * s2 > 4 * s * s
        a[2] += m * SCALE // s
        a[3] += s2 * SCALE // (s * s)
    rows, exact = [], []
    for key in sorted(imp):
        n, dep, top, hhi = imp[key]
        rows.append(key + (n, dep, f17(Fraction(top, SCALE)), f17(Fraction(hhi, SCALE))))
        exact.append(key + (n, dep, fixed(top), fixed(hhi)))
    write("q3", ["t", "j", "n_products", "n_dep", "sum_top", "sum_hhi"], rows, exact)


if __name__ == "__main__":
    main()
