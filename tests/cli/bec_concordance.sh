# The built-in HS -> BEC tables (data/hs/bec_<EDITION>.csv) are exactly what
# tools/hs/bec_concordance.sh makes from the shared dataset hs-bec-concordance; skipped without it.
root="$FIXTURES/../.."
[ -d "$SHARED/hs-bec-concordance" ] || exit 77
for edition in HS92 HS96 HS02 HS07 HS12 HS17 HS22; do
    sh "$root/tools/hs/bec_concordance.sh" "$edition" "$SHARED" > "bec_$edition.csv" || exit 1
    if cmp -s "bec_$edition.csv" "$root/data/hs/bec_$edition.csv"; then
        echo "$edition: identical ($(($(wc -l < "bec_$edition.csv") - 1)) rows)"
    else
        echo "$edition: DIFFERS from data/hs/bec_$edition.csv"
    fi
done
