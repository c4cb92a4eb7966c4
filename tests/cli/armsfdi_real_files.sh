# The four importers on their real files (shared/data): rows read (every country) by vector,
# the codes left out (stderr), check figures of SOURCE.md, and any country (Uzbekistan,
# Mongolia) from SIPRI and UNCTAD together
[ -d "$SHARED/sipri-tiv" ] && [ -d "$SHARED/unctad-bilateral-fdi" ] && [ -d "$SHARED/wiiw-fdi-kaz" ] &&
    [ -d "$SHARED/aiddata-gcdf3-china-finance" ] || exit 77
# the datasets through local links: messages name them without the machine's path (a message
# is wrapped at 120 columns, so a path stripped afterwards would move its line breaks)
for d in sipri-tiv unctad-bilateral-fdi wiiw-fdi-kaz aiddata-gcdf3-china-finance; do
    ln -s "$SHARED/$d" "$d"
done
sipri="sipri-tiv/sipri-exports-processed.csv"
unctad="unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv"
wiiw="wiiw-fdi-kaz/wiiw_partners.csv"
aid="aiddata-gcdf3-china-finance/cow_gcdf.csv"
for file in "$sipri" "$unctad" "$wiiw" "$aid"; do
    echo "$(basename "$file"):"
    "$MVEC" sources --no-embedded --data "$file" --format csv 2>&1 >kaz.csv
    awk -F, 'NR > 1 { n[$3 " " $4 " " $11]++ } END { for (k in n) print "  " k, n[k] }' kaz.csv | sort
done
claims() {
    python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["id"] == sys.argv[1]:
        print(" ", r["id"], r["verdict"]); print("   ", r["numbers"])' "$1"
}
echo "SIPRI: Russia's share of Kazakhstan's arms imports (claim):"
"$MVEC" check --no-embedded --data "$sipri" -q --format csv | claims russia-primary-military
echo "UNCTAD and wiiw: China's rank in Kazakhstan's inward stock (claim):"
"$MVEC" check --no-embedded --data "$unctad" --data "$wiiw" -q --format csv | claims china-fourth-fdi
echo "AidData: Kazakhstan's OOF-like commitments 2008, 2009, 2012, 2021:"
"$MVEC" sources --no-embedded --data "$aid" --format csv -q |
    awk -F, '$1 == "KAZ" && $4 == "commitment" && $7 == "OOF-like" && ($5 == 2008 || $5 == 2009 || $5 == 2012 || $5 == 2021) { print "  " $5, $8 }'
for country in UZB MNG; do
    "$MVEC" profile "$country" --no-embedded --data "$sipri" --data "$unctad" -q --format csv |
        awk -F, 'NR > 1 { print $1, $2, $3, $4, $6, $11, $12 }'
done
