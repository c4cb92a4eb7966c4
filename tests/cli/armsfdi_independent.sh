# Shares and HHI of SIPRI arms imports (2016), UNCTAD inward FDI stock (2012, positive
# positions) and the National Bank's inward stock via wiiw (2021, shares of wiiw's total)
# recomputed from the raw files by Python's standard library, compared with mvec's CSV.
# mvec prints 8 decimals (profile) and 10 (shares): agreement is required to the printed
# digits (half a unit in the last place), not yet to 1e-12.
[ -d "$SHARED/sipri-tiv" ] && [ -d "$SHARED/unctad-bilateral-fdi" ] && [ -d "$SHARED/wiiw-fdi-kaz" ] || exit 77
sipri="$SHARED/sipri-tiv/sipri-exports-processed.csv"
unctad="$SHARED/unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv"
wiiw="$SHARED/wiiw-fdi-kaz/wiiw_partners.csv"
"$MVEC" profile --no-embedded --data "$sipri" --year 2016 --format csv -q > sipri.csv
"$MVEC" profile --no-embedded --data "$unctad" --year 2012 --format csv -q > unctad.csv
"$MVEC" profile --no-embedded --data "$wiiw" --year 2021 --format csv -q > wiiw.csv
python3 - "$sipri" "$unctad" "$wiiw" <<'PY'
import csv, sys
sipri, unctad, wiiw = sys.argv[1:4]

def independent(values, total):
    shares = sorted(((v / total, k) for k, v in values.items()), reverse=True)
    return shares, sum(s * s for s, _ in shares)

cases = []
v = {}
for r in csv.DictReader(open(sipri, encoding="utf-8")):
    if r["recipient"] == "Kazakhstan" and r["year"] == "2016":
        v[r["supplier"]] = v.get(r["supplier"], 0) + float(r["value"])
cases.append(("sipri.csv", "arms.imports", "SIPRI arms imports 2016", *independent(v, sum(v.values()))))
v = {}
for r in csv.DictReader(open(unctad, encoding="utf-8")):
    if r["reporter"] == "KAZ" and r["year"] == "2012" and r["FDI_instock"] and float(r["FDI_instock"]) > 0:
        v[r["partner"]] = float(r["FDI_instock"])
cases.append(("unctad.csv", "fdi.stock", "UNCTAD inward stock 2012", *independent(v, sum(v.values()))))
v = {}
total = None
for r in csv.DictReader(open(wiiw, encoding="utf-8")):
    if r["Direction"] == "FDI inward stock" and r["Unit"] == "EUR m" and r["_2021"] not in ("", "."):
        if r["Partner-Code"] == "WORLD":
            total = float(r["_2021"])
        elif not r["Partner-Code"].startswith("EU") and float(r["_2021"]) >= 0:
            v[r["Partner-Code"]] = float(r["_2021"])
cases.append(("wiiw.csv", "fdi.stock", "wiiw inward stock 2021", *independent(v, total)))
for path, vector, label, shares, hhi in cases:
    row = next(r for r in csv.DictReader(open(path, encoding="utf-8")) if r["vector"] == vector)
    top = float(row["top1_pct_lo"]) / 100
    ok_top = abs(top - shares[0][0]) <= 0.5e-10
    print(f"{label}: {len(shares)} partners, top {shares[0][1]} {shares[0][0] * 100:.4f} %, HHI {hhi:.6f}")
    print(f"  top share {'agrees' if ok_top else 'DIFFERS'}")
    if float(row["unlisted_pct_hi"]) == 0:
        ok = abs(float(row["hhi_lo"]) - hhi) <= 0.5e-8 and row["hhi_lo"] == row["hhi_hi"]
        print(f"  HHI {'agrees' if ok else 'DIFFERS'}")
    else:  # a remainder of the total no listed partner holds: HHI is a range containing the listed part
        ok = float(row["hhi_lo"]) - 0.5e-8 <= hhi + 1e-6 and hhi <= float(row["hhi_hi"]) + 0.5e-8
        print(f"  HHI of listed partners within mvec's range {row['hhi_lo']}-{row['hhi_hi']}: {'yes' if ok else 'NO'}")
PY
