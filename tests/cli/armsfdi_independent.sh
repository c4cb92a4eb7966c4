# Shares and indices of SIPRI arms imports (2016), UNCTAD inward FDI stock (2012, positive
# positions; zeros listed with share 0) and the National Bank's inward stock via wiiw (2021, shares of wiiw's total)
# recomputed from the raw files by Python's standard library (names and codes mapped through
# the tables in data/codes/, as documented), compared with mvec's full-precision JSON
# (`profile --format json --exact`): every partner share (both ends), the unlisted remainder,
# HHI and, for the complete distributions, every concentration index must agree to 1e-12
# relative (1e-15 absolute near zero); with a remainder R (wiiw) HHI's bounds are the listed
# partners' sum of squares plus R^2/m (R spread evenly over the m = 249 - listed - 1 current
# ISO 3166-1 countries neither listed nor the focal one) and plus R^2 (one holder), docs/methods.md
# section 2.
[ -d "$SHARED/sipri-tiv" ] && [ -d "$SHARED/unctad-bilateral-fdi" ] && [ -d "$SHARED/wiiw-fdi-kaz" ] || exit 77
sipri="$SHARED/sipri-tiv/sipri-exports-processed.csv"
unctad="$SHARED/unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv"
wiiw="$SHARED/wiiw-fdi-kaz/wiiw_partners.csv"
"$MVEC" profile --no-embedded --data "$sipri" --year 2016 --format json --exact -q > sipri.json
"$MVEC" profile --no-embedded --data "$unctad" --year 2012 --format json --exact -q > unctad.json
"$MVEC" profile --no-embedded --data "$wiiw" --year 2021 --format json --exact -q > wiiw.json
python3 - "$FIXTURES/../../data/codes" "$sipri" "$unctad" "$wiiw" <<'PY'
import csv, json, math, sys
codes, sipri, unctad, wiiw = sys.argv[1:5]
TOLERANCE = 1e-12
ISO_3166_1 = 249  # officially assigned ISO 3166-1 country codes (current countries)

def table(name, year):
    """code -> iso3 ('' = mapped to nothing on purpose) for the year, from data/codes/NAME.csv"""
    out = {}
    for r in csv.DictReader(open(f"{codes}/{name}.csv", encoding="utf-8")):
        if (not r["first_year"] or int(r["first_year"]) <= year) and \
                (not r["last_year"] or year <= int(r["last_year"])):
            out[r["code"]] = r["iso3"]
    return out

def independent(values, total):
    shares = {k: v / total for k, v in values.items()}
    return shares, 1 - sum(values.values()) / total

cases = []
names = table("sipri", 2016)
v, total = {}, 0.0
for r in csv.DictReader(open(sipri, encoding="utf-8")):
    if r["recipient"] == "Kazakhstan" and r["year"] == "2016":
        total += float(r["value"])
        iso = names[r["supplier"]]
        if iso:
            v[iso] = v.get(iso, 0) + float(r["value"])
cases.append(("sipri.json", "arms.imports", "SIPRI arms imports 2016", *independent(v, total)))
exceptions = table("unctad", 2012)
v = {}
for r in csv.DictReader(open(unctad, encoding="utf-8")):
    if r["reporter"] == "KAZ" and r["year"] == "2012" and r["FDI_instock"] and float(r["FDI_instock"]) >= 0:
        v[exceptions.get(r["partner"], r["partner"])] = float(r["FDI_instock"])
cases.append(("unctad.json", "fdi.stock", "UNCTAD inward stock 2012", *independent(v, sum(v.values()))))
alpha2 = table("wiiw", 2021)
v = {}
total = None
for r in csv.DictReader(open(wiiw, encoding="utf-8")):
    if r["Direction"] == "FDI inward stock" and r["Unit"] == "EUR m" and r["_2021"] not in ("", "."):
        if r["Partner-Code"] == "WORLD":
            total = float(r["_2021"])
        elif alpha2[r["Partner-Code"]] and float(r["_2021"]) >= 0:
            v[alpha2[r["Partner-Code"]]] = float(r["_2021"])
cases.append(("wiiw.json", "fdi.stock", "wiiw inward stock 2021", *independent(v, total)))
failures = 0
for path, vector, label, shares, rest in cases:
    mine = next(x for x in json.load(open(path, encoding="utf-8"))["vectors"] if x["vector"] == vector)
    problems, compared = [], 0

    def check(name, expected, interval):
        global compared
        if interval is None:
            problems.append(f"{name}: mvec gives none, recomputed {expected!r}")
            return
        for end in ("lo", "hi"):
            x = interval[end] if isinstance(interval, dict) else interval
            e = expected[end] if isinstance(expected, dict) else expected
            compared += 1
            if abs(x - e) > max(TOLERANCE * max(abs(x), abs(e)), 1e-15):
                problems.append(f"{name} {end}: mvec {x!r}, recomputed {e!r}")

    theirs = {p["partner"]: p["share"] for p in mine["partners"]}
    if set(theirs) != set(shares):
        problems.append(f"partners: only mvec {sorted(set(theirs) - set(shares))}, "
                        f"only recomputed {sorted(set(shares) - set(theirs))}")
    for p, s in shares.items():
        check("share " + p, s, theirs.get(p))
    check("unlisted", rest, mine["unlisted"])
    s = sorted((x for x in shares.values() if x > 0), reverse=True)
    hhi = sum(x * x for x in s)
    idx = mine["indices"]
    if rest == 0:
        n, h = len(s), -sum(x * math.log(x) for x in s)
        for key, x in (("hhi", hhi), ("hhi_normalised", (hhi - 1 / n) / (1 - 1 / n)),
                       ("equivalent_partners", 1 / hhi), ("cr1", s[0]), ("cr3", sum(s[:3])),
                       ("entropy", h), ("evenness", h / math.log(n)), ("theil", math.log(n) - h),
                       ("partners", float(n))):
            check(key, x, idx.get(key))
    else:
        m = ISO_3166_1 - len(shares) - 1  # every listed code is a current country here
        check("hhi", {"lo": hhi + rest * rest / m, "hi": hhi + rest * rest}, idx.get("hhi"))
    top = max(shares, key=shares.get)
    print(f"{label}: {len(shares)} partners, top {top} {shares[top] * 100:.4f} %, HHI {hhi:.6f}, "
          f"unlisted {rest * 100:.4f} %: " +
          (f"{compared} numbers agree to 1e-12" if not problems else "DIFFERS"))
    for p in problems[:20]:
        print("  " + p)
    failures += bool(problems)
sys.exit(1 if failures else 0)
PY
