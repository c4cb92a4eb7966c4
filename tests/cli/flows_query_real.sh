# Issue 7, points 2, 9 and 10: `mvec flows query all` on real CEPII BACI rows (South Africa's and
# Afghanistan's exports to every partner, HS17 2020 and HS92 2021: 143,289 rows, from
# ../shared/data/baci-zaf-afg-exports) equals, byte for byte, an independent recomputation in
# Python's standard library (tests/flows_query_recompute.py: integers and exact fractions);
# the same bytes for 1, 2 and 8 threads, and from each file queried in its own process (--state)
# and the two states merged. Skipped when the shared data are absent.
src="$SHARED/baci-zaf-afg-exports"
[ -r "$src/BACI_HS17_Y2020_V202301_exports_ZAF_AFG.csv" ] || exit 77
mkdir -p data a b
cp "$src"/BACI_HS17_Y2020_V202301_exports_ZAF_AFG.csv "$src"/BACI_HS92_Y2021_V202301_exports_ZAF_AFG.csv data/
cp data/BACI_HS17_Y2020_V202301_exports_ZAF_AFG.csv a/
cp data/BACI_HS92_Y2021_V202301_exports_ZAF_AFG.csv b/
blocs="$FIXTURES/flowquery/blocs.csv"
python3 "$FIXTURES/../flows_query_recompute.py" data expected "$blocs" || echo "recomputation failed"
wc -l expected/q1.csv expected/q2.csv expected/q3.csv
for t in 1 2 8; do
    "$MVEC" flows query all data out$t "$blocs" --threads "$t" -q
    for q in q1 q2 q3; do cmp expected/$q.csv out$t/$q.csv || echo "$t threads: $q differs"; done
done
"$MVEC" flows query all a oa "$blocs" --state a.mvq -q &
"$MVEC" flows query all b ob "$blocs" --state b.mvq -q &
wait
"$MVEC" flows query all a.mvq merged "$blocs" --data b.mvq -q
for q in q1 q2 q3; do cmp expected/$q.csv merged/$q.csv || echo "merged: $q differs"; done
echo done
