#!/bin/sh
# tools/official/exports_by_chapter.sh - regenerate data/kaz/exports_by_chapter.csv: Kazakhstan's
# 2021 exports by partner and HS 2-digit chapter (HS 2002), thousand USD, from the shared dataset
# baci-kaz-exports-2021 (CEPII BACI V202301 as copied from ksreyes/adb-kaz-gvc; see its SOURCE.md).
#
# usage: tools/official/exports_by_chapter.sh [DATA_DIR] > data/kaz/exports_by_chapter.csv
#   DATA_DIR  the shared datasets (default $MVEC_DATA_DIR, else ../shared/data)
#
# What the shared copy holds, and so what the table can hold:
# - kaz_partners_2021.csv: every HS6 line to five partners only (Russia 643, Germany 276, China
#   156, UK 826, Greece 300): one row per (partner, chapter) with exports;
# - kaz_exports_2021.csv: every HS6 line to the world: the rows of partner WLD.
# No other partner is split by product in the copy (kaz_products_partners_2021.csv has totals
# only; kaz_exports_oil_2021.csv has HS 270900 only, a part of chapter 27), so none is invented.
#
# Numbers: BACI publishes v in thousand USD with 3 decimals. kaz_exports_2021.csv went through a
# float write in the replication scripts (54.80500000000001); each value is brought back to its 3
# published decimals (the script stops if any value is more than 1e-6 from them), then the
# chapter's values are added in exact decimal arithmetic and written with 3 decimals, unrounded.
# Chapter = the first two digits of the HS6 code padded to six digits (the copy lost the leading
# zero of chapters 01-09). Partner: BACI numeric code -> the project's pseudo code
# (data/countries/pseudo_codes.csv) if it is one, else ISO3 from ../shared/data/country-codes.
# Python 3 standard library only; run from anywhere; the output depends on the inputs only.
set -eu
dir=${1:-${MVEC_DATA_DIR:-../shared/data}}
root=$(cd "$(dirname "$0")/../.." && pwd)
for f in "$dir/baci-kaz-exports-2021/kaz_partners_2021.csv" \
    "$dir/baci-kaz-exports-2021/kaz_exports_2021.csv" "$dir/country-codes/country-codes.csv" \
    "$root/data/countries/pseudo_codes.csv"; do
    [ -r "$f" ] || { echo "exports_by_chapter.sh: cannot read $f" >&2; exit 1; }
done
exec python3 - "$dir" "$root" <<'PY'
import csv, sys
from decimal import Decimal

shared, root = sys.argv[1:3]
baci = shared + "/baci-kaz-exports-2021"
codes = {}
for r in csv.DictReader(open(shared + "/country-codes/country-codes.csv", encoding="utf-8")):
    if r["ISO3166-1-numeric"] and r["ISO3166-1-Alpha-3"]:
        codes[int(r["ISO3166-1-numeric"])] = r["ISO3166-1-Alpha-3"]
for r in csv.DictReader(open(root + "/data/countries/pseudo_codes.csv", encoding="utf-8")):
    if r["numeric"]:
        codes[int(r["numeric"])] = r["code"]

THOUSANDTH = Decimal("0.001")

def value(text, where):
    v = Decimal(text)
    q = v.quantize(THOUSANDTH)
    if abs(v - q) > Decimal("0.000001"):
        sys.exit(f"exports_by_chapter.sh: {where}: {text} is not a value with 3 decimals")
    return q

sums = {}   # (partner, chapter) -> [Decimal, lines]
def add(partner, k, v, where):
    chapter = k.strip().zfill(6)[:2]
    cell = sums.setdefault((partner, chapter), [Decimal(0), 0])
    cell[0] += value(v, where)
    cell[1] += 1

files = {}
for n, r in enumerate(csv.DictReader(open(baci + "/kaz_partners_2021.csv", encoding="utf-8")), 2):
    if r["t"] != "2021" or r["i"] != "398":
        sys.exit(f"exports_by_chapter.sh: kaz_partners_2021.csv:{n}: not Kazakhstan's 2021 exports")
    j = int(r["j"])
    if j not in codes:
        sys.exit(f"exports_by_chapter.sh: kaz_partners_2021.csv:{n}: unknown partner code {j}")
    files[codes[j]] = (f"kaz_partners_2021.csv, j={j}", j)
    add(codes[j], r["k"], r["v"], f"kaz_partners_2021.csv:{n}")
for n, r in enumerate(csv.DictReader(open(baci + "/kaz_exports_2021.csv", encoding="utf-8")), 2):
    if r["t"] != "2021" or r["i"] != "398":
        sys.exit(f"exports_by_chapter.sh: kaz_exports_2021.csv:{n}: not Kazakhstan's 2021 exports")
    add("WLD", r["k"], r["v"], f"kaz_exports_2021.csv:{n}")
files["WLD"] = ("kaz_exports_2021.csv, all partners", None)

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["year", "partner", "chapter", "value", "unit", "source", "url", "note"])
source = "CEPII BACI HS 2002 V202301, Kazakhstan's 2021 exports by HS6 (copy in ksreyes/adb-kaz-gvc)"
url = "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37"
for (partner, chapter) in sorted(sums):
    total, lines = sums[(partner, chapter)]
    what, _ = files[partner]
    out.writerow(["2021", partner, chapter, f"{total:.3f}", "USD k", source, url,
                  f"sum of {lines} HS6 line{'s' if lines > 1 else ''} of chapter {chapter} "
                  f"({what}); exact sum of BACI's 3-decimal values"])
PY
