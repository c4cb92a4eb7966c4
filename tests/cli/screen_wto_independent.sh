# mvec screen on the real WTO HS2 file (7.9 million importer-declared rows) against an
# independent recomputation in exact Python integers (tests/independent/screen_wto.py, not
# libmvec): Kazakhstan 2017 (window 2015-2017, all reported), Kazakhstan 2019 (2018 not
# reported: products must meet the criteria in 2017 and 2019) and Japan 2019; counts per year
# and the dependent products compared exactly, HHIs to 1e-12. Skipped without the shared data.
root="$FIXTURES/../.."
file="$SHARED/wto-hs2-bilateral-imports/wto_hs2_bilateral_imports_all_1996_2020.csv.gz"
[ -r "$file" ] || exit 77
ln -s "$file" wto.csv.gz # messages name the file without the machine's path
gzip -dc "$file" | awk -F, '$1 >= 2015 && $1 <= 2019' > window.csv
"$MVEC" flows import wto.csv.gz > /dev/null || exit 1 # parsed once, then from the cache
for case in "KAZ 398 2017" "KAZ 398 2019" "JPN 392 2019"; do
    set -- $case
    echo "== $1 $3"
    "$MVEC" screen "$1" --year "$3" --data wto.csv.gz > screen.txt || exit 1
    "$MVEC" screen "$1" --year "$3" --data wto.csv.gz --format csv > screen.csv || exit 1
    awk -F, -v y="$3" '$1 >= y - 2 && $1 <= y' window.csv |
        python3 "$root/tests/independent/screen_wto.py" "$2" "$3" screen.txt screen.csv || exit 1
done
echo "== KAZ 2017 as mvec prints it"
"$MVEC" screen KAZ --year 2017 --data wto.csv.gz
