# Issue 7, points 2, 8 and 9: `mvec flows query` on a tiny BACI table whose answers are computed
# by hand in tests/unit/test_flow_query.c (KAZ 398 imports product 010110 from CHN 3 and RUS 1:
# top 0.75, HHI 0.625, dependent; 020220 from CHN 1 and USA 1: top exactly 0.5, not dependent).
# The same bytes for 1, 2 and 8 threads, through the cache, and from two halves of the file
# imported by separate processes (--state) and merged; bad usage and a bad blocs file.
cp -r "$FIXTURES"/flowquery data
"$MVEC" flows query all data out data/blocs.csv
echo "exit $?"
for q in q1 q2 q3; do echo "-- $q"; cat out/$q.csv; done
echo "-- threads"
for t in 1 2 8; do
    "$MVEC" flows query all data/BACI_HS17_Y2020_Vtiny.csv out$t data/blocs.csv --threads $t -q
    for q in q1 q2 q3; do cmp out/$q.csv out$t/$q.csv || echo "$t threads: $q differs"; done
done
echo "-- from the cache, twice"
for i in 1 2; do
    "$MVEC" flows query all data cached data/blocs.csv --workspace ws.sqlite -q
    for q in q1 q2 q3; do cmp out/$q.csv cached/$q.csv || echo "cache $i: $q differs"; done
done
ls ws.sqlite.flows | sed 's/^[0-9a-f]*\.mvf/X.mvf/'
echo "-- two halves in two processes, merged"
mkdir -p p1 p2
head -4 data/BACI_HS17_Y2020_Vtiny.csv > p1/BACI_HS17_Y2020_Vtiny.csv
{ echo "t,i,j,k,v,q"; tail -n +5 data/BACI_HS17_Y2020_Vtiny.csv; } > p2/BACI_HS17_Y2020_Vtiny.csv
"$MVEC" flows query all p1 o1 data/blocs.csv --state s1.mvq -q &
"$MVEC" flows query all p2 o2 data/blocs.csv --state s2.mvq -q &
wait
"$MVEC" flows query all s2.mvq merged data/blocs.csv --data s1.mvq
echo "exit $?"
for q in q1 q2 q3; do cmp out/$q.csv merged/$q.csv || echo "merged: $q differs"; done
cmp o1/q3.csv out/q3.csv > /dev/null || echo "a half alone differs from the whole (as it should)"
echo "-- one query"
"$MVEC" flows query q3 data only3 data/blocs.csv
ls only3
echo "-- a Q3-only state cannot answer Q1"
"$MVEC" flows query q3 data only3 data/blocs.csv --state s3.mvq -q
"$MVEC" flows query all s3.mvq x data/blocs.csv
echo "exit $?"
echo "-- errors"
"$MVEC" flows query q4 data x data/blocs.csv
echo "exit $?"
"$MVEC" flows query all nowhere x data/blocs.csv
echo "exit $?"
printf 'code,bloc\nRUS,EAEU\n' > bad_blocs.csv
"$MVEC" flows query all data x bad_blocs.csv
echo "exit $?"
head -c 100 s1.mvq > cut.mvq
"$MVEC" flows query all cut.mvq x data/blocs.csv
echo "exit $?"
ls x 2>/dev/null
