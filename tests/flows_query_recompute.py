#!/usr/bin/env python3
"""Independent recomputation of `mvec flows query` (docs/methods.md, "Flow queries").

    python3 tests/flows_query_recompute.py DATA_DIR OUT_DIR BLOCS_CSV

Python standard library only, never libmvec: reads every BACI_*.csv of DATA_DIR (t,i,j,k,v,q;
v in thousands of USD with at most 3 decimals, read as an exact integer of dollars) and writes
OUT_DIR/q1.csv .. q3.csv in mvec's format: every ratio is the double nearest to the exact
fraction (Fraction -> float is correctly rounded); Q3's sum_top and sum_hhi are the sums of the
per-product ratios each truncated to a multiple of 2^-64, as docs/methods.md defines them.
The test compares the files byte for byte.
"""
import glob
import os
import sys
from fractions import Fraction

ONE = 1 << 64


def dollars(text, where):
    neg = text.startswith("-")
    whole, _, frac = (text[1:] if neg else text).partition(".")
    if not whole.isdigit() or len(frac) > 3 or (frac and not frac.isdigit()):
        sys.exit(f"{where}: bad value {text!r}")
    x = int(whole) * 1000 + int(frac.ljust(3, "0") or "0")
    return -x if neg else x


def thousands(x):
    sign = "-" if x < 0 else ""
    x = abs(x)
    return f"{sign}{x // 1000}.{x % 1000:03d}"


def g17(fr):
    return "%.17g" % float(fr)


def main():
    data_dir, out_dir, blocs_csv = sys.argv[1:4]
    names, bloc_of = [], {}
    with open(blocs_csv) as f:
        head = f.readline().strip().split(",")
        ci, bi = head.index("code"), head.index("bloc")
        for line in f:
            cells = line.strip().split(",")
            if len(cells) <= bi:
                continue
            bloc_of[int(cells[ci])] = cells[bi]
            if cells[bi] not in names and cells[bi] != "OTHER":
                names.append(cells[bi])
    names.append("OTHER")
    pair, cell = {}, {}
    for path in sorted(glob.glob(os.path.join(data_dir, "BACI_*.csv"))):
        with open(path) as f:
            f.readline()
            for n, line in enumerate(f, 2):
                t, i, j, k, v, _ = line.rstrip("\r\n").split(",")
                t, i, j, k, v = int(t), int(i), int(j), int(k), dollars(v, f"{path}:{n}")
                a = pair.setdefault((t, i, j), [0])
                a[0] += v
                c = cell.setdefault((t, j, k), [0, 0, 0])
                c[0] += v
                c[1] += v * v
                c[2] = max(c[2], v)
    os.makedirs(out_dir, exist_ok=True)
    side = {}
    for (t, i, j), (v,) in pair.items():
        for key in ((t, 0, i), (t, 1, j)):
            a = side.setdefault(key, [0, 0, 0])
            a[0] += 1
            a[1] += v
            a[2] += v * v
    with open(os.path.join(out_dir, "q1.csv"), "w") as f:
        f.write("t,side,c,n,total,hhi\n")
        for (t, s, c) in sorted(side):
            n, tot, sq = side[(t, s, c)]
            if tot > 0:
                f.write(f"{t},{'imp' if s else 'exp'},{c},{n},{thousands(tot)},"
                        f"{g17(Fraction(sq, tot * tot))}\n")
    trade = {}
    for (t, i, j), (v,) in pair.items():
        for c, p in ((i, j), (j, i)):
            a = trade.setdefault((t, c), [0] * len(names))
            a[names.index(bloc_of.get(p, "OTHER"))] += v
    with open(os.path.join(out_dir, "q2.csv"), "w") as f:
        f.write("t,c,total," + ",".join(x.lower() for x in names) + "\n")
        for key in sorted(trade):
            a = trade[key]
            tot = sum(a)
            if tot > 0:
                f.write(f"{key[0]},{key[1]},{thousands(tot)},"
                        + ",".join(g17(Fraction(x, tot)) for x in a) + "\n")
    imp = {}
    for (t, j, k), (s, q, m) in cell.items():
        if s <= 0:
            continue
        a = imp.setdefault((t, j), [0, 0, 0, 0])
        a[0] += 1
        a[1] += 2 * m > s and 5 * q > 2 * s * s
        a[2] += m * ONE // s
        a[3] += q * ONE // (s * s)
    with open(os.path.join(out_dir, "q3.csv"), "w") as f:
        f.write("t,j,n_products,n_dep,sum_top,sum_hhi\n")
        for (t, j) in sorted(imp):
            n, dep, top, hhi = imp[(t, j)]
            f.write(f"{t},{j},{n},{dep},{g17(Fraction(top, ONE))},{g17(Fraction(hhi, ONE))}\n")


if __name__ == "__main__":
    main()
