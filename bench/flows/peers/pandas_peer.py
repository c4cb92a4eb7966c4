#!/usr/bin/python3
"""pandas peer of the flows benchmark (bench/README.md, "Flows (issue 7, point 8)").
    /usr/bin/python3 bench/flows/peers/pandas_peer.py q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV
Reads DATA_DIR/BACI_*.csv (t,i,j,k,v,q), writes OUT_DIR/q1.csv .. q3.csv in the answer format of
bench/README.md. v is read as float64, as an analyst would: C parser, usecols and explicit dtypes,
multi-key groupby. Single-threaded (pandas has no parallel groupby).
"""
import glob
import os
import sys

import pandas as pd

TYPES = {"t": "int16", "i": "int16", "j": "int16", "k": "int32", "v": "float64"}


def rows(files, cols):
    parts = [pd.read_csv(f, usecols=cols, dtype={c: TYPES[c] for c in cols}, engine="c",
                         na_values=["NA", ""], keep_default_na=False) for f in files]
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def f17(x):
    return x.map(lambda y: "%.17g" % y)


def f3(x):
    return x.map(lambda y: "%.3f" % y)


def flows(d):
    f = d.groupby(["t", "i", "j"], sort=False)["v"].sum().reset_index()
    f["v2"] = f["v"] * f["v"]
    return f


def q1(d, _blocs):
    f = flows(d)
    parts = []
    for side, key in (("exp", "i"), ("imp", "j")):
        g = f.groupby(["t", key], sort=False).agg(n=("v", "size"), s=("v", "sum"),
                                                  s2=("v2", "sum")).reset_index()
        parts.append(pd.DataFrame({"t": g["t"], "side": side, "c": g[key], "n": g["n"],
                                   "s": g["s"], "s2": g["s2"]}))
    g = pd.concat(parts, ignore_index=True)
    g = g[g["s"] > 0].sort_values(["t", "side", "c"])
    return pd.DataFrame({"t": g["t"], "side": g["side"], "c": g["c"], "n": g["n"],
                         "total": f3(g["s"]), "hhi": f17(g["s2"] / (g["s"] * g["s"]))})


def q2(d, blocs_csv):
    b = pd.read_csv(blocs_csv, usecols=["code", "bloc"], dtype={"code": "int16", "bloc": str})
    f = flows(d)
    x = pd.concat([f.rename(columns={"i": "c", "j": "p"}), f.rename(columns={"j": "c", "i": "p"})],
                  ignore_index=True)
    x["bloc"] = x["p"].map(dict(zip(b["code"], b["bloc"]))).fillna("OTHER")
    w = x.pivot_table(index=["t", "c"], columns="bloc", values="v", aggfunc="sum", fill_value=0.0)
    w = w.reindex(columns=["EAEU_RU", "CHN", "WEST", "OTHER"], fill_value=0.0)
    s = x.groupby(["t", "c"])["v"].sum()
    w = w[s > 0]
    s = s[s > 0]
    r = pd.DataFrame({"total": f3(s)})
    for col, bloc in (("eaeu_ru", "EAEU_RU"), ("chn", "CHN"), ("west", "WEST"), ("other", "OTHER")):
        r[col] = f17(w[bloc] / s)
    return r.reset_index().sort_values(["t", "c"])


def q3(d, _blocs):
    d = d.assign(v2=d["v"] * d["v"])
    g = d.groupby(["t", "j", "k"], sort=False).agg(s=("v", "sum"), s2=("v2", "sum"), m=("v", "max"))
    g = g[g["s"] > 0]
    h = pd.DataFrame({"top": g["m"] / g["s"], "hhi": g["s2"] / (g["s"] * g["s"])})
    h["dep"] = ((h["top"] > 0.5) & (h["hhi"] > 0.4)).astype("int64")
    r = h.groupby(level=["t", "j"]).agg(n_products=("top", "size"), n_dep=("dep", "sum"),
                                          sum_top=("top", "sum"), sum_hhi=("hhi", "sum"))
    r = r.reset_index().sort_values(["t", "j"])
    r["sum_top"] = f17(r["sum_top"])
    r["sum_hhi"] = f17(r["sum_hhi"])
    return r


COLS = {"q1": ["t", "i", "j", "v"], "q2": ["t", "i", "j", "v"], "q3": ["t", "j", "k", "v"]}
QUERY = {"q1": q1, "q2": q2, "q3": q3}


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("q1", "q2", "q3", "all"):
        sys.exit("usage: pandas_peer.py q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV")
    q, data_dir, out_dir, blocs_csv = sys.argv[1:]
    files = sorted(glob.glob(os.path.join(data_dir, "BACI_*.csv")))
    if not files:
        sys.exit("no BACI_*.csv in " + data_dir)

    def write(df, name):
        df.to_csv(os.path.join(out_dir, name + ".csv"), index=False)

    if q == "all":
        d = rows(files, ["t", "i", "j", "k", "v"])
        for name in ("q1", "q2", "q3"):
            write(QUERY[name](d, blocs_csv), name)
    else:
        write(QUERY[q](rows(files, COLS[q]), blocs_csv), q)


if __name__ == "__main__":
    main()
