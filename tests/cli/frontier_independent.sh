# The frontier of a hand-made 60/30/10 distribution (tests/data/frontier_three.csv: RUS,
# CHN, DEU = USD 60, 30, 10 m, five years, the default limits) recomputed by brute force in
# Python's standard library, not libmvec: a grid over the feasible set (the total is fixed,
# so two free values; step USD 0.05 m, every range's ends added) with and without a cap on
# the group {DEU, CHN}. The lowest HHI on the grid must lie in mvec's interval
# [LP bound, achieved] or above it by no more than the grid's own error (1e-6), and the
# highest balance among the three powers likewise (its interval is about 1e-6 wide: GLPK's
# tolerance stops the cuts; docs/methods.md section 17).
"$MVEC" frontier ARM --no-embedded --data frontier_three.csv -q --format json > plain.json
"$MVEC" frontier ARM --no-embedded --data frontier_three.csv -q --format json \
    --cap 'west=DEU,CHN:5e6' > capped.json
"$MVEC" frontier ARM --no-embedded --data frontier_three.csv -q --format json \
    --objective balance > balance.json
python3 - <<'PY'
import json

x0 = {"RUS": 60.0, "CHN": 30.0, "DEU": 10.0}
fall, rise = 0.9 ** 5, 1.15 ** 5
lo = {p: v * fall for p, v in x0.items()}
hi = {p: v * rise for p, v in x0.items()}

def axis(p, step=0.05):
    n = int((hi[p] - lo[p]) / step)
    return [lo[p] + i * step for i in range(n + 1)] + [hi[p], x0[p]]

def feasible(cap):
    extra = [] if cap is None else [100.0 - 40.0 - cap]  # RUS where the cap binds
    for r in axis("RUS") + extra:
        for d in axis("DEU"):
            c = 100.0 - r - d
            if not (lo["CHN"] - 1e-12 <= c <= hi["CHN"] + 1e-12):
                continue
            if cap is not None and (c - 30.0) + (d - 10.0) > cap + 1e-12:
                continue
            yield r, c, d

def hhi(r, c, d):
    return (r * r + c * c + d * d) / 1e4

def balance(r, c, d):
    h = hhi(r, c, d) * 1e4 / (r + c + d) ** 2
    return 1 - (h - 1 / 3) / (2 / 3)

failures = 0
for name, cap in (("plain", None), ("capped", 5.0)):
    got = json.load(open(name + ".json"))
    best = min(hhi(*x) for x in feasible(cap))
    lo_, hi_ = got["hhi_optimum"]["lo"], got["hhi_optimum"]["hi"]
    ok = lo_ <= best + 1e-12 and abs(hi_ - best) <= 1e-6 and lo_ <= hi_
    print(f"{name}: grid minimum HHI {best:.8f}; mvec [{lo_:.8f}, {hi_:.8f}]: "
          f"{'ok' if ok else 'MISMATCH'}")
    failures += not ok
got = json.load(open("balance.json"))
best = max(balance(*x) for x in feasible(None))
lo_, hi_ = got["balance_optimum"]["lo"], got["balance_optimum"]["hi"]
ok = hi_ >= best - 1e-12 and lo_ >= best - 2e-6
print(f"balance: grid maximum {best:.8f}; mvec [{lo_:.8f}, {hi_:.8f}]: "
      f"{'ok' if ok else 'MISMATCH'}")
failures += not ok
raise SystemExit(failures)
PY
