# data/kaz/exports_by_chapter.csv (Kazakhstan's 2021 exports by partner and HS chapter, BACI) is
# exactly what tools/official/exports_by_chapter.sh makes from ../shared/data; and its totals,
# added again here by awk, are the dataset's own: the world rows sum to the 54,072,178.012
# thousand USD of 2.4_products.csv (SOURCE.md: 54.07 bn), the five partners to SOURCE.md's 29.35 bn.
root="$FIXTURES/../.."
[ -d "$SHARED/baci-kaz-exports-2021" ] && [ -d "$SHARED/country-codes" ] || exit 77
sh "$root/tools/official/exports_by_chapter.sh" "$SHARED" > exports_by_chapter.csv || exit 1
if cmp -s exports_by_chapter.csv "$root/data/kaz/exports_by_chapter.csv"; then
    echo "exports_by_chapter: identical ($(($(wc -l < exports_by_chapter.csv) - 1)) rows)"
else
    echo "exports_by_chapter: DIFFERS from data/kaz/exports_by_chapter.csv"
    exit 1
fi
# Independent totals: per partner from the committed table, and from the raw files.
awk -F, 'NR > 1 { t[$2] += $4; n[$2]++ }
    END { for (p in t) printf "table %s: %d chapters, %.3f USD k\n", p, n[p], t[p] }' \
    "$root/data/kaz/exports_by_chapter.csv" | sort
# Raw: the value is the second-last field of kaz_exports_2021.csv (descriptions may hold commas,
# so count from the end) and the 7th of 8 of kaz_partners_2021.csv (likewise).
awk -F, 'NR > 1 { t += $(NF - 1) } END { printf "raw WLD: %.3f USD k\n", t }' \
    "$SHARED/baci-kaz-exports-2021/kaz_exports_2021.csv"
awk -F, 'NR > 1 { t += $(NF - 1) } END { printf "raw five partners: %.3f USD k\n", t }' \
    "$SHARED/baci-kaz-exports-2021/kaz_partners_2021.csv"
awk -F, 'NR == 2 { printf "2.4_products.csv total 2021: %.3f USD k\n", $NF }' \
    "$SHARED/baci-kaz-exports-2021/2.4_products.csv"
