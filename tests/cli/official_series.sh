# The built-in official series (data/kaz/official_*.csv) are exactly what tools/official/*.sh
# produce from ../shared/data with this mvec; and every value in them is the raw file's number
# (same double), checked by Python's standard library against the raw files.
root="$FIXTURES/../.."
[ -d "$SHARED/sipri-tiv" ] && [ -d "$SHARED/unctad-bilateral-fdi" ] && [ -d "$SHARED/wiiw-fdi-kaz" ] &&
    [ -d "$SHARED/aiddata-gcdf3-china-finance" ] || exit 77
for name in sipri_arms unctad_fdi wiiw_fdi aiddata_finance; do
    sh "$root/tools/official/$name.sh" "$MVEC" "$SHARED" > "$name.csv"
    if cmp -s "$name.csv" "$root/data/kaz/official_$name.csv"; then
        echo "$name: identical ($(($(wc -l < "$name.csv") - 1)) rows)"
    else
        echo "$name: DIFFERS from data/kaz/official_$name.csv"
    fi
done
python3 - "$SHARED" "$root/data/kaz" <<'PY'
import csv, sys
shared, kaz = sys.argv[1:3]
def rows(name):
    return [r for r in csv.DictReader(open(f"{kaz}/official_{name}.csv", encoding="utf-8"))
            if r["partner"] != "WLD"]
# SIPRI: (supplier or recipient, year) -> value, Kazakhstan's side
raw = {}
for r in csv.DictReader(open(f"{shared}/sipri-tiv/sipri-exports-processed.csv", encoding="utf-8")):
    if r["recipient"] == "Kazakhstan":
        raw[("arms.imports", r["supplier"], r["year"])] = float(r["value"])
    if r["supplier"] == "Kazakhstan":
        raw[("arms.exports", r["recipient"], r["year"])] = float(r["value"])
names = {r["iso3"]: r["code"] for r in csv.DictReader(open(f"{kaz}/../codes/sipri.csv", encoding="utf-8")) if r["iso3"]}
bad = [r for r in rows("sipri_arms") if r["indicator"] == "value" and
       raw.get((r["vector"], names[r["partner"]], r["year"])) != float(r["value"])]
print(f"sipri_arms: {len(rows('sipri_arms'))} partner rows, {len(bad)} differ from the raw file")
# UNCTAD: reporter rows of KAZ
col = {"fdi.inflow": "FDI_inflows", "fdi.outflow": "FDI_outflows", "fdi.stock": "FDI_instock",
       "fdi.outward_stock": "FDI_outstock"}
mirror = {"fdi.inflow": "FDI_outflows", "fdi.outflow": "FDI_inflows", "fdi.stock": "FDI_outstock",
          "fdi.outward_stock": "FDI_instock"}
raw = {}
for r in csv.DictReader(open(f"{shared}/unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv", encoding="utf-8")):
    raw[(r["reporter"], r["partner"], r["year"])] = r
bad = 0
for r in rows("unctad_fdi"):
    if r["basis"] == "reporter":
        v = raw[("KAZ", r["partner"], r["year"])][col[r["vector"]]]
    else:
        v = raw[("HGK" if r["partner"] == "HKG" and ("HGK", "KAZ", r["year"]) in raw else r["partner"], "KAZ", r["year"])][mirror[r["vector"]]]
    bad += float(v) != float(r["value"])
print(f"unctad_fdi: {len(rows('unctad_fdi'))} partner rows, {bad} differ from the raw file")
raw = {}
for r in csv.DictReader(open(f"{shared}/wiiw-fdi-kaz/wiiw_partners.csv", encoding="utf-8")):
    if r["Unit"] == "EUR m":
        raw[(r["Direction"], r["Partner-Code"])] = r
iso2 = {r["iso3"]: r["code"] for r in csv.DictReader(open(f"{kaz}/../codes/wiiw.csv", encoding="utf-8")) if r["iso3"]}
direction = {"fdi.inflow": "FDI inflow", "fdi.stock": "FDI inward stock"}
bad = sum(float(raw[(direction[r["vector"]], iso2[r["partner"]])]["_" + r["year"]]) != float(r["value"])
          for r in rows("wiiw_fdi"))
print(f"wiiw_fdi: {len(rows('wiiw_fdi'))} partner rows, {bad} differ from the raw file")
raw = {}
for r in csv.DictReader(open(f"{shared}/aiddata-gcdf3-china-finance/cow_gcdf.csv", encoding="utf-8")):
    if r["ccode"] == "705":
        raw[r["year"]] = r
field = {("commitment", "OOF-like"): "oof_amt", ("commitment_adjusted", "OOF-like"): "oof_adj",
         ("commitment", "ODA-like"): "oda_amt", ("commitment_adjusted", "ODA-like"): "oda_adj",
         ("commitment", "vague"): "vof_amt", ("commitment_adjusted", "vague"): "vof_adj"}
rs = rows("aiddata_finance")
bad = sum(float(raw[r["year"]][field[(r["indicator"], r["item"])]]) != float(r["value"]) for r in rs)
print(f"aiddata_finance: {len(rs)} rows ({len(raw)} years), {bad} differ from the raw file")
PY
