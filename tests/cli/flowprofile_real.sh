# Kazakhstan from the real flow files (skipped without ../shared/data): the WTO HS2 bilateral
# imports (7.9 million rows, imported once into the workspace's flow cache, then opened from
# it) give Kazakhstan's imports on its own declarations and its exports as its partners declare
# them; `mvec coverage` against the Bureau's table built into mvec; the real coverage hole of
# Kazakhstan's Comtrade imports 2020-2022 (WITS download, HS4, imports from the World) against
# the Bureau, flagged; and tests/recompute_flowprofile.py recomputes the partner shares and the
# asymmetry pairs of 2015, 2017 and 2019 from the raw file (Python standard library) to 1e-12.
W="$SHARED/wto-hs2-bilateral-imports/wto_hs2_bilateral_imports_all_1996_2020.csv.gz"
WITS="$SHARED/kaz-wits-hs4-2015-2024/kazakhstan_imports_from_world_hs4_2015_2024_wits.csv"
[ -r "$W" ] && [ -r "$WITS" ] || exit 77
root="$FIXTURES/../.."
ln -s "$W" wto.csv.gz
"$MVEC" flows import wto.csv.gz > /dev/null 2>&1 || exit $?
run() {
    echo "\$ mvec $*"
    "$MVEC" "$@"
    echo "exit $?"
}
run coverage KAZ --data wto.csv.gz
run profile KAZ --no-embedded --year 2019 --data wto.csv.gz
run trend KAZ --vector trade.imports --partner CHN --basis reporter --no-embedded \
    --data wto.csv.gz
run trend KAZ --vector trade.exports --partner CHN --basis partner --no-embedded \
    --data wto.csv.gz
# WITS (Comtrade as reported by Kazakhstan) in the WTO file's layout: the same importer-declared
# rows (reporter 398, partner 000 = World, the chapter of each HS4 line, thousands of USD with
# three decimals written as whole dollars); no reader of WITS downloads is needed for the check
awk -F, 'BEGIN { print "year,reporter_m49,partner_m49,hs2,value_usd" }
NR > 1 && $8 == "Import" && $5 == "WLD" {
    n = split($10, part, "."); f = n > 1 ? part[2] : ""; while (length(f) < 3) f = f "0"
    v = part[1] f; sub(/^0+/, "", v); if (v == "") v = "0"
    print $7 ",398,000," substr($3, 1, 2) "," v
}' "$WITS" > wits_kaz_imports_world.csv
run coverage KAZ --data wits_kaz_imports_world.csv \
    --source "UN Comtrade via World Bank WITS, Kazakhstan's imports from the World by HS4"
cases=""
for year in 2015 2017 2019; do
    "$MVEC" profile KAZ --year $year --no-embedded --data wto.csv.gz --format json --exact \
        > "p$year.json" 2>/dev/null || exit $?
    "$MVEC" profile KAZ --year $year --no-embedded --data wto.csv.gz --asymmetry --format csv \
        > "a$year.csv" 2>/dev/null || exit $?
    cases="$cases $year:p$year.json:a$year.csv"
done
python3 "$root/tests/recompute_flowprofile.py" "$W" /usr/share/iso-codes/json/iso_3166-1.json $cases
